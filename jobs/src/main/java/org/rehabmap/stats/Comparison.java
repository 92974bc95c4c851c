package org.rehabmap.stats;

/** An area's CI against the London value (METHODS.md, "Comparison with London"). */
public final class Comparison {
    private static final String LOWER = "lower";
    private static final String HIGHER = "higher";
    private static final String SIMILAR = "similar";
    private static final String BETTER = "better";
    private static final String WORSE = "worse";
    private static final String NOT_COMPARED = "not_compared";

    private Comparison() {}

    /**
     * "lower" when the whole CI lies below London, "higher" when wholly above, else "similar";
     * polarity then turns lower/higher into better/worse. A missing CI, London value or polarity
     * (null, or NaN from an undefined statistic) means there is nothing to compare.
     */
    public static String compare(Double lower, Double upper, Double londonValue, Polarity p) {
        if (missing(lower) || missing(upper) || missing(londonValue) || p == null) {
            return NOT_COMPARED;
        }
        if (upper < londonValue) {
            return judge(false, p);
        }
        if (lower > londonValue) {
            return judge(true, p);
        }
        return SIMILAR;
    }

    private static String judge(boolean higher, Polarity p) {
        switch (p) {
            case HIGH_IS_GOOD:
                return higher ? BETTER : WORSE;
            case LOW_IS_GOOD:
                return higher ? WORSE : BETTER;
            default:
                return higher ? HIGHER : LOWER;
        }
    }

    private static boolean missing(Double d) {
        return d == null || d.isNaN();
    }
}
