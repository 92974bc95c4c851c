package org.rehabmap.contracts;

import java.util.List;
import java.util.Map;

/**
 * A {@code type: custom} quality entry of a landing contract: one of the rule kinds org.rehabmap.rules
 * knows, named by {@code implementation} ({@code engine: rehabmap}, the only engine a landing rule may
 * name), with its options from the entry's customProperties. An entry on a column is about that column.
 *
 * @param properties every customProperty of the entry as text (a single value is a list of one), and
 *     {@code column} for an entry declared on a column
 */
public record CustomRule(String id, String implementation, String description, Map<String, List<String>> properties) {

    public CustomRule {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The column the rule is about: the one it is declared on, or customProperties.column. */
    public String column() {
        return text("column");
    }

    /** A single-valued option, or null. */
    public String text(String name) {
        List<String> v = properties.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A list option (a single value is a list of one); empty when absent. */
    public List<String> strings(String name) {
        return properties.getOrDefault(name, List.of());
    }
}
