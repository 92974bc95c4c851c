package org.rehabmap.stats;

/**
 * The two levels Fingertips publishes. The z values are the rounded constants METHODS.md fixes,
 * not qnorm(): published numbers must not drift with the library that computes the quantile.
 */
public enum ConfidenceLevel {
    P95(1.959964, 0.95),
    P998(3.090232, 0.998);

    private final double z;
    private final double level;

    ConfidenceLevel(double z, double level) {
        this.z = z;
        this.level = level;
    }

    /** Two-sided standard normal quantile for this level. */
    public double z() {
        return z;
    }

    /** Coverage as a fraction, e.g. 0.95. */
    public double level() {
        return level;
    }
}
