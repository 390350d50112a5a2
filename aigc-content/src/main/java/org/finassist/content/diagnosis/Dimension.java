package org.finassist.content.diagnosis;

/** The dimensions a diagnosis scores, each 0–100 (higher = stronger / calmer / more liquid). */
public enum Dimension {
    TREND("趋势", 0.30), MOMENTUM("动能", 0.25), RISK("波动与风险", 0.15), LIQUIDITY("量能", 0.10),
    RELATIVE_STRENGTH("相对强弱", 0.20);

    private final String label;
    private final double weight;

    Dimension(String label, double weight) {
        this.label = label;
        this.weight = weight;
    }

    public String label() {
        return label;
    }

    /** Weight in the overall score; the weights sum to 1. */
    public double weight() {
        return weight;
    }
}
