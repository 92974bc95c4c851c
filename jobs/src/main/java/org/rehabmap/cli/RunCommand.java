package org.rehabmap.cli;

import org.apache.spark.sql.SparkSession;
import org.rehabmap.audit.Reconciliation;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.ops.Recovery;
import org.rehabmap.ops.RunLock;
import org.rehabmap.ops.RunReport;
import org.rehabmap.pipeline.Pipeline;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.text.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "run",
        description =
                "Run the jobs in order: ingest, conform, curate, model, publish (or one of them; curate runs the model"
                        + " after it).")
public final class RunCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            defaultValue = "all",
            description =
                    "all | ingest | conform | curate | publish (default all); curate runs the workforce model after it")
    String target;

    @Option(names = "--as-of", description = "the run's as-of date, YYYY-MM-DD (default today)")
    String asOf;

    @Option(
            names = "--maintain",
            description = "after a successful run, OPTIMIZE and VACUUM under the same lock (one process on Kubernetes)")
    boolean maintain;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (!target.equals("all") && !Steps.TARGETS.contains(target)) {
            throw new ConfigError("unknown step '" + target + "': use all, ingest, conform, curate or publish");
        }
        List<Step> steps = Steps.forTarget(target);
        LocalDate asOfDate;
        try {
            asOfDate = asOf == null ? LocalDate.now(java.time.ZoneOffset.UTC) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new ConfigError("--as-of must be a date YYYY-MM-DD, got '" + asOf + "'");
        }
        Settings s = common.settings();
        org.rehabmap.config.PseudonymKey.from(s); // refuse to start before any work when the key is missing
        try (RunLock lock = RunLock.acquire(s, "run " + target)) {
            Instant started = Instant.now();
            String runId = RunIds.next(started);
            SparkSession spark = SparkSessions.create(s, common.sparkUi);
            Lake lake = new Lake(spark, s.location("paths.lake"));
            RunContext.Console console = common.console();
            RunContext ctx =
                    new RunContext(s, spark, lake, runId, started, asOfDate, s.location("paths.landing"), console);
            Recovery.recoverUnfinished(lake, console::progress);
            console.progress(
                    "rehabmap run " + runId + " (" + target + ", env " + s.env() + ", lake " + lake.root() + ")");
            Pipeline.Outcome outcome = new Pipeline(steps).run(ctx, "run " + target);
            Reconciliation.print(lake, runId, console::result, console::progress);
            writeReport(lake, s, runId, console);
            if (!outcome.succeeded()) {
                if (common.verbose) {
                    outcome.failure().printStackTrace(System.err);
                }
                System.err.println("rehabmap: run " + runId + " failed: " + Failures.describe(outcome.failure()));
                return Main.FAILED;
            }
            console.progress("run " + runId + " succeeded");
            if (maintain) {
                MaintainCommand.maintain(lake, s, s.getDouble("maintenance.vacuum-retention-hours"), console);
            }
            return Main.OK;
        }
    }

    /** A report that cannot be written never fails the run it describes. */
    static void writeReport(Lake lake, Settings s, String runId, RunContext.Console console) {
        try {
            String dir = RunReport.write(lake, s.location("paths.reports"), runId);
            console.progress("report: " + dir + "/report.html");
        } catch (RuntimeException e) {
            console.progress("(run report not written: " + Failures.describe(e) + ")");
        }
    }
}
