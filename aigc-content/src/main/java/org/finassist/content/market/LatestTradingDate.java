package org.finassist.content.market;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The newest bar date over a file-backed universe, shared by the file sources. */
final class LatestTradingDate {

    private LatestTradingDate() {
    }

    /**
     * Scans every series once. A malformed file must not hide every other stock: it counts as empty here and
     * surfaces when its own symbol is asked for.
     */
    static LocalDate scan(Map<Symbol, SecurityInfo> securities, Function<Symbol, BarSeries> bars, Object where) {
        return securities.keySet().stream().map(s -> barsOrEmpty(securities, bars, s)).filter(s -> !s.isEmpty())
                .map(BarSeries::lastDate).max(Comparator.naturalOrder())
                .orElseThrow(() -> new MarketDataException(MarketDataException.Reason.NO_DATA, "No bars in " + where));
    }

    private static BarSeries barsOrEmpty(Map<Symbol, SecurityInfo> securities, Function<Symbol, BarSeries> bars,
                                         Symbol symbol) {
        try {
            return bars.apply(symbol);
        } catch (MarketDataException e) {
            return new BarSeries(securities.get(symbol), List.of());
        }
    }
}
