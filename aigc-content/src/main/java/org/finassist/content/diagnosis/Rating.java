package org.finassist.content.diagnosis;

/**
 * A plain-language reading of the overall technical score. Deliberately descriptive (偏强 / 中性 / 偏弱), never a
 * buy, sell or hold call.
 */
public enum Rating {
    STRONG("偏强", 65), SOMEWHAT_STRONG("中性偏强", 55), NEUTRAL("中性", 45), SOMEWHAT_WEAK("中性偏弱", 35), WEAK("偏弱", 0);

    private final String label;
    private final int minScore;

    Rating(String label, int minScore) {
        this.label = label;
        this.minScore = minScore;
    }

    public String label() {
        return label;
    }

    public static Rating of(int overallScore) {
        for (Rating r : values()) {
            if (overallScore >= r.minScore) {
                return r;
            }
        }
        return WEAK;
    }
}
