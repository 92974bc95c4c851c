package org.rehabmap.contracts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * The check of a gold DataFrame against its contract: the columns in order with their physical
 * types, required columns non-null, enumerations, ranges and patterns, row rules (Spark SQL that
 * must be true) and a unique key, all counted in one aggregation. Every failed rule is reported with its id and how many rows
 * break it.
 */
public final class OutputCheck {
    private static final String RULE = "rule";
    private static final String KEY = "key_";

    private OutputCheck() {}

    /**
     * What one pass over a table found: the rules its rows break and how many rows it has (-1 when
     * its columns do not match the contract, so no row was looked at).
     */
    public record Checked(List<String> violations, long rows) {}

    /** The rules the rows break, as "RULE_ID: n row(s) (what)"; empty when the table keeps its contract. */
    public static List<String> violations(GoldContract contract, Dataset<Row> df) {
        return check(contract, df).violations();
    }

    /**
     * The rules the rows break and the row count, in the same one aggregation: a writer that reports
     * how many rows it wrote needs no second query for it.
     */
    public static Checked check(GoldContract contract, Dataset<Row> df) {
        String prefix = contract.rulePrefix();
        List<ColumnSpec> columns = contract.columns();
        List<TableRule> rules = contract.rules();
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
            return new Checked(out, -1);
        }
        // Each rule is a number; a row emits the numbers of the rules it breaks, and one small aggregation counts
        // them. Row 0 is every row, carrying its key for each unique-key rule. One sum per rule with a distinct
        // count beside it made Spark plan four aggregations of every rule's sum: the benchmarks' check alone
        // compiled to 12,900 lines of Java (docs/benchmarks.md).
        List<Column> broken = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ColumnSpec c : columns) {
            Column v = col(c.name());
            String column = prefix + "_" + c.name().toUpperCase();
            if (c.required()) {
                add(broken, labels, v.isNull(), column + "_REQUIRED: " + c.name() + " is null");
            }
            if (c.validValues() != null) {
                add(
                        broken,
                        labels,
                        v.isNotNull().and(not(v.isin(c.validValues().toArray()))),
                        c.validValuesId() + ": " + c.name() + " not in " + c.validValues());
            }
            if (c.minimum() != null) {
                add(broken, labels, v.lt(c.minimum()), column + "_RANGE: " + c.name() + " < " + c.minimum());
            }
            if (c.maximum() != null) {
                add(broken, labels, v.gt(c.maximum()), column + "_RANGE: " + c.name() + " > " + c.maximum());
            }
            if (c.pattern() != null) {
                add(broken, labels, not(v.rlike(c.pattern())), column + "_PATTERN: " + c.name() + " !~ " + c.pattern());
            }
        }
        for (TableRule r : rules) {
            if (r.kind().equals(TableRule.SQL)) {
                // a row rule must be true: false or null breaks it
                add(
                        broken,
                        labels,
                        not(coalesce(expr(r.sql()), lit(false))),
                        r.id() + ": " + (r.description() == null ? r.sql() : r.description()));
            }
        }
        List<TableRule> unique =
                rules.stream().filter(r -> r.kind().equals(TableRule.UNIQUE)).toList();
        List<Column> keys = new ArrayList<>();
        List<Column> noKeys = new ArrayList<>();
        for (int k = 0; k < unique.size(); k++) {
            Column key = struct(unique.get(k).properties().stream()
                    .map(org.apache.spark.sql.functions::col)
                    .toArray(Column[]::new));
            keys.add(key.as(KEY + k));
            // a null of the key's type, without analysing the table's plan a second time to learn that type
            noKeys.add(when(lit(false), key).as(KEY + k));
        }
        List<Column> emitted = new ArrayList<>();
        emitted.add(element(0, keys));
        for (int i = 0; i < broken.size(); i++) {
            // a column check that is null for a row (a null value, say) is not broken by it: required says so
            emitted.add(when(coalesce(broken.get(i), lit(false)), element(i + 1, noKeys)));
        }
        List<Column> measures = new ArrayList<>();
        for (int k = 0; k < unique.size(); k++) {
            measures.add(countDistinct(col(KEY + k)));
        }
        List<Row> counted = df.select(explode(array_compact(array(emitted.toArray(Column[]::new))))
                        .as("e"))
                .select("e.*")
                .groupBy(RULE)
                .agg(count(lit(1)), measures.toArray(Column[]::new))
                .collectAsList();
        long[] byRule = new long[broken.size() + 1];
        long[] distinctKeys = new long[unique.size()];
        for (Row r : counted) {
            int rule = r.getInt(0);
            byRule[rule] = r.getLong(1);
            if (rule == 0) {
                for (int k = 0; k < unique.size(); k++) {
                    distinctKeys[k] = r.getLong(2 + k);
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            if (byRule[i + 1] > 0) {
                out.add(labels.get(i).replaceFirst(": ", ": " + byRule[i + 1] + " row(s): "));
            }
        }
        // a unique key: the rows beyond the first of each key
        for (int k = 0; k < unique.size(); k++) {
            long surplus = byRule[0] - distinctKeys[k];
            if (surplus > 0) {
                out.add(unique.get(k).id() + ": " + surplus + " row(s): surplus row(s) repeat a key "
                        + unique.get(k).properties());
            }
        }
        return new Checked(out, byRule[0]);
    }

    /** One emitted element: a rule's number and, for row 0 only, the row's key of each unique-key rule. */
    private static Column element(int rule, List<Column> keys) {
        List<Column> fields = new ArrayList<>();
        fields.add(lit(rule).as(RULE));
        fields.addAll(keys);
        return struct(fields.toArray(Column[]::new));
    }

    private static void add(List<Column> broken, List<String> labels, Column rule, String label) {
        broken.add(rule);
        labels.add(label);
    }
}
