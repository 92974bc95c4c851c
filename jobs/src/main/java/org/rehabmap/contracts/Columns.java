package org.rehabmap.contracts;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.odcs.OdcsLogicalTypeOptions;
import org.rehabmap.contracts.odcs.OdcsProperty;
import org.rehabmap.contracts.odcs.OdcsQuality;

import java.util.List;
import java.util.Set;

/** What every kind of contract reads the same way from a column: name, types, key, options. */
final class Columns {
    static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "date", "array");

    private Columns() {}

    static String name(OdcsProperty p, String where) {
        if (p.name() == null || p.name().isBlank()) {
            throw new ConfigError(where + ": a property has no name");
        }
        return p.name();
    }

    static String logicalType(OdcsProperty p, String where) {
        String type = p.logicalType() == null ? "string" : p.logicalType();
        if (!TYPES.contains(type)) {
            throw new ConfigError(where + ": unknown logicalType '" + type + "'");
        }
        return type;
    }

    /**
     * A column with its plain attributes; the kind-specific parts (rules, normalisation, disclosure)
     * are filled in by the caller.
     */
    static ColumnSpec base(
            OdcsProperty p,
            String where,
            String logicalType,
            String normalise,
            List<ValueRule> rules,
            String disclosure,
            List<String> basis) {
        OdcsLogicalTypeOptions o = p.logicalTypeOptions();
        Props cp = new Props(p.customProperties());
        return new ColumnSpec(
                p.name(),
                logicalType,
                p.physicalType(),
                p.items() == null ? null : p.items().logicalType(),
                Boolean.TRUE.equals(p.required()),
                Props.description(p.description()),
                o == null ? null : o.pattern(),
                o == null ? null : o.minimum(),
                o == null ? null : o.maximum(),
                o == null ? null : o.minItems(),
                Boolean.TRUE.equals(p.primaryKey()) ? keyPosition(p, where) : null,
                normalise,
                cp.strings("suppressionMarkers"),
                cp.text("identifier"),
                cp.text("unknownValue"),
                rules,
                disclosure,
                basis);
    }

    private static int keyPosition(OdcsProperty p, String where) {
        if (p.primaryKeyPosition() == null) {
            throw new ConfigError(where + ": primaryKey needs a primaryKeyPosition");
        }
        return p.primaryKeyPosition();
    }

    /** The key columns in key order. */
    static List<String> key(List<ColumnSpec> columns, String where) {
        List<ColumnSpec> keyed = columns.stream()
                .filter(c -> c.keyPosition() != null)
                .sorted(java.util.Comparator.comparing(ColumnSpec::keyPosition))
                .toList();
        for (int i = 0; i < keyed.size(); i++) {
            if (keyed.get(i).keyPosition() != i + 1) {
                throw new ConfigError(where + ": primaryKeyPosition must run 1.." + keyed.size() + " without gaps");
            }
        }
        return keyed.stream().map(ColumnSpec::name).toList();
    }

    /** A library/invalidValues rule as a value rule (literal values and/or a reference column). */
    static ValueRule validValues(OdcsQuality q, String column) {
        return new ValueRule(
                q.id(),
                column,
                Props.strings(q.arguments().get("validValues")),
                q.arguments().containsKey("validValuesReference")
                        ? q.arguments().get("validValuesReference").asText()
                        : null,
                q.description());
    }

    static boolean isValidValues(OdcsQuality q) {
        return "library".equals(q.type()) && "invalidValues".equals(q.metric());
    }
}
