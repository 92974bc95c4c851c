package org.rehabmap.cli;

import org.apache.spark.sql.SparkSession;
import org.rehabmap.audit.FileLedger;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.ops.RunJournal;
import org.rehabmap.ops.RunLock;
import org.rehabmap.text.DatasetPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(
        name = "status",
        description =
                "Show whether a command is running now, runs that died unfinished, the last runs with their step timings, and "
                        + "every landing file.")
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "10", description = "how many recent runs to show (default 10)")
    int runs;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        Settings s = common.settings();
        java.nio.file.Path lockFile = RunLock.file(s);
        System.out.println("lock: "
                + RunLock.heldBy(lockFile).map(h -> "held (" + h + ")").orElse("free") + "  [" + lockFile + "]");
        SparkSession spark = SparkSessions.create(s, common.sparkUi);
        Lake lake = new Lake(spark, s.location("paths.lake"));
        for (RunJournal.Entry e : new RunJournal(lake).unfinished()) {
            System.out.println(
                    "unfinished: run " + e.runId() + " (" + e.command() + ", started " + e.startedAt() + ", "
                            + e.steps().size()
                            + " step(s) done) is in progress or died; the next run or `rehabmap recover` puts gold back if it died");
        }
        if (!lake.exists(RunAudit.TABLE)) {
            System.out.println("no runs yet in " + lake.root());
            return Main.OK;
        }
        System.out.println("last runs:");
        DatasetPrinter.print(
                lake.read(RunAudit.TABLE)
                        .selectExpr(
                                "run_id",
                                "command",
                                "status",
                                "started_at",
                                "round((unix_millis(ended_at) - unix_millis(started_at)) / 1000.0, 1) AS seconds",
                                "concat_ws(', ', transform(steps, s -> concat(s.step, ' ', s.status, ' ', "
                                        + "format_number(s.seconds, 1), 's'))) AS steps",
                                "aggregate(steps, 0L, (acc, s) -> acc + s.rows_written) AS rows_written",
                                "message")
                        .orderBy(
                                org.apache.spark.sql.functions.col("started_at").desc())
                        .limit(runs),
                "table",
                runs,
                System.out);
        if (lake.exists(FileLedger.TABLE)) {
            System.out.println();
            System.out.println("files:");
            DatasetPrinter.print(
                    lake.read(FileLedger.TABLE)
                            .selectExpr(
                                    "source",
                                    "file_name",
                                    "status",
                                    "rows_read",
                                    "rows_accepted",
                                    "rows_quarantined",
                                    "run_id",
                                    "reason")
                            .orderBy("source", "file_seq"),
                    "table",
                    10_000,
                    System.out);
        }
        return Main.OK;
    }
}
