package org.finassist.content.indicator;

import java.util.Arrays;

/**
 * Indicator functions. Recursive averages (EMA, SMA) start from the first valid input, as pandas'
 * {@code ewm(adjust=False)} does in MyTT; their early values depend on that seed and settle after a warm-up of a
 * few times N bars. Every function returns a new array the length of its input.
 */
public final class Indicators {

    private Indicators() {
    }

    /** Simple moving average MA(X, N); NaN for the first N−1 bars. */
    public static double[] ma(double[] x, int n) {
        checkPeriod(n);
        double[] out = nans(x.length);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= n) {
                sum -= x[i - n];
            }
            if (i >= n - 1) {
                out[i] = sum / n;
            }
        }
        return out;
    }

    /** Exponential moving average EMA(X, N): α = 2/(N+1). */
    public static double[] ema(double[] x, int n) {
        checkPeriod(n);
        return smooth(x, 2.0 / (n + 1));
    }

    /** The Chinese SMA(X, N, M): Y = (M·X + (N−M)·Y') / N, i.e. α = M/N. */
    public static double[] sma(double[] x, int n, int m) {
        checkPeriod(n);
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("SMA weight M must be in 1..N: " + m);
        }
        return smooth(x, (double) m / n);
    }

    private static double[] smooth(double[] x, double alpha) {
        double[] out = nans(x.length);
        double y = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = y;
                continue;
            }
            y = Double.isNaN(y) ? x[i] : alpha * x[i] + (1 - alpha) * y;
            out[i] = y;
        }
        return out;
    }

    /** MACD(SHORT, LONG, M); the usual call is (12, 26, 9). */
    public static Macd macd(double[] close, int shortN, int longN, int signalN) {
        double[] s = ema(close, shortN);
        double[] l = ema(close, longN);
        double[] dif = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            dif[i] = s[i] - l[i];
        }
        double[] dea = ema(dif, signalN);
        double[] bar = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            bar[i] = 2 * (dif[i] - dea[i]);
        }
        return new Macd(dif, dea, bar);
    }

    /**
     * KDJ(N, M1, M2); the usual call is (9, 3, 3). RSV is NaN until N bars exist; when the N-bar range is zero
     * (a flat stock) RSV is taken as 50.
     */
    public static Kdj kdj(double[] close, double[] high, double[] low, int n, int m1, int m2) {
        double[] hh = hhv(high, n);
        double[] ll = llv(low, n);
        double[] rsv = nans(close.length);
        for (int i = n - 1; i < close.length; i++) {
            double range = hh[i] - ll[i];
            rsv[i] = range <= 0 ? 50 : (close[i] - ll[i]) / range * 100;
        }
        double[] k = sma(rsv, m1, 1);
        double[] d = sma(k, m2, 1);
        double[] j = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            j[i] = 3 * k[i] - 2 * d[i];
        }
        return new Kdj(k, d, j);
    }

    /**
     * RSI(N) = SMA(MAX(C − C', 0), N, 1) / SMA(|C − C'|, N, 1) × 100; NaN at bar 0, 50 while prices have not moved.
     */
    public static double[] rsi(double[] close, int n) {
        double[] up = nans(close.length);
        double[] abs = nans(close.length);
        for (int i = 1; i < close.length; i++) {
            double diff = close[i] - close[i - 1];
            up[i] = Math.max(diff, 0);
            abs[i] = Math.abs(diff);
        }
        double[] su = sma(up, n, 1);
        double[] sa = sma(abs, n, 1);
        double[] out = nans(close.length);
        for (int i = 1; i < close.length; i++) {
            out[i] = sa[i] == 0 ? 50 : su[i] / sa[i] * 100;
        }
        return out;
    }

    /** BOLL(N, width) with the given standard deviation; the usual call is (20, 2, POPULATION). */
    public static Boll boll(double[] close, int n, double width, StdDev sd) {
        double[] mid = ma(close, n);
        double[] upper = nans(close.length);
        double[] lower = nans(close.length);
        for (int i = n - 1; i < close.length; i++) {
            double ss = 0;
            for (int k = i - n + 1; k <= i; k++) {
                double dev = close[k] - mid[i];
                ss += dev * dev;
            }
            double s = Math.sqrt(ss / (sd == StdDev.POPULATION ? n : n - 1));
            upper[i] = mid[i] + width * s;
            lower[i] = mid[i] - width * s;
        }
        return new Boll(mid, upper, lower);
    }

    /** Highest value of the last N bars (fewer at the start, as 通达信's HHV). */
    public static double[] hhv(double[] x, int n) {
        return extreme(x, n, true);
    }

    /** Lowest value of the last N bars (fewer at the start). */
    public static double[] llv(double[] x, int n) {
        return extreme(x, n, false);
    }

    private static double[] extreme(double[] x, int n, boolean max) {
        checkPeriod(n);
        double[] out = new double[x.length];
        int[] deque = new int[x.length];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < x.length; i++) {
            while (tail > head && (max ? x[deque[tail - 1]] <= x[i] : x[deque[tail - 1]] >= x[i])) {
                tail--;
            }
            deque[tail++] = i;
            if (deque[head] <= i - n) {
                head++;
            }
            out[i] = x[deque[head]];
        }
        return out;
    }

    /** ATR(N) = MA(TR, N) with TR = max(H − L, |H − C'|, |L − C'|) (MyTT); TR of bar 0 is H − L. */
    public static double[] atr(double[] high, double[] low, double[] close, int n) {
        double[] tr = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            double hl = high[i] - low[i];
            tr[i] = i == 0 ? hl : Math.max(hl, Math.max(Math.abs(high[i] - close[i - 1]), Math.abs(low[i] - close[i - 1])));
        }
        return ma(tr, n);
    }

    /**
     * Annualised volatility in percent: sample SD of the last N daily log returns × √252 × 100; NaN until N
     * returns exist.
     */
    public static double[] volatility(double[] close, int n) {
        checkPeriod(n);
        double[] out = nans(close.length);
        double[] r = new double[close.length];
        for (int k = 1; k < close.length; k++) {
            r[k] = Math.log(close[k] / close[k - 1]);
        }
        for (int i = n; i < close.length; i++) {
            double mean = 0;
            for (int k = i - n + 1; k <= i; k++) {
                mean += r[k];
            }
            mean /= n;
            double ss = 0;
            for (int k = i - n + 1; k <= i; k++) {
                double d = r[k] - mean;
                ss += d * d;
            }
            out[i] = Math.sqrt(ss / (n - 1)) * Math.sqrt(252) * 100;
        }
        return out;
    }

    /** Largest peak-to-trough fall of the closes in [from, to] in percent (a positive number, 0 if none). */
    public static double maxDrawdown(double[] close, int from, int to) {
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (int i = Math.max(0, from); i <= to; i++) {
            peak = Math.max(peak, close[i]);
            worst = Math.max(worst, (peak - close[i]) / peak);
        }
        return worst * 100;
    }

    /** 量比 at the close of bar i: volume over the mean volume of the previous N bars; NaN without N prior bars. */
    public static double volumeRatio(double[] volume, int i, int n) {
        if (i < n) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = i - n; k < i; k++) {
            sum += volume[k];
        }
        return sum == 0 ? Double.NaN : volume[i] / (sum / n);
    }

    /** Percentage change from bar i−N to bar i; NaN without N prior bars. */
    public static double changePercent(double[] close, int i, int n) {
        return i < n ? Double.NaN : (close[i] / close[i - n] - 1) * 100;
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static void checkPeriod(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("period must be positive: " + n);
        }
    }
}
