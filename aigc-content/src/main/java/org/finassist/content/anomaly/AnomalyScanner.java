package org.finassist.content.anomaly;

import org.finassist.content.facts.Fact;
import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.PriceLimit;
import org.finassist.content.market.PriceLimitRules;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs every detector over the stocks of a universe for one trading day, and computes index quotes, index moves
 * and breadth. Thread-safe; a scan of thousands of stocks loads their bars in parallel.
 */
public final class AnomalyScanner {

    private final MarketDataSource market;
    private final AnomalyRules rules;
    private final List<Detector> detectors;

    public AnomalyScanner(MarketDataSource market, AnomalyRules rules) {
        this.market = Objects.requireNonNull(market, "market");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.detectors = List.of(new LimitDetector(), new GapDetector(rules.gapPercent()),
                new VolumeSurgeDetector(rules.volumeRatio(), rules.volumeDays()),
                new BreakoutDetector(rules.breakoutDays()), new FastMoveDetector(rules.fastMinutes(), rules.fastPercent()));
    }

    public AnomalyRules rules() {
        return rules;
    }

    /** The anomalies of one stock on {@code date}; empty when it has none or no bar that day. */
    public List<Anomaly> detect(Symbol symbol, LocalDate date) {
        return stockDay(symbol, date).map(this::detect).orElse(List.of());
    }

    /** Scans {@code universe} (indices in it are ignored) and the source's indices for {@code date}. */
    public MarketScan scan(List<Symbol> universe, LocalDate date) {
        record Result(Symbol symbol, Optional<StockDay> day, List<Anomaly> anomalies) {
        }
        List<Result> results = universe.parallelStream()
                .filter(s -> market.security(s).filter(SecurityInfo::isIndex).isEmpty())
                .map(s -> {
                    Optional<StockDay> day = stockDay(s, date);
                    return new Result(s, day, day.map(this::detect).orElse(List.of()));
                }).toList();
        Map<Symbol, List<Anomaly>> anomalies = new LinkedHashMap<>();
        List<Symbol> skipped = new ArrayList<>();
        int[] counts = new int[7];
        for (Result r : results) {
            if (r.day().isEmpty()) {
                skipped.add(r.symbol());
                continue;
            }
            if (!r.anomalies().isEmpty()) {
                anomalies.put(r.symbol(), r.anomalies());
            }
            count(counts, r.day().get(), r.anomalies());
        }
        Breadth breadth = new Breadth(date, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
        List<IndexQuote> quotes = indexQuotes(date);
        return new MarketScan(date, anomalies, quotes, indexMoves(quotes), breadth, skipped);
    }

    private List<Anomaly> detect(StockDay day) {
        List<Anomaly> out = new ArrayList<>();
        for (Detector d : detectors) {
            out.addAll(d.detect(day));
        }
        return out;
    }

    private static void count(int[] counts, StockDay day, List<Anomaly> anomalies) {
        counts[0]++;
        double close = day.series().close()[day.i()];
        double pre = day.preClose();
        int cmp = Double.isNaN(pre) ? 0 : Long.compare(Math.round(close * 100), Math.round(pre * 100));
        counts[cmp > 0 ? 1 : cmp < 0 ? 2 : 3]++;
        for (Anomaly a : anomalies) {
            switch (a.kind()) {
                case LIMIT_UP -> counts[4]++;
                case LIMIT_DOWN -> counts[5]++;
                case OPENED_LIMIT_UP -> counts[6]++;
                default -> { }
            }
        }
    }

    private Optional<StockDay> stockDay(Symbol symbol, LocalDate date) {
        BarSeries series;
        try {
            series = market.dailyBars(symbol);
        } catch (MarketDataException e) {
            return Optional.empty();
        }
        int i = series.indexOnOrBefore(date);
        if (i < 0 || !series.date(i).equals(date)) {
            return Optional.empty();
        }
        Optional<PriceLimit> limit = rules.limits().limit(series.security(), date,
                PriceLimitRules.dayOfListing(series, i), series.preClose(i));
        return Optional.of(new StockDay(series, i, limit, market.minuteBars(symbol, date)));
    }

    /** Close, change and turnover of every index the source has a bar for on {@code date}. */
    public List<IndexQuote> indexQuotes(LocalDate date) {
        List<IndexQuote> out = new ArrayList<>();
        for (SecurityInfo index : market.securities()) {
            if (!index.isIndex()) {
                continue;
            }
            BarSeries s;
            try {
                s = market.dailyBars(index.symbol());
            } catch (MarketDataException e) {
                continue; // a broken index file must not stop the stock scan
            }
            int i = s.indexOnOrBefore(date);
            if (i > 0 && s.date(i).equals(date)) {
                out.add(new IndexQuote(index, date, List.of(
                        FactFormat.fact("close", "收盘点位", s.close()[i], FactUnit.POINTS, 2, date),
                        FactFormat.fact("change1d", "当日涨跌幅", (s.close()[i] / s.preClose(i) - 1) * 100,
                                FactUnit.PERCENT, 2, date),
                        FactFormat.large("amount", "成交额", s.amount()[i], FactUnit.CNY, date))));
            }
        }
        return out;
    }

    /** The quotes whose daily change reaches {@code indexPercent}, as anomalies. */
    public List<Anomaly> indexMoves(List<IndexQuote> quotes) {
        List<Anomaly> out = new ArrayList<>();
        for (IndexQuote q : quotes) {
            Fact change = q.get("change1d");
            if (change.value().abs().doubleValue() >= rules.indexPercent()) {
                out.add(new Anomaly(q.index(), q.date(), AnomalyKind.INDEX_MOVE, null, q.facts()));
            }
        }
        return out;
    }
}
