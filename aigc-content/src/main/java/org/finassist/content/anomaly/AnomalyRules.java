package org.finassist.content.anomaly;

import org.finassist.content.market.PriceLimitRules;

import java.util.List;
import java.util.Objects;

/**
 * Thresholds of the detectors.
 *
 * @param volumeRatio    a volume surge is a day's volume at least this many times the average of the previous
 *                       {@code volumeDays} days
 * @param breakoutDays   a breakout is a close above the highest high (below the lowest low) of the previous N days
 * @param gapPercent     an unfilled gap leaves at least this much (%) between today's range and yesterday's
 * @param fastMinutes    window of an intraday fast move, in minutes
 * @param fastPercent    an intraday fast move is at least this change (%) within {@code fastMinutes}
 * @param indexPercent   an index move is a daily change of at least this much (%)
 */
public record AnomalyRules(PriceLimitRules limits, double volumeRatio, int volumeDays, int breakoutDays,
                           double gapPercent, int fastMinutes, double fastPercent, double indexPercent) {

    public static final AnomalyRules DEFAULT = new AnomalyRules(PriceLimitRules.DEFAULT, 2.0, 5, 20, 0.0, 5, 3.0, 1.0);

    public AnomalyRules {
        Objects.requireNonNull(limits, "limits");
        if (volumeDays < 1 || breakoutDays < 1 || fastMinutes < 1) {
            throw new IllegalArgumentException("day and minute windows must be at least 1");
        }
        if (!(volumeRatio > 1) || !(fastPercent > 0) || !(indexPercent > 0) || !(gapPercent >= 0)) {
            throw new IllegalArgumentException("thresholds must be positive (volumeRatio above 1)");
        }
    }

    public AnomalyRules withLimits(PriceLimitRules rules) {
        return new AnomalyRules(rules, volumeRatio, volumeDays, breakoutDays, gapPercent, fastMinutes, fastPercent,
                indexPercent);
    }

    /** The window lengths a text may mention (the 5 of 5日均量). */
    public List<Integer> parameters() {
        return List.of(volumeDays, breakoutDays, fastMinutes);
    }
}
