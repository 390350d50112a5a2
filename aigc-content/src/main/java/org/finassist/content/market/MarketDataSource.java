package org.finassist.content.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where daily (and optionally minute) bars come from. Implementations are thread-safe and may load lazily.
 */
public interface MarketDataSource {

    /** Every security the source knows, stocks and indices. */
    List<SecurityInfo> securities();

    /** The security for {@code symbol}, if the source knows it. */
    Optional<SecurityInfo> security(Symbol symbol);

    /**
     * All daily bars of {@code symbol}, oldest first, no two on the same date.
     *
     * @throws MarketDataException {@code UNKNOWN_SYMBOL} when unknown, {@code MALFORMED_DATA} when its file is bad
     */
    BarSeries dailyBars(Symbol symbol);

    /** The 1-minute bars of one day; empty when the source has none. */
    default List<MinuteBar> minuteBars(Symbol symbol, LocalDate date) {
        return List.of();
    }

    /** The latest trading day the source has data for; a stock whose last bar is older is suspended. */
    LocalDate latestTradingDate();
}
