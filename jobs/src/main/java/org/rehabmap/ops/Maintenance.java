package org.rehabmap.ops;

import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.lake.Lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OPTIMIZE (compact small files) then VACUUM (delete files no version within the retention needs) on every
 * table of the lake. Run after the nightly load under the {@link RunLock}, never beside a run.
 */
public final class Maintenance {
    /** Delta's own floor; VACUUM below it needs its safety check turned off. */
    public static final double DELTA_SAFE_HOURS = 168;

    public record Result(List<RunAudit.StepRecord> tables, Map<String, Long> versions, long filesBefore, long filesAfter) {}

    private Maintenance() {}

    public static Result run(Lake lake, double retentionHours, Consumer<String> progress) {
        if (retentionHours < 0) throw new org.rehabmap.config.ConfigError("rehabmap.maintenance.vacuum-retention-hours must be ≥ 0, got " + retentionHours);
        if (retentionHours < DELTA_SAFE_HOURS) {
            lake.spark().conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
            progress.accept("  vacuum retention " + retentionHours + " h is below Delta's 168 h: rollback can only reach back that far");
        }
        List<RunAudit.StepRecord> records = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        long allBefore = 0;
        long allAfter = 0;
        for (String t : lake.tables()) {
            Instant t0 = Instant.now();
            long v0 = lake.version(t);
            long before = dataFiles(lake, t);
            DeltaTable table = lake.table(t);
            table.optimize().executeCompaction();
            table.vacuum(retentionHours);
            long after = dataFiles(lake, t);
            long v1 = lake.version(t);
            if (v1 != v0) versions.put(t, v1);
            double secs = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
            String summary = "data files " + before + " → " + after;
            records.add(new RunAudit.StepRecord(t, "done", secs, 0, summary));
            progress.accept(String.format("  %s: %s (%.1f s)", t, summary, secs));
            allBefore += before;
            allAfter += after;
        }
        return new Result(records, versions, allBefore, allAfter);
    }

    /** Parquet files under a table's folder (every version's, not only the current one's). */
    static long dataFiles(Lake lake, String table) {
        try {
            Path root = new Path(lake.path(table));
            FileSystem fs = root.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
            long n = 0;
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                if (f.getPath().getName().endsWith(".parquet") && !f.getPath().toString().contains("/_delta_log/")) n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
