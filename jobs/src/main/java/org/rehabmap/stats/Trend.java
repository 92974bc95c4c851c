package org.rehabmap.stats;

/** Direction of change from the previous period (METHODS.md: no CI overlap test). */
public final class Trend {
    private static final String INCREASING = "increasing";
    private static final String DECREASING = "decreasing";
    private static final String NO_CHANGE = "no_change";

    private Trend() {}

    /** Null when either value is missing (null or NaN): no trend can be stated. */
    public static String trend(Double current, Double previous) {
        if (current == null || previous == null || current.isNaN() || previous.isNaN()) {
            return null;
        }
        // Primitive comparison on purpose: 0.0 and -0.0 are the same published value.
        double c = current;
        double p = previous;
        if (c > p) {
            return INCREASING;
        }
        if (c < p) {
            return DECREASING;
        }
        return NO_CHANGE;
    }
}
