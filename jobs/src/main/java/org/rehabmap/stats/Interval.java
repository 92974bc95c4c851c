package org.rehabmap.stats;

/** A confidence interval; the scale (proportion 0..1, count, rate) is the producing method's. */
public record Interval(double lower, double upper) {}
