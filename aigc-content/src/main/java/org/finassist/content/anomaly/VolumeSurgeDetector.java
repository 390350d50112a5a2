package org.finassist.content.anomaly;

import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;

import java.util.List;

/** Volume surge: the day's volume is at least {@code ratio} times the average of the previous {@code days} days. */
final class VolumeSurgeDetector implements Detector {

    private final double ratio;
    private final int days;

    VolumeSurgeDetector(double ratio, int days) {
        this.ratio = ratio;
        this.days = days;
    }

    @Override
    public List<Anomaly> detect(StockDay day) {
        int i = day.i();
        if (i < days) {
            return List.of();
        }
        double[] v = day.series().volume();
        double avg = average(v, i - days, i);
        if (!(avg > 0) || v[i] < ratio * avg) {
            return List.of();
        }
        var d = day.date();
        return List.of(LimitDetector.anomaly(day, AnomalyKind.VOLUME_SURGE, List.of(
                FactFormat.large("volume", "成交量", v[i], FactUnit.SHARES, d),
                FactFormat.large("avgVolume", days + "日平均成交量", avg, FactUnit.SHARES, d),
                FactFormat.fact("volumeRatio", "成交量与" + days + "日均量之比", v[i] / avg, FactUnit.TIMES, 2, d),
                FactFormat.large("amount", "成交额", day.series().amount()[i], FactUnit.CNY, d),
                GapDetector.change(day))));
    }

    /** Mean of {@code v[from, to)}. */
    static double average(double[] v, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += v[k];
        }
        return sum / (to - from);
    }
}
