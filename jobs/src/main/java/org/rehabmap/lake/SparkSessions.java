package org.rehabmap.lake;

import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.Settings;

import java.util.Map;

/** Builds the one SparkSession a process uses, with Delta and the lake's settings. */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession create(Settings s, boolean uiOverride) {
        SparkSession.Builder b = SparkSession.builder()
                .appName(s.getString("spark.app-name"))
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.shuffle.partitions", s.getInt("spark.shuffle-partitions"))
                .config("spark.databricks.delta.snapshotPartitions", s.getInt("spark.delta-snapshot-partitions"))
                // a static setting: it must be there when the session is made, and reaches executors with the conf
                .config("spark.sql.codegen.cache.maxEntries", s.getInt("spark.codegen-cache-entries"))
                .config("spark.ui.enabled", uiOverride || s.getBoolean("spark.ui"))
                .config("spark.ui.showConsoleProgress", false)
                .config("spark.sql.session.timeZone", "UTC")
                // Every landing value is checked by an explicit contract rule before it is cast, so the
                // lenient (non-ANSI) casts never meet bad input; it also lets a ratio with a zero
                // denominator be null rather than stop a whole night's run.
                .config("spark.sql.ansi.enabled", "false")
                .config("spark.sql.warehouse.dir", s.location("paths.lake") + "/_warehouse")
                // Delta's optimistic commits retry on conflict; the local lake has one writer at a time.
                .config("spark.databricks.delta.schema.autoMerge.enabled", "false")
                // Spark 4 gives every session its own artifact class loader on the executors (for Spark
                // Connect's many users). rehabmap is one application with one session and no added artifacts,
                // and the isolation cost it a second compile of every generated class in the tasks, with class
                // look-ups over RPC to the driver: a profile of a sample curate had Janino at 21% of the CPU.
                // Off, curate on that lake took 60.1 s instead of 68.8 s (docs/benchmarks.md). PySpark sets
                // the same default. spark.conf in the configuration can still turn it back on.
                .config("spark.sql.artifact.isolation.enabled", "false");
        // Only when a crash point is armed (tests, drills): stop a process between any two Delta commits.
        if (org.rehabmap.crash.CrashPoints.enabled()) {
            b = b.config("spark.delta.logStore.file.impl", org.rehabmap.crash.CrashPointLogStore.class.getName());
        }
        // Under spark-submit (scripts/submit.sh) the --master given there wins over the configured one.
        String master = s.getString("spark.master");
        if (!master.isBlank() && System.getProperty("spark.master") == null) {
            b = b.master(master);
        }
        for (Map.Entry<String, com.typesafe.config.ConfigValue> e :
                s.section("spark.conf").entrySet()) {
            b = b.config(
                    e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel(s.getString("spark.log-level"));
        SharedClassLoader.share(spark);
        return spark;
    }
}
