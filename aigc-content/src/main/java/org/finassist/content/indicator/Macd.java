package org.finassist.content.indicator;

/** MACD lines: DIF = EMA(short) − EMA(long), DEA = EMA(DIF, signal), bar = 2 × (DIF − DEA) as in 通达信. */
public record Macd(double[] dif, double[] dea, double[] bar) {
}
