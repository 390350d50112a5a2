/**
 * Technical indicators as Chinese trading software defines them (通达信 / MyTT): MA, EMA, the Chinese SMA(X,N,M),
 * MACD, KDJ, RSI, BOLL, ATR, volatility, drawdown, 52-week distance and volume ratio. Inputs are oldest-first
 * arrays; outputs have the same length with {@code NaN} during warm-up.
 */
package org.finassist.content.indicator;
