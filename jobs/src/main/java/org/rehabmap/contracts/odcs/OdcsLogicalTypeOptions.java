package org.rehabmap.contracts.odcs;

/** The logicalTypeOptions rehabmap enforces: a pattern, a numeric range, a minimum list length. */
public record OdcsLogicalTypeOptions(String pattern, Double minimum, Double maximum, Integer minItems, String format) {}
