package org.rehabmap.contracts;

import java.util.List;

/**
 * A rule across the columns of a row (engine spark-sql: a boolean expression that must hold on the
 * typed row) or across rows (engine rehabmap, implementation consistentWithinGroup).
 */
public record RowRule(
        String id, String engine, String implementation, String description, List<String> groupBy, String column) {}
