package org.finassist.content.anomaly;

import org.finassist.content.market.BarSeries;
import org.finassist.content.market.MinuteBar;
import org.finassist.content.market.PriceLimit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One stock on one day: its bars up to and including bar {@code i}, the day's limit prices and minute bars. */
record StockDay(BarSeries series, int i, Optional<PriceLimit> limit, List<MinuteBar> minutes) {

    LocalDate date() {
        return series.date(i);
    }

    double preClose() {
        return series.preClose(i);
    }

    double changePercent() {
        return (series.close()[i] / preClose() - 1) * 100;
    }
}
