package org.finassist.server.funnel;

/**
 * The guidance experiment's statistics: each arm's submission rate with its 95% Wilson score interval, the
 * difference (guided minus control) with its 95% Wald interval, and the pooled two-proportion z-test, two-sided.
 * Wilson rather than Wald per arm because a small arm's rate near 0 or 1 would get an interval past the bounds.
 */
final class ExperimentStats {

    static final double Z95 = 1.959963984540054;

    private ExperimentStats() {
    }

    /** One arm: sessions, submissions, the rate and its interval (null when the arm is empty). */
    record ArmFigures(String arm, long sessions, long submitted, Double rate, Double low, Double high) {
    }

    /** Both arms and the test; the comparison fields are null until both arms have sessions. */
    record Comparison(ArmFigures guided, ArmFigures control, Double difference, Double differenceLow,
                      Double differenceHigh, Double relativeLift, Double z, Double pValue) {
    }

    static ArmFigures arm(String name, long n, long x) {
        if (n == 0) {
            return new ArmFigures(name, 0, 0, null, null, null);
        }
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new ArmFigures(name, n, x, p, centre - half, centre + half);
    }

    static Comparison compare(long guidedN, long guidedX, long controlN, long controlX) {
        ArmFigures g = arm("guided", guidedN, guidedX);
        ArmFigures c = arm("control", controlN, controlX);
        if (guidedN == 0 || controlN == 0) {
            return new Comparison(g, c, null, null, null, null, null, null);
        }
        double d = g.rate() - c.rate();
        double se = Math.sqrt(g.rate() * (1 - g.rate()) / guidedN + c.rate() * (1 - c.rate()) / controlN);
        double pooled = (double) (guidedX + controlX) / (guidedN + controlN);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / guidedN + 1.0 / controlN));
        Double z = sePooled == 0 ? null : d / sePooled;
        Double p = z == null ? null : 2 * upperTail(Math.abs(z));
        Double lift = c.rate() == 0 ? null : d / c.rate();
        return new Comparison(g, c, d, d - Z95 * se, d + Z95 * se, lift, z, p);
    }

    /** P(Z > z) for the standard normal: erfc(z/√2)/2. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** erfc with relative error below 1.2e-7 everywhere (Numerical Recipes' Chebyshev fit). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
