package org.rehabmap.contracts;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.odcs.OdcsContract;
import org.rehabmap.contracts.odcs.OdcsProperty;
import org.rehabmap.contracts.odcs.OdcsQuality;
import org.rehabmap.contracts.odcs.OdcsSchemaObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a landing contract (data-contracts/sources) from its bound YAML. */
final class SourceContracts {
    /** The one engine of landing rules: the rule kinds of org.rehabmap.rules. */
    static final String ENGINE = "rehabmap";

    private SourceContracts() {}

    static Contract from(Path file, OdcsContract root) {
        String where = "contract " + file.getFileName();
        String name = need(root.name(), "name", where);
        Props custom = new Props(root.customProperties());
        String prefix = custom.text("rulePrefix", name.toUpperCase());
        String silver = custom.text("silverTable", name);
        List<String> key = custom.strings("supersessionKey");
        OdcsSchemaObject obj = root.schema().get(0);
        List<ColumnSpec> columns = new ArrayList<>();
        List<CustomRule> customRules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (OdcsProperty p : obj.properties()) {
            String col = Columns.name(p, where);
            String pw = where + ", column " + col;
            String type = Columns.logicalType(p, pw);
            List<ValueRule> vr = new ArrayList<>();
            for (OdcsQuality q : p.quality()) {
                String id = need(q.id(), "id", pw + ", quality rule");
                if (!ids.add(id)) {
                    throw new ConfigError(pw + ": rule id " + id + " is used twice");
                }
                if (Columns.isValidValues(q)) {
                    vr.add(Columns.validValues(q, col));
                } else {
                    customRules.add(custom(q, id, col, pw));
                }
            }
            Props cp = new Props(p.customProperties());
            String normalise = cp.text("normalise", vr.isEmpty() ? "none" : "lower");
            columns.add(Columns.base(p, pw, type, normalise, vr, null, null));
        }
        if (columns.isEmpty()) {
            throw new ConfigError(where + ": no properties");
        }
        for (OdcsQuality q : obj.quality()) {
            String id = need(q.id(), "id", where + ", quality rule");
            if (!ids.add(id)) {
                throw new ConfigError(where + ": rule id " + id + " is used twice");
            }
            customRules.add(custom(q, id, null, where));
        }
        Set<String> names = new HashSet<>();
        columns.forEach(c -> names.add(c.name()));
        for (String k : key) {
            if (!names.contains(k)) {
                throw new ConfigError(where + ": supersessionKey names unknown column " + k);
            }
        }
        String fy = custom.text("financialYearFrom");
        if (fy != null && !names.contains(fy)) {
            throw new ConfigError(where + ": financialYearFrom names unknown column " + fy);
        }
        return new Contract(
                name,
                root.version() == null ? "0" : root.version(),
                prefix,
                silver,
                key,
                fy,
                List.copyOf(columns),
                List.copyOf(customRules),
                Props.description(root.description()),
                file);
    }

    /**
     * A custom rule: engine rehabmap and a kind named by implementation (org.rehabmap.rules turns it into
     * the rule; an implementation it does not know stops the run there). Rules in another engine's language
     * (the Spark SQL expressions landing contracts once held) are refused here, when the contract is read.
     */
    private static CustomRule custom(OdcsQuality q, String id, String column, String where) {
        String w = where + ", rule " + id;
        if (!"custom".equals(q.type())) {
            throw new ConfigError(w + " has a type the jobs cannot enforce (" + q.type() + ")");
        }
        String engine = need(q.engine(), "engine", w);
        if (!ENGINE.equals(engine)) {
            throw new ConfigError(w + ": engine '" + engine + "' is not one the jobs run on landing rows; use engine "
                    + ENGINE + " with one of its rule kinds (data-contracts/README.md)");
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        Props cp = new Props(q.customProperties());
        for (var p : q.customProperties()) {
            properties.put(p.property(), cp.strings(p.property()));
        }
        if (column != null) {
            if (properties.containsKey("column") && !properties.get("column").equals(List.of(column))) {
                throw new ConfigError(
                        w + ": declared on column " + column + " but names column " + properties.get("column"));
            }
            properties.put("column", List.of(column));
        }
        return new CustomRule(id, need(q.implementation(), "implementation", w), q.description(), properties);
    }

    static String need(String v, String field, String where) {
        if (v == null || v.isBlank()) {
            throw new ConfigError(where + ": missing '" + field + "'");
        }
        return v;
    }
}
