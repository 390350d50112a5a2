package org.finassist.content.indicator;

import org.finassist.content.TestData;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.HqChartMarketDataSource;
import org.finassist.content.market.Symbol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicator values on real bars (600000.SH, 000001.SZ) against an independent computation written here:
 * recursive averages as explicit truncated weighted sums (Σ α(1−α)^k·X[t−k], which does not depend on how the
 * recursion was seeded), windows by brute force, moving averages in BigDecimal. Compared to 1e-6 relative after
 * a warm-up of {@value #WARM_UP} bars.
 */
class IndicatorGoldenTest {

    private static final int WARM_UP = 600;
    private static final double REL = 1e-6;

    private static BarSeries bars(String code) {
        return new HqChartMarketDataSource(TestData.marketDirOrSkip()).dailyBars(Symbol.parse(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"600000.SH", "000001.SZ"})
    void movingAverages(String code) {
        double[] c = bars(code).close();
        for (int n : new int[] {5, 10, 20, 60}) {
            double[] ma = Indicators.ma(c, n);
            for (int t = n - 1; t < c.length; t++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int k = t - n + 1; k <= t; k++) {
                    sum = sum.add(new BigDecimal(c[k]));
                }
                assertClose(ma[t], sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue(), code + " MA" + n, t);
            }
            assertThat(ma[n - 2]).isNaN();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"600000.SH", "000001.SZ"})
    void macd(String code) {
        double[] c = bars(code).close();
        Macd macd = Indicators.macd(c, 12, 26, 9);
        double[] dif = new double[c.length];
        for (int t = WARM_UP; t < c.length; t++) {
            dif[t] = weighted(c, t, 2.0 / 13) - weighted(c, t, 2.0 / 27);
        }
        for (int t = 2 * WARM_UP; t < c.length; t++) {
            double dea = weighted(dif, t, 2.0 / 10);
            assertClose(macd.dif()[t], dif[t], code + " DIF", t);
            assertClose(macd.dea()[t], dea, code + " DEA", t);
            assertClose(macd.bar()[t], 2 * (dif[t] - dea), code + " MACD", t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"600000.SH", "000001.SZ"})
    void kdj(String code) {
        BarSeries s = bars(code);
        double[] c = s.close();
        Kdj kdj = Indicators.kdj(c, s.high(), s.low(), 9, 3, 3);
        double[] rsv = new double[c.length];
        for (int t = 8; t < c.length; t++) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int k = t - 8; k <= t; k++) {
                hi = Math.max(hi, s.high()[k]);
                lo = Math.min(lo, s.low()[k]);
            }
            rsv[t] = hi == lo ? 50 : (c[t] - lo) / (hi - lo) * 100;
        }
        double[] k = new double[c.length];
        for (int t = WARM_UP; t < c.length; t++) {
            k[t] = weighted(rsv, t, 1.0 / 3);
        }
        for (int t = 2 * WARM_UP; t < c.length; t++) {
            double d = weighted(k, t, 1.0 / 3);
            assertClose(kdj.k()[t], k[t], code + " K", t);
            assertClose(kdj.d()[t], d, code + " D", t);
            assertClose(kdj.j()[t], 3 * k[t] - 2 * d, code + " J", t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"600000.SH", "000001.SZ"})
    void rsi(String code) {
        double[] c = bars(code).close();
        double[] up = new double[c.length];
        double[] abs = new double[c.length];
        for (int t = 1; t < c.length; t++) {
            up[t] = Math.max(c[t] - c[t - 1], 0);
            abs[t] = Math.abs(c[t] - c[t - 1]);
        }
        for (int n : new int[] {6, 12, 24}) {
            double[] rsi = Indicators.rsi(c, n);
            for (int t = WARM_UP; t < c.length; t++) {
                double expected = weighted(up, t, 1.0 / n) / weighted(abs, t, 1.0 / n) * 100;
                assertClose(rsi[t], expected, code + " RSI" + n, t);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"600000.SH", "000001.SZ"})
    void bollAtrAndVolatility(String code) {
        BarSeries s = bars(code);
        double[] c = s.close();
        Boll boll = Indicators.boll(c, 20, 2, StdDev.POPULATION);
        Boll sample = Indicators.boll(c, 20, 2, StdDev.SAMPLE);
        double[] atr = Indicators.atr(s.high(), s.low(), c, 14);
        double[] vol = Indicators.volatility(c, 20);
        for (int t = 60; t < c.length; t++) {
            double sum = 0;
            double sumSq = 0;
            for (int k = t - 19; k <= t; k++) {
                sum += c[k];
                sumSq += c[k] * c[k];
            }
            double mean = sum / 20;
            double varPop = sumSq / 20 - mean * mean;
            assertClose(boll.upper()[t], mean + 2 * Math.sqrt(varPop), code + " BOLL upper", t);
            assertClose(boll.lower()[t], mean - 2 * Math.sqrt(varPop), code + " BOLL lower", t);
            assertClose(sample.upper()[t], mean + 2 * Math.sqrt(varPop * 20 / 19), code + " BOLL sample", t);

            double tr = 0;
            for (int k = t - 13; k <= t; k++) {
                tr += Math.max(s.high()[k], c[k - 1]) - Math.min(s.low()[k], c[k - 1]);
            }
            assertClose(atr[t], tr / 14, code + " ATR", t);

            double[] r = new double[20];
            for (int k = 0; k < 20; k++) {
                r[k] = Math.log(c[t - 19 + k]) - Math.log(c[t - 20 + k]);
            }
            double rm = java.util.Arrays.stream(r).average().orElseThrow();
            double ss = java.util.Arrays.stream(r).map(x -> (x - rm) * (x - rm)).sum();
            assertClose(vol[t], Math.sqrt(ss / 19 * 252) * 100, code + " VOL20", t);
        }
    }

    /** Σ_{k≥0} α(1−α)^k x[t−k] over the whole available history (the tail beyond the warm-up is below 1e-9). */
    private static double weighted(double[] x, int t, double alpha) {
        double sum = 0;
        double w = alpha;
        for (int k = 0; k <= t && k < WARM_UP; k++) {
            double v = Double.isNaN(x[t - k]) ? 0 : x[t - k];
            sum += w * v;
            w *= 1 - alpha;
        }
        return sum;
    }

    private static void assertClose(double actual, double expected, String what, int t) {
        double tolerance = REL * Math.max(Math.abs(expected), 1e-2);
        assertThat(Math.abs(actual - expected)).as("%s at bar %d: %s vs %s", what, t, actual, expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
