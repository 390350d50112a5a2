package org.finassist.content.diagnosis;

import java.util.List;

/** One dimension's score (0–100) and the plain-language observations behind it (no figures in them). */
public record DimensionScore(Dimension dimension, int score, List<String> reasons) {
    public DimensionScore {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score out of 0..100: " + score);
        }
        reasons = List.copyOf(reasons);
    }
}
