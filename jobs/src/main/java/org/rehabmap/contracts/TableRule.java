package org.rehabmap.contracts;

import java.util.List;

/**
 * A rule on a whole output table: {@code sql}, a Spark SQL boolean that must be true on every row
 * (null counts as broken), or {@code unique}, a key whose values must not repeat.
 */
public record TableRule(String id, String kind, String sql, List<String> properties, String description) {
    public static final String SQL = "sql";
    public static final String UNIQUE = "unique";
}
