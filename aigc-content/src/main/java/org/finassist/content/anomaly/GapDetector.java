package org.finassist.content.anomaly;

import org.finassist.content.facts.Fact;
import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;

import java.time.LocalDate;
import java.util.List;

/**
 * Unfilled gaps: today's low stays above yesterday's high (gap up), or today's high below yesterday's low (gap
 * down), by at least {@code gapPercent} of yesterday's price.
 */
final class GapDetector implements Detector {

    private final double minPercent;

    GapDetector(double minPercent) {
        this.minPercent = minPercent;
    }

    @Override
    public List<Anomaly> detect(StockDay day) {
        int i = day.i();
        if (i == 0) {
            return List.of();
        }
        var s = day.series();
        double prevHigh = s.high()[i - 1];
        double prevLow = s.low()[i - 1];
        LocalDate d = day.date();
        if (s.low()[i] > prevHigh && (s.low()[i] / prevHigh - 1) * 100 >= minPercent) {
            return List.of(LimitDetector.anomaly(day, AnomalyKind.GAP_UP, List.of(
                    FactFormat.fact("prevHigh", "前一日最高价", prevHigh, FactUnit.CNY, 2, s.date(i - 1)),
                    FactFormat.fact("low", "当日最低价", s.low()[i], FactUnit.CNY, 2, d),
                    FactFormat.fact("open", "开盘价", s.open()[i], FactUnit.CNY, 2, d),
                    gap((s.low()[i] / prevHigh - 1) * 100, d),
                    change(day))));
        }
        if (s.high()[i] < prevLow && (1 - s.high()[i] / prevLow) * 100 >= minPercent) {
            return List.of(LimitDetector.anomaly(day, AnomalyKind.GAP_DOWN, List.of(
                    FactFormat.fact("prevLow", "前一日最低价", prevLow, FactUnit.CNY, 2, s.date(i - 1)),
                    FactFormat.fact("high", "当日最高价", s.high()[i], FactUnit.CNY, 2, d),
                    FactFormat.fact("open", "开盘价", s.open()[i], FactUnit.CNY, 2, d),
                    gap((1 - s.high()[i] / prevLow) * 100, d),
                    change(day))));
        }
        return List.of();
    }

    private static Fact gap(double percent, LocalDate d) {
        return FactFormat.fact("gap", "缺口幅度", percent, FactUnit.PERCENT, 2, d);
    }

    static Fact change(StockDay day) {
        return FactFormat.fact("change1d", "当日涨跌幅", day.changePercent(), FactUnit.PERCENT, 2, day.date());
    }
}
