package org.finassist.content.sector;

import org.finassist.content.market.BarSeries;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Industries of one trading day, strongest first, when at least half of the day's stocks have one (an industry needs
 * {@link #MIN_STOCKS} stocks to be ranked, so one stock's jump is not a sector's). Without industries (the shipped
 * master has none) there is no ranking: an answer then says so and shows the board indices instead.
 */
public final class SectorRanking {

    static final int MIN_STOCKS = 3;

    /** The ranked industries of a day. */
    public record Ranking(LocalDate date, List<SectorMove> moves) {
        public Ranking {
            moves = List.copyOf(moves);
        }
    }

    private record Day(SecurityInfo security, double changePct) {
    }

    private SectorRanking() {
    }

    /**
     * Ranks the sectors of {@code universe} (indices in it are ignored) on {@code date}; {@code industryOf} gives a
     * stock's industry, empty when unknown.
     */
    public static Optional<Ranking> rank(MarketDataSource market, Collection<Symbol> universe,
                               Function<Symbol, Optional<String>> industryOf, LocalDate date) {
        List<Day> days = new ArrayList<>();
        for (Symbol symbol : universe) {
            market.security(symbol).filter(s -> !s.isIndex())
                    .ifPresent(s -> change(market, symbol, date).ifPresent(c -> days.add(new Day(s, c))));
        }
        long withIndustry = days.stream().filter(d -> industryOf.apply(d.security().symbol()).isPresent()).count();
        if (days.isEmpty() || withIndustry * 2 < days.size()) {
            return Optional.empty();
        }
        Map<String, List<Double>> groups = new HashMap<>();
        for (Day d : days) {
            industryOf.apply(d.security().symbol())
                    .ifPresent(name -> groups.computeIfAbsent(name, k -> new ArrayList<>()).add(d.changePct()));
        }
        List<SectorMove> moves = new ArrayList<>();
        groups.forEach((name, changes) -> {
            if (changes.size() >= MIN_STOCKS) {
                moves.add(move(name, changes));
            }
        });
        moves.sort(Comparator.comparingDouble(SectorMove::meanChangePct).reversed()
                .thenComparing(SectorMove::sector));
        return moves.isEmpty() ? Optional.empty() : Optional.of(new Ranking(date, moves));
    }

    private static SectorMove move(String name, List<Double> changes) {
        int up = (int) changes.stream().filter(c -> c > 0).count();
        int down = (int) changes.stream().filter(c -> c < 0).count();
        double mean = changes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new SectorMove(name, changes.size(), up, down, mean);
    }

    private static Optional<Double> change(MarketDataSource market, Symbol symbol, LocalDate date) {
        BarSeries series;
        try {
            series = market.dailyBars(symbol);
        } catch (MarketDataException e) {
            return Optional.empty(); // no bars: not part of the day
        }
        int i = series.indexOnOrBefore(date);
        if (i < 0 || !series.date(i).equals(date)) {
            return Optional.empty(); // suspended that day
        }
        double pre = series.preClose(i);
        if (Double.isNaN(pre) || pre <= 0) {
            return Optional.empty(); // first day: no change to compare
        }
        return Optional.of((series.close()[i] / pre - 1) * 100);
    }
}
