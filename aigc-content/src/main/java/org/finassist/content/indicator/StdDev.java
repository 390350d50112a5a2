package org.finassist.content.indicator;

/**
 * Which standard deviation BOLL uses. {@link #POPULATION} is the default: it is Bollinger's own definition and
 * what MyTT computes ({@code std(ddof=0)}); {@link #SAMPLE} matches 通达信's {@code STD} (which divides by N−1),
 * giving bands about 2.6% wider at N=20.
 */
public enum StdDev { POPULATION, SAMPLE }
