package org.rehabmap.cli;

import org.apache.spark.sql.SparkSession;
import org.rehabmap.audit.FileLedger;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Show the last runs and the outcome of every landing file.")
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "10", description = "how many recent runs to show (default 10)")
    int runs;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        Settings s = common.settings();
        SparkSession spark = SparkSessions.create(s, common.sparkUi);
        Lake lake = new Lake(spark, s.location("paths.lake"));
        if (!lake.exists(RunAudit.TABLE)) {
            System.out.println("no runs yet in " + lake.root());
            return Main.OK;
        }
        System.out.println("last runs:");
        SqlCommand.print(lake.read(RunAudit.TABLE)
                .selectExpr("run_id", "command", "status", "started_at",
                        "round((unix_millis(ended_at) - unix_millis(started_at)) / 1000.0, 1) AS seconds",
                        "concat_ws(', ', transform(steps, s -> concat(s.step, ' ', s.status))) AS steps", "message")
                .orderBy(org.apache.spark.sql.functions.col("started_at").desc()).limit(runs), "table", runs, System.out);
        if (lake.exists(FileLedger.TABLE)) {
            System.out.println();
            System.out.println("files:");
            SqlCommand.print(lake.read(FileLedger.TABLE)
                    .selectExpr("source", "file_name", "status", "rows_read", "rows_accepted", "rows_quarantined", "run_id", "reason")
                    .orderBy("source", "file_seq"), "table", 10_000, System.out);
        }
        return Main.OK;
    }
}
