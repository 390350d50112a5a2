package org.finassist.content.indicator;

/** Bollinger bands: mid = MA(close, N), upper/lower = mid ± width × SD(close, N). */
public record Boll(double[] mid, double[] upper, double[] lower) {
}
