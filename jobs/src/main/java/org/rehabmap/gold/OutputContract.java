package org.rehabmap.gold;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.ContractLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The output contract of one gold table (data-contracts/gold/&lt;table&gt;.odcs.yaml, ODCS v3), and
 * the check of a DataFrame against it: the columns in order with their physical types, required
 * columns non-null, enumerations (library invalidValues), ranges and patterns (logicalTypeOptions),
 * row rules (custom spark-sql expressions that must be true), and a unique key (library
 * duplicateValues). Every failed rule is reported with its id and how many rows break it.
 */
public final class OutputContract {
    /** One column as the contract states it. */
    record Property(
            String name,
            String physicalType,
            boolean required,
            String pattern,
            Double minimum,
            Double maximum,
            List<String> validValues,
            String validValuesId) {}

    /** A rule over a whole row, or over the table. */
    record Rule(String id, String kind, String sql, List<String> properties, String description) {}

    private final String table;
    private final String prefix;
    private final List<Property> columns;
    private final List<Rule> rules;

    private OutputContract(String table, String prefix, List<Property> columns, List<Rule> rules) {
        this.table = table;
        this.prefix = prefix;
        this.columns = columns;
        this.rules = rules;
    }

    public String table() {
        return table;
    }

    public List<String> columnNames() {
        return columns.stream().map(Property::name).toList();
    }

    /** The contract of gold.&lt;name&gt;: {@code <contracts>/gold/<name>.odcs.yaml}. */
    public static OutputContract load(Path contractsDir, String goldTable) {
        String name = goldTable.substring(goldTable.indexOf('.') + 1);
        Path file = contractsDir.resolve("gold").resolve(name + ".odcs.yaml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("no output contract for " + goldTable + ": " + file + " does not exist");
        }
        return parse(file, ContractLoader.readYaml(file), goldTable);
    }

    static OutputContract parse(Path file, JsonNode root, String goldTable) {
        String where = "contract " + file.getFileName();
        if (!"DataContract".equals(root.path("kind").asText())) {
            throw new ConfigError(where + ": kind must be DataContract");
        }
        if (!root.path("apiVersion").asText().startsWith("v3")) {
            throw new ConfigError(where + ": apiVersion must be ODCS v3.x");
        }
        String prefix = null;
        for (JsonNode p : root.path("customProperties")) {
            if ("rulePrefix".equals(p.path("property").asText())) {
                prefix = p.path("value").asText();
            }
        }
        if (prefix == null) {
            prefix = "GOLD_" + root.path("name").asText().toUpperCase();
        }
        JsonNode obj = root.path("schema").path(0);
        if (obj.isMissingNode()) {
            throw new ConfigError(where + ": schema must list one object");
        }
        Set<String> ids = new HashSet<>();
        List<Property> cols = new ArrayList<>();
        for (JsonNode p : obj.path("properties")) {
            String name = p.path("name").asText();
            if (name.isBlank()) {
                throw new ConfigError(where + ": a property has no name");
            }
            String physical = p.path("physicalType").asText("");
            if (physical.isBlank()) {
                throw new ConfigError(where + ", column " + name + ": missing physicalType");
            }
            JsonNode opt = p.path("logicalTypeOptions");
            List<String> valid = null;
            String validId = null;
            for (JsonNode q : p.path("quality")) {
                String id = q.path("id").asText();
                if (id.isBlank() || !ids.add(id)) {
                    throw new ConfigError(where + ", column " + name + ": quality rule without a unique id");
                }
                if ("library".equals(q.path("type").asText())
                        && "invalidValues".equals(q.path("metric").asText())) {
                    valid = new ArrayList<>();
                    for (JsonNode v : q.path("arguments").path("validValues")) {
                        valid.add(v.asText());
                    }
                    validId = id;
                } else {
                    throw new ConfigError(
                            where + ", column " + name + ": rule " + id + " is not a check the curate job enforces");
                }
            }
            cols.add(new Property(
                    name,
                    physical,
                    p.path("required").asBoolean(false),
                    opt.hasNonNull("pattern") ? opt.get("pattern").asText() : null,
                    opt.hasNonNull("minimum") ? opt.get("minimum").asDouble() : null,
                    opt.hasNonNull("maximum") ? opt.get("maximum").asDouble() : null,
                    valid,
                    validId));
        }
        if (cols.isEmpty()) {
            throw new ConfigError(where + ": no properties");
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode q : obj.path("quality")) {
            String id = q.path("id").asText();
            if (id.isBlank() || !ids.add(id)) {
                throw new ConfigError(where + ": table quality rule without a unique id");
            }
            String type = q.path("type").asText();
            String desc = q.path("description").asText(null);
            if ("custom".equals(type) && "spark-sql".equals(q.path("engine").asText())) {
                rules.add(new Rule(id, "sql", q.path("implementation").asText(), List.of(), desc));
            } else if ("library".equals(type)
                    && "duplicateValues".equals(q.path("metric").asText())) {
                List<String> props = new ArrayList<>();
                for (JsonNode v : q.path("arguments").path("properties")) {
                    props.add(v.asText());
                }
                if (props.isEmpty()) {
                    throw new ConfigError(where + ": rule " + id + " needs arguments.properties");
                }
                rules.add(new Rule(id, "unique", null, List.copyOf(props), desc));
            } else {
                throw new ConfigError(
                        where + ": rule " + id + " is not a check the curate job enforces (" + type + ")");
            }
        }
        return new OutputContract(goldTable, prefix, List.copyOf(cols), List.copyOf(rules));
    }

