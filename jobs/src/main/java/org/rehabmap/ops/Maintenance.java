package org.rehabmap.ops;

import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.delta.DeltaLog;
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

    public record Result(
            List<RunAudit.StepRecord> tables, Map<String, Long> versions, long filesBefore, long filesAfter) {}

    private Maintenance() {}

    /**
     * @param optimizeMinFiles OPTIMIZE a table only once its current version reads at least this many files
     *                         (each OPTIMIZE is a new version and costs seconds even on a tiny table)
     */
    public static Result run(Lake lake, double retentionHours, int optimizeMinFiles, Consumer<String> progress) {
        if (retentionHours < 0) {
            throw new org.rehabmap.config.ConfigError(
                    "rehabmap.maintenance.vacuum-retention-hours must be ≥ 0, got " + retentionHours);
        }
        if (retentionHours < DELTA_SAFE_HOURS) {
            lake.spark().conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
            progress.accept("  vacuum retention " + retentionHours
                    + " h is below Delta's 168 h: rollback can only reach back that far");
        }
        // VACUUM lists a table's folders with one task per "partition discovery" slot, 10,000 by default:
        // minutes of empty tasks per table in local mode. The lake's tables are small and unpartitioned.
        lake.spark()
                .conf()
                .set(
                        "spark.sql.sources.parallelPartitionDiscovery.parallelism",
                        String.valueOf(Math.max(2, lake.spark().sparkContext().defaultParallelism())));
        List<RunAudit.StepRecord> records = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        long allBefore = 0;
        long allAfter = 0;
        for (String t : lake.tables()) {
            Instant t0 = Instant.now();
            DeltaLog log = DeltaLog.forTable(lake.spark(), lake.path(t));
            long v0 = log.update(false, scala.Option.empty(), scala.Option.empty())
                    .version();
            long before = dataFiles(lake, t);
            List<String> did = new ArrayList<>();
            DeltaTable table = lake.table(t);
            // each command costs seconds even when it has nothing to do: skip what has nothing to do
            if (currentFiles(log) >= Math.max(2, optimizeMinFiles)) {
                table.optimize().executeCompaction();
                did.add("optimized");
            }
            long cutoff = System.currentTimeMillis() - (long) (retentionHours * 3_600_000L);
            if (dataFiles(lake, t) > currentFiles(log) && oldestDataFile(lake, t) < cutoff) {
                quietly(() -> table.vacuum(retentionHours));
                did.add("vacuumed");
            }
            long after = dataFiles(lake, t);
            long v1 = log.update(false, scala.Option.empty(), scala.Option.empty())
                    .version();
            if (v1 != v0) {
                versions.put(t, v1);
            }
            double secs = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
            String summary = (did.isEmpty() ? "nothing to do" : String.join(", ", did)) + "; data files " + before
                    + " → " + after;
            records.add(new RunAudit.StepRecord(t, did.isEmpty() ? "nothing_new" : "done", secs, 0, summary));
            progress.accept(String.format("  %s: %s (%.1f s)", t, summary, secs));
            allBefore += before;
            allAfter += after;
        }
        return new Result(records, versions, allBefore, allAfter);
    }

    /** Data files the table's current version reads (from Delta's checksum, no Spark job). */
    private static long currentFiles(DeltaLog log) {
        return log.update(false, scala.Option.empty(), scala.Option.empty()).numOfFiles();
    }

    /** Delta's VACUUM prints "Deleted N files ..." on stdout, which is for a command's results only. */
    private static void quietly(Runnable r) {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
    }

    /** Parquet files under a table's folder (every version's, not only the current one's). */
    static long dataFiles(Lake lake, String table) {
        long[] n = new long[1];
        eachDataFile(lake, table, f -> n[0]++);
        return n[0];
    }

    /** VACUUM can only delete files older than the retention: when none is, it has nothing to do. */
    static long oldestDataFile(Lake lake, String table) {
        long[] oldest = {Long.MAX_VALUE};
        eachDataFile(lake, table, f -> oldest[0] = Math.min(oldest[0], f.getModificationTime()));
        return oldest[0];
    }

    private static void eachDataFile(Lake lake, String table, Consumer<LocatedFileStatus> action) {
        try {
            Path root = new Path(lake.path(table));
            FileSystem fs = root.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                if (f.getPath().getName().endsWith(".parquet")
                        && !f.getPath().toString().contains("/_delta_log/")) {
                    action.accept(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
