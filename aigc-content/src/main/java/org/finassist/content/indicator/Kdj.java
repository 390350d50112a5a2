package org.finassist.content.indicator;

/** KDJ lines: K = SMA(RSV, M1, 1), D = SMA(K, M2, 1), J = 3K − 2D. */
public record Kdj(double[] k, double[] d, double[] j) {
}
