package org.finassist.content.anomaly;

import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;
import org.finassist.content.market.MinuteBar;

import java.util.ArrayList;
import java.util.List;

/**
 * Intraday fast move from 1-minute bars: the close of minute j against the close {@code minutes} bars earlier
 * changed by at least {@code percent}. Reports the strongest rise and the strongest drop of the day, each ending
 * at its minute.
 */
final class FastMoveDetector implements Detector {

    private final int minutes;
    private final double percent;

    FastMoveDetector(int minutes, double percent) {
        this.minutes = minutes;
        this.percent = percent;
    }

    @Override
    public List<Anomaly> detect(StockDay day) {
        List<MinuteBar> m = day.minutes();
        int bestUp = -1;
        int bestDown = -1;
        for (int j = minutes; j < m.size(); j++) {
            double change = change(m, j);
            if (change >= percent && (bestUp < 0 || change > change(m, bestUp))) {
                bestUp = j;
            }
            if (change <= -percent && (bestDown < 0 || change < change(m, bestDown))) {
                bestDown = j;
            }
        }
        List<Anomaly> out = new ArrayList<>(2);
        if (bestUp >= 0) {
            out.add(anomaly(day, AnomalyKind.FAST_RISE, m, bestUp));
        }
        if (bestDown >= 0) {
            out.add(anomaly(day, AnomalyKind.FAST_DROP, m, bestDown));
        }
        return out;
    }

    private double change(List<MinuteBar> m, int j) {
        double from = m.get(j - minutes).close();
        return from > 0 ? (m.get(j).close() / from - 1) * 100 : 0;
    }

    private Anomaly anomaly(StockDay day, AnomalyKind kind, List<MinuteBar> m, int j) {
        var d = day.date();
        MinuteBar from = m.get(j - minutes);
        MinuteBar to = m.get(j);
        return new Anomaly(day.series().security(), d, kind, to.time().toLocalTime(), List.of(
                FactFormat.fact("fromPrice", from.time().toLocalTime() + "价格", from.close(), FactUnit.CNY, 2, d),
                FactFormat.fact("toPrice", to.time().toLocalTime() + "价格", to.close(), FactUnit.CNY, 2, d),
                FactFormat.fact("fastChange", minutes + "分钟涨跌幅", change(m, j), FactUnit.PERCENT, 2, d)));
    }
}
