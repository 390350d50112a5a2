package org.finassist.content.anomaly;

import org.finassist.content.market.Symbol;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything one scan found for one day.
 *
 * @param anomalies per stock (only stocks with at least one anomaly), in universe order
 * @param indices   quotes of the indices the source has for the day; index moves are among {@code indexMoves}
 * @param skipped   stocks without a bar on the day (suspended, not listed yet) or whose data failed to load
 */
public record MarketScan(LocalDate date, Map<Symbol, List<Anomaly>> anomalies, List<IndexQuote> indices,
                         List<Anomaly> indexMoves, Breadth breadth, List<Symbol> skipped) {

    public MarketScan {
        anomalies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(anomalies));
        indices = List.copyOf(indices);
        indexMoves = List.copyOf(indexMoves);
        skipped = List.copyOf(skipped);
    }

    /** Every stock anomaly of the day, in universe order. */
    public List<Anomaly> all() {
        return anomalies.values().stream().flatMap(List::stream).toList();
    }
}
