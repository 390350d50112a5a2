package org.finassist.content.anomaly;

import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;

import java.util.List;

/**
 * N-day breakout: the close is above the highest high of the previous {@code days} days (new high), or below their
 * lowest low (new low).
 */
final class BreakoutDetector implements Detector {

    private final int days;

    BreakoutDetector(int days) {
        this.days = days;
    }

    @Override
    public List<Anomaly> detect(StockDay day) {
        int i = day.i();
        if (i < days) {
            return List.of();
        }
        var s = day.series();
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = i - days; k < i; k++) {
            highest = Math.max(highest, s.high()[k]);
            lowest = Math.min(lowest, s.low()[k]);
        }
        double close = s.close()[i];
        var d = day.date();
        if (close > highest) {
            return List.of(LimitDetector.anomaly(day, AnomalyKind.BREAKOUT_HIGH, List.of(
                    FactFormat.fact("close", "收盘价", close, FactUnit.CNY, 2, d),
                    FactFormat.fact("priorHigh", "前" + days + "日最高价", highest, FactUnit.CNY, 2, d),
                    GapDetector.change(day))));
        }
        if (close < lowest) {
            return List.of(LimitDetector.anomaly(day, AnomalyKind.BREAKDOWN_LOW, List.of(
                    FactFormat.fact("close", "收盘价", close, FactUnit.CNY, 2, d),
                    FactFormat.fact("priorLow", "前" + days + "日最低价", lowest, FactUnit.CNY, 2, d),
                    GapDetector.change(day))));
        }
        return List.of();
    }
}
