package org.rehabmap.contracts;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.odcs.OdcsContract;
import org.rehabmap.contracts.odcs.OdcsProperty;
import org.rehabmap.contracts.odcs.OdcsQuality;
import org.rehabmap.contracts.odcs.OdcsSchemaObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a landing contract (data-contracts/sources) from its bound YAML. */
final class SourceContracts {
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
        List<RowRule> rowRules = new ArrayList<>();
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
                } else if ("custom".equals(q.type()) && "rehabmap".equals(q.engine())) {
                    vr.add(new ValueRule(
                            id,
                            col,
                            List.of(),
                            null,
                            "rehabmap",
                            need(q.implementation(), "implementation", pw),
                            q.description()));
                } else if ("custom".equals(q.type()) && "spark-sql".equals(q.engine())) {
                    // a column-level SQL rule is a row rule that happens to live on its column
                    rowRules.add(new RowRule(
                            id,
                            "spark-sql",
                            need(q.implementation(), "implementation", pw),
                            q.description(),
                            List.of(),
                            col));
                } else {
                    throw new ConfigError(
                            pw + ": rule " + id + " has a type the jobs cannot enforce (" + q.type() + ")");
                }
            }
            Props cp = new Props(p.customProperties());
            String normalise = cp.text("normalise", vr.stream().anyMatch(ValueRule::isValidValues) ? "lower" : "none");
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
            Props cp = new Props(q.customProperties());
            rowRules.add(new RowRule(
                    id,
                    need(q.engine(), "engine", where + ", rule " + id),
                    need(q.implementation(), "implementation", where + ", rule " + id),
                    q.description(),
                    cp.strings("groupBy"),
                    cp.text("column")));
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
                List.copyOf(rowRules),
                Props.description(root.description()),
                file);
    }

    static String need(String v, String field, String where) {
        if (v == null || v.isBlank()) {
            throw new ConfigError(where + ": missing '" + field + "'");
        }
        return v;
    }
}
