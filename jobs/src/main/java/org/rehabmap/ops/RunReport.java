package org.rehabmap.ops;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.rehabmap.audit.Quarantine;
import org.rehabmap.audit.Reconciliation;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.config.ConfigError;
import org.rehabmap.lake.Lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

/**
 * The report of one run, for the person who looks after the pipeline: what ran and how long it took,
 * every file it took in with its reconciliation, quarantined rows by rule, the Delta versions it wrote,
 * and how the indicators moved. Written as {@code <reports>/<run_id>/report.md} and {@code report.html}.
 */
public final class RunReport {
    private RunReport() {}

    public static ReportDoc build(Lake lake, String runId) {
        if (!lake.exists(RunAudit.TABLE)) {
            throw new ConfigError("no runs recorded yet in " + lake.root());
        }
        List<Row> runs = lake.read(RunAudit.TABLE)
                .orderBy(col("started_at"), col("ended_at"))
                .collectAsList();
        int at = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (runId.equals(runs.get(i).getAs("run_id"))) {
                at = i;
            }
        }
        if (at < 0) {
            throw new ConfigError("no run '" + runId + "' in audit.run (`rehabmap status` lists the runs)");
        }
        Row run = runs.get(at);
        ReportDoc doc = new ReportDoc("rehabmap run " + runId);
        doc.add(
                "Run",
                List.of(),
                ReportDoc.Table.of(
                        new String[] {"", ""},
                        List.of(
                                new String[] {"status", run.getAs("status")},
                                new String[] {"command", run.getAs("command")},
                                new String[] {"environment", run.getAs("env")},
                                new String[] {"as-of date", String.valueOf(run.<Object>getAs("as_of"))},
                                new String[] {"landing zone", run.getAs("landing")},
                                new String[] {"started (UTC)", String.valueOf(run.<Object>getAs("started_at"))},
                                new String[] {"ended (UTC)", String.valueOf(run.<Object>getAs("ended_at"))},
                                new String[] {"message", run.getAs("message")})));
        doc.add(
                "Steps",
                List.of(),
                ReportDoc.Table.of(new String[] {"step", "status", "seconds", "rows written", "summary"}, steps(run)));
        Map<String, Long> versions = run.getJavaMap(run.fieldIndex("versions"));
        List<String[]> v = new ArrayList<>();
        versions.forEach((t, ver) ->
                v.add(new String[] {t, ver == GoldGuard.REMOVED ? "removed" : String.valueOf(ver)}));
        doc.add(
                "Delta versions written",
                v.isEmpty() ? List.of("None: this run changed no table.") : List.of(),
                ReportDoc.Table.of(new String[] {"table", "version"}, v));
        List<String[]> files = Reconciliation.rows(lake, runId);
        doc.add(
                "Files (reconciliation: rows read = accepted + quarantined)",
                files.isEmpty() ? List.of("No new files in this run.") : List.of(),
                ReportDoc.Table.of(Reconciliation.HEADERS, files));
        List<String[]> q = quarantine(lake, runId);
        doc.add(
                "Quarantined rows by rule",
                q.isEmpty() ? List.of("No rows quarantined by this run.") : List.of(),
                ReportDoc.Table.of(new String[] {"source", "rule", "rows", "example reason"}, q));
        doc.add(IndicatorChanges.section(
                lake, versions.get(IndicatorChanges.TABLE), previousVersion(runs, at, IndicatorChanges.TABLE)));
        return doc;
    }

    /** Writes report.md and report.html under {@code <reportsRoot>/<run_id>/}; returns that folder. */
    public static String write(Lake lake, String reportsRoot, String runId) {
        ReportDoc doc = build(lake, runId);
        String dir = reportsRoot.replaceAll("/+$", "") + "/" + runId;
        try {
            FileSystem fs = FileSystem.get(
                    URI.create(dir.contains("://") ? dir : "file://" + dir),
                    lake.spark().sparkContext().hadoopConfiguration());
            put(fs, new Path(dir + "/report.md"), doc.markdown());
            put(fs, new Path(dir + "/report.html"), doc.html());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static void put(FileSystem fs, Path p, String text) throws IOException {
        try (FSDataOutputStream out = fs.create(p, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String[]> steps(Row run) {
        List<String[]> out = new ArrayList<>();
        for (Row s : run.<Row>getList(run.fieldIndex("steps"))) {
            out.add(new String[] {
                s.getAs("step"),
                s.getAs("status"),
                String.format(java.util.Locale.ROOT, "%.1f", s.<Double>getAs("seconds")),
                String.valueOf(s.<Long>getAs("rows_written")),
                s.getAs("summary")
            });
        }
        return out;
    }

    private static List<String[]> quarantine(Lake lake, String runId) {
        List<String[]> out = new ArrayList<>();
        if (!lake.exists(Quarantine.TABLE)) {
            return out;
        }
        for (Row r : lake.read(Quarantine.TABLE)
                .filter(col("run_id").equalTo(runId))
                .groupBy("source", "rule_id")
                .agg(count(lit(1)).as("n"), min("reason").as("reason"))
                .orderBy("source", "rule_id")
                .collectAsList()) {
            out.add(new String[] {r.getString(0), r.getString(1), String.valueOf(r.getLong(2)), r.getString(3)});
        }
        return out;
    }

    /** The table's version after the last run before runs[at] that recorded one. */
    static Long previousVersion(List<Row> runs, int at, String table) {
        Long v = null;
        for (int i = 0; i < at; i++) {
            Map<String, Long> m = runs.get(i).getJavaMap(runs.get(i).fieldIndex("versions"));
            if (m.containsKey(table) && m.get(table) != GoldGuard.REMOVED) {
                v = m.get(table);
            }
        }
        return v;
    }
}
