package org.rehabmap.stats;

/**
 * The difference p1 − p2 of two independent proportions with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10), built on the two Wilson intervals of {@link ConfidenceIntervals}: the
 * interval PHE's inequality tools use for a gap between two groups, because the simple Wald interval
 * is too narrow, and can leave [−1, 1], when a proportion is near 0 or 1 or a group is small.
 */
public final class ProportionDifference {
    private ProportionDifference() {}

    /** The difference and its limits, all on the 0..1 scale. */
    public record Result(double difference, double lower, double upper) {}

    /** p1 − p2 for x1/n1 and x2/n2 with its interval at level c. */
    public static Result newcombe(long x1, long n1, long x2, long n2, ConfidenceLevel c) {
        Interval w1 = ConfidenceIntervals.wilson(x1, n1, c);
        Interval w2 = ConfidenceIntervals.wilson(x2, n2, c);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        double lower = d - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2));
        double upper = d + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()));
        // the two square roots cannot take the limits past ±1 in exact arithmetic; rounding can, by an ulp
        return new Result(d, Math.max(-1.0, lower), Math.min(1.0, upper));
    }

    private static double square(double v) {
        return v * v;
    }
}
