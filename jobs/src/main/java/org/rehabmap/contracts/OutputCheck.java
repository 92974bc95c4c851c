package org.rehabmap.contracts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The check of a gold DataFrame against its contract: the columns in order with their physical
 * types, required columns non-null, enumerations, ranges and patterns, row rules (Spark SQL that
 * must be true) and a unique key, all counted in one aggregation. Every failed rule is reported with its id and how many rows
 * break it.
 */
public final class OutputCheck {
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
        List<Column> checks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        // column 0: the rows, counted in the same pass as the rules
        checks.add(count(lit(1)));
        for (ColumnSpec c : columns) {
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
        for (TableRule r : rules) {
            if (r.kind().equals(TableRule.SQL)) {
                add(
                        checks,
                        labels,
                        not(coalesce(expr(r.sql()), lit(false))),
                        r.id() + ": " + (r.description() == null ? r.sql() : r.description()));
            }
        }
        // a unique key in the same one pass over the rows: the rows beyond the first of each key
        for (TableRule r : rules) {
            if (r.kind().equals(TableRule.UNIQUE)) {
                checks.add(count(lit(1))
                        .minus(countDistinct(struct(r.properties().stream()
                                .map(org.apache.spark.sql.functions::col)
                                .toArray(Column[]::new)))));
                labels.add(r.id() + ": surplus row(s) repeat a key " + r.properties());
            }
        }
        Row counts = df.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new))
                .first();
        for (int i = 0; i < labels.size(); i++) {
            long n = counts.isNullAt(i + 1) ? 0 : counts.getLong(i + 1);
            if (n > 0) {
                out.add(labels.get(i).replaceFirst(": ", ": " + n + " row(s): "));
            }
        }
        return new Checked(out, counts.getLong(0));
    }

    private static void add(List<Column> checks, List<String> labels, Column broken, String label) {
        checks.add(sum(when(coalesce(broken, lit(false)), 1L).otherwise(0L)));
        labels.add(label);
    }
}