    /** The rules the rows break, as "RULE_ID: n row(s) (what)"; empty when the table keeps its contract. */
    public List<String> violations(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        StructField[] fields = df.schema().fields();
        List<String> actual = new ArrayList<>();
        for (StructField f : fields) {
            actual.add(f.name() + " " + f.dataType().simpleString());
        }
        List<String> expected =
                columns.stream().map(c -> c.name() + " " + c.physicalType()).toList();
        if (!actual.equals(expected)) {
            out.add(prefix + "_SCHEMA: columns " + actual + " do not match the contract " + expected);
            return out;
        }
        List<Column> checks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Property c : columns) {
            Column v = col(c.name());
            if (c.required()) {
                add(
                        checks,
                        labels,
                        v.isNull(),
                        prefix + "_" + c.name().toUpperCase() + "_REQUIRED: " + c.name() + " is null");
            }
            if (c.validValues() != null) {
                add(
                        checks,
                        labels,
                        v.isNotNull().and(not(v.isin(c.validValues().toArray()))),
                        c.validValuesId() + ": " + c.name() + " not in " + c.validValues());
            }
            if (c.minimum() != null) {
                add(
                        checks,
                        labels,
                        v.lt(c.minimum()),
                        prefix + "_" + c.name().toUpperCase() + "_RANGE: " + c.name() + " < " + c.minimum());
            }
            if (c.maximum() != null) {
                add(
                        checks,
                        labels,
                        v.gt(c.maximum()),
                        prefix + "_" + c.name().toUpperCase() + "_RANGE: " + c.name() + " > " + c.maximum());
            }
            if (c.pattern() != null) {
                add(
                        checks,
                        labels,
                        not(v.rlike(c.pattern())),
                        prefix + "_" + c.name().toUpperCase() + "_PATTERN: " + c.name() + " !~ " + c.pattern());
            }
        }
        for (Rule r : rules) {
            if (r.kind().equals("sql")) {
                add(
                        checks,
                        labels,
                        not(coalesce(expr(r.sql()), lit(false))),
                        r.id() + ": " + (r.description() == null ? r.sql() : r.description()));
            }
        }
        if (!checks.isEmpty()) {
            Row counts = df.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new))
                    .first();
            for (int i = 0; i < labels.size(); i++) {
                long n = counts.isNullAt(i) ? 0 : counts.getLong(i);
                if (n > 0) {
                    out.add(labels.get(i).replaceFirst(": ", ": " + n + " row(s): "));
                }
            }
        }
        for (Rule r : rules) {
            if (r.kind().equals("unique")) {
                long dup = df.groupBy(r.properties().stream()
                                .map(org.apache.spark.sql.functions::col)
                                .toArray(Column[]::new))
                        .count()
                        .filter(col("count").gt(1))
                        .count();
                if (dup > 0) {
                    out.add(r.id() + ": " + dup + " key(s) " + r.properties() + " appear more than once");
                }
            }
        }
        return out;
    }

    private static void add(List<Column> checks, List<String> labels, Column broken, String label) {
        checks.add(sum(when(coalesce(broken, lit(false)), 1L).otherwise(0L)));
        labels.add(label);
    }
}
