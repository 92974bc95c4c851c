package org.rehabmap.ops;

import org.apache.spark.sql.Row;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.config.ConfigError;
import org.rehabmap.lake.Lake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Puts every gold table back to its version after a given run, with Delta RESTORE. "Its version after that
 * run" comes from audit.run: every command that changes gold (run, recovery, maintain, rollback) records
 * the versions it left, so the last version recorded for a table up to and including that run is the one.
 */
public final class Rollback {
    /** What happened to one gold table. */
    public record Change(String table, String status, long from, long to, long now, String note) {}

    private Rollback() {}

    /** Gold table → its version after the run, from audit.run. */
    public static Map<String, Long> versionsAfter(Lake lake, String runId) {
        if (!lake.exists(RunAudit.TABLE)) {
            throw new ConfigError("no runs recorded yet in " + lake.root() + " (audit.run is empty)");
        }
        List<Row> rows = lake.read(RunAudit.TABLE)
                .orderBy(col("started_at"), col("ended_at"))
                .select("run_id", "versions")
                .collectAsList();
        Map<String, Long> after = new LinkedHashMap<>();
        boolean found = false;
        for (Row r : rows) {
            Map<String, Long> v = r.isNullAt(1) ? Map.of() : r.<String, Long>getJavaMap(1);
            v.forEach((t, ver) -> {
                if (t.startsWith("gold.")) {
                    after.put(t, ver);
                }
            });
            if (runId.equals(r.getString(0))) {
                found = true;
                break;
            }
        }
        if (!found) {
            throw new ConfigError("no run '" + runId + "' in audit.run (`rehabmap status` lists the runs)");
        }
        return after;
    }

    /** True when the table's latest commit is a RESTORE to that version: it already holds that content. */
    static boolean restoredTo(Lake lake, String table, long version) {
        Row last = lake.table(table)
                .history(1)
                .select("operation", "operationParameters")
                .first();
        if (!"RESTORE".equals(last.getString(0)) || last.isNullAt(1)) {
            return false;
        }
        Map<String, String> p = last.getJavaMap(1);
        return String.valueOf(version).equals(p.get("version"));
    }

    /** Restores what it can; a table it cannot restore is reported as "failed" and the others still go back. */
    public static List<Change> toRun(Lake lake, String runId) {
        Map<String, Long> target = versionsAfter(lake, runId);
        List<Change> out = new ArrayList<>();
        for (String t : GoldGuard.goldTables(lake)) {
            long now = lake.version(t);
            Long want = target.get(t);
            if (want == null || want == GoldGuard.REMOVED) {
                out.add(new Change(
                        t,
                        "skipped",
                        now,
                        now,
                        now,
                        "no version of it recorded up to run " + runId + "; left as it is"));
            } else if (want == now || restoredTo(lake, t, want)) {
                out.add(new Change(t, "unchanged", now, want, now, "already at that version"));
            } else {
                try {
                    lake.table(t).restoreToVersion(want);
                    out.add(new Change(t, "restored", now, want, lake.version(t), "restored to version " + want));
                } catch (RuntimeException e) {
                    out.add(new Change(
                            t,
                            "failed",
                            now,
                            want,
                            lake.version(t),
                            "cannot restore to version " + want + " (are its files older than the VACUUM retention?): "
                                    + org.rehabmap.text.Failures.describe(e)));
                }
            }
        }
        return out;
    }
}
