package org.rehabmap.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Confidence limits as PHEindicatormethods v2.1.0 and Fingertips compute them (METHODS.md,
 * "Confidence intervals"). Callers scale: Wilson returns 0..1, the count methods return counts.
 */
public final class ConfidenceIntervals {

    /** Below this count Byar's approximation is too coarse and the exact limits are used. */
    private static final long EXACT_BELOW = 10;

    /**
     * commons-math's default (1e-9, absolute, on the chi-squared scale) is fine for a count but a
     * rate multiplies it by multiplier / denominator; ask for margin to keep rates within 1e-6.
     */
    private static final double CHI_SQUARED_ACCURACY = 1e-12;

    private ConfidenceIntervals() {}

    /** Wilson score limits for the proportion x/n, on the 0..1 scale. */
    public static Interval wilson(long x, long n, ConfidenceLevel c) {
        if (n <= 0) {
            throw new IllegalArgumentException("Wilson needs n > 0, got n = " + n);
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException("Wilson needs 0 <= x <= n, got x = " + x + ", n = " + n);
        }
        double z = c.z();
        double z2 = z * z;
        double spread = z * Math.sqrt(z2 + 4.0 * x * (1.0 - (double) x / n));
        double denominator = 2.0 * (n + z2);
        // At x = n the formula is exactly 1, but rounding gives 1 ± 1 ulp for most n, sometimes above,
        // i.e. an upper limit over 100%. Pin it; x = 0 already comes out as exactly 0 in IEEE
        // arithmetic (√(z·z) == z) and is pinned only so the two ends read alike.
        double lower = x == 0 ? 0.0 : (2.0 * x + z2 - spread) / denominator;
        double upper = x == n ? 1.0 : (2.0 * x + z2 + spread) / denominator;
        return new Interval(lower, upper);
    }

    /**
     * Byar's approximation to the Poisson limits of a count. Like PHEindicatormethods it refuses a
     * negative lower limit (only O = 1 at 99.8%) rather than publish a nonsense count; at O = 0 the
     * formula's 0·∞ is taken as its limit, 0.
     */
    public static Interval byar(long o, ConfidenceLevel c) {
        requireCount(o);
        double z = c.z();
        double lower = 0.0;
        if (o > 0) {
            double base = 1.0 - 1.0 / (9.0 * o) - z / (3.0 * Math.sqrt(o));
            if (base < 0) {
                throw new IllegalArgumentException("Byar's lower limit is negative for O = " + o + " at " + c
                        + "; use the exact method for small counts");
            }
            lower = o * base * base * base;
        }
        long o1 = o + 1;
        double upperBase = 1.0 - 1.0 / (9.0 * o1) + z / (3.0 * Math.sqrt(o1));
        double upper = o1 * upperBase * upperBase * upperBase;
        return new Interval(lower, upper);
    }

    /** Exact Poisson limits of a count from chi-squared quantiles; O = 0 has lower limit 0. */
    public static Interval exactPoisson(long o, ConfidenceLevel c) {
        requireCount(o);
        double tail = (1.0 - c.level()) / 2.0;
        // Chi-squared with 0 degrees of freedom is degenerate at 0; commons-math rejects df = 0.
        double lower = o == 0 ? 0.0 : chiSquaredQuantile(tail, 2.0 * o) / 2.0;
        double upper = chiSquaredQuantile(c.level() + tail, 2.0 * o + 2.0) / 2.0;
        return new Interval(lower, upper);
    }

    /** The published count method: exact below 10, Byar from 10 up. */
    public static Interval poissonCount(long o, ConfidenceLevel c) {
        return o < EXACT_BELOW ? exactPoisson(o, c) : byar(o, c);
    }

    /** Limits of the rate o / denominator × multiplier (e.g. per 100,000 population). */
    public static Interval rate(long o, double denominator, double multiplier, ConfidenceLevel c) {
        if (!(denominator > 0) || Double.isInfinite(denominator)) {
            throw new IllegalArgumentException("rate needs a finite denominator > 0, got " + denominator);
        }
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("rate needs a finite multiplier > 0, got " + multiplier);
        }
        Interval count = poissonCount(o, c);
        return new Interval(count.lower() / denominator * multiplier, count.upper() / denominator * multiplier);
    }

    private static void requireCount(long o) {
        if (o < 0) {
            throw new IllegalArgumentException("a count must be >= 0, got " + o);
        }
    }

    private static double chiSquaredQuantile(double p, double degreesOfFreedom) {
        // No random generator: we never sample, and building one per call is wasted work.
        return new ChiSquaredDistribution(null, degreesOfFreedom, CHI_SQUARED_ACCURACY).inverseCumulativeProbability(p);
    }
}
