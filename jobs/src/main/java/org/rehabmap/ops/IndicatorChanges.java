package org.rehabmap.ops;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.lake.Lake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/**
 * How gold.benchmarks moved in a run: its version after the run against its version after the previous
 * run that wrote it (Delta time travel), row by row on the indicator × period × area key of METHODS.md.
 */
public final class IndicatorChanges {
    public static final String TABLE = "gold.benchmarks";
    static final List<String> KEY = List.of("indicator_id", "period", "area_level", "area_code");
    static final int MAX_ROWS = 50;
    static final double TOLERANCE = 1e-9;

    private IndicatorChanges() {}

    /** @param now the table's version after the run; @param previous its version after the run before (null if none) */
    public static ReportDoc.Section section(Lake lake, Long now, Long previous) {
        String h = "Indicator changes against the previous run";
        if (!lake.exists(TABLE)) {
            return new ReportDoc.Section(h, List.of(TABLE + " does not exist yet: no indicators to compare."), null);
        }
        if (now == null) {
            return new ReportDoc.Section(h, List.of(TABLE + " was not written by this run."), null);
        }
        if (previous == null) {
            return new ReportDoc.Section(
                    h,
                    List.of("The first " + TABLE + " (version " + now + "): nothing earlier to compare with."),
                    null);
        }
        Dataset<Row> cur;
        Dataset<Row> old;
        try {
            cur = at(lake, now);
            old = at(lake, previous);
        } catch (RuntimeException e) {
            return new ReportDoc.Section(
                    h,
                    List.of("Cannot read version " + previous + " or " + now + " of " + TABLE + " (vacuumed?)."),
                    null);
        }
        List<String> cols = Arrays.asList(cur.columns());
        if (!cols.containsAll(KEY)
                || !cols.contains("value")
                || !Arrays.asList(old.columns()).containsAll(KEY)) {
            return new ReportDoc.Section(
                    h, List.of(TABLE + " lacks the columns " + KEY + " and value: cannot compare."), null);
        }
        boolean sig =
                cols.contains("significance") && Arrays.asList(old.columns()).contains("significance");
        Dataset<Row> j = old.select(keyAnd("o", sig))
                .join(
                        cur.select(keyAnd("n", sig)),
                        scala.jdk.javaapi.CollectionConverters.asScala(KEY).toSeq(),
                        "full_outer")
                .withColumn(
                        "_kind",
                        when(col("o_present").isNull(), lit("new"))
                                .when(col("n_present").isNull(), lit("removed"))
                                .when(
                                        not(col("o_value").eqNullSafe(col("n_value")))
                                                .and(col("o_value")
                                                        .isNull()
                                                        .or(col("n_value").isNull())
                                                        .or(abs(col("n_value").minus(col("o_value")))
                                                                .gt(TOLERANCE))),
                                        lit("changed"))
                                .when(sig ? not(col("o_sig").eqNullSafe(col("n_sig"))) : lit(false), lit("changed"))
                                .otherwise(lit("same")))
                .filter(col("_kind").notEqual("same"))
                .cache();
        try {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (Row r : j.groupBy("_kind").count().collectAsList()) {
                counts.put(r.getString(0), r.getLong(1));
            }
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            String summary = total == 0
                    ? "No indicator value or significance changed (version " + previous + " → " + now + ")."
                    : "Version " + previous + " → " + now + ": " + counts.getOrDefault("changed", 0L) + " changed, "
                            + counts.getOrDefault("new", 0L) + " new, " + counts.getOrDefault("removed", 0L)
                            + " removed row(s)"
                            + (total > MAX_ROWS ? "; the first " + MAX_ROWS + " are listed." : ".");
            List<String[]> rows = new ArrayList<>();
            for (Row r : j.orderBy("indicator_id", "period", "area_level", "area_code")
                    .limit(MAX_ROWS)
                    .collectAsList()) {
                rows.add(new String[] {
                    r.getAs("indicator_id"),
                    r.getAs("period"),
                    r.getAs("area_level") + " " + r.getAs("area_code"),
                    r.getAs("_kind"),
                    num(r.getAs("o_value")),
                    num(r.getAs("n_value")),
                    sig ? str(r.getAs("o_sig")) + " → " + str(r.getAs("n_sig")) : ""
                });
            }
            return new ReportDoc.Section(
                    h,
                    List.of(summary),
                    ReportDoc.Table.of(
                            new String[] {
                                "indicator", "period", "area", "change", "previous value", "value", "significance"
                            },
                            rows));
        } finally {
            j.unpersist();
        }
    }

    private static Dataset<Row> at(Lake lake, long version) {
        return lake.spark()
                .read()
                .format("delta")
                .option("versionAsOf", version)
                .load(lake.path(TABLE));
    }

    private static org.apache.spark.sql.Column[] keyAnd(String p, boolean sig) {
        List<org.apache.spark.sql.Column> c = new ArrayList<>();
        for (String k : KEY) {
            c.add(col(k));
        }
        c.add(col("value").cast("double").as(p + "_value"));
        if (sig) {
            c.add(col("significance").as(p + "_sig"));
        }
        c.add(lit(true).as(p + "_present"));
        return c.toArray(new org.apache.spark.sql.Column[0]);
    }

    static String num(Object v) {
        if (v == null) {
            return "";
        }
        double d = (Double) v;
        return d == Math.rint(d) && Math.abs(d) < 1e12
                ? String.valueOf((long) d)
                : String.format(java.util.Locale.ROOT, "%.4f", d);
    }

    private static String str(Object v) {
        return v == null ? "–" : v.toString();
    }
}
