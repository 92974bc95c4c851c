package org.rehabmap.cli;

import org.apache.spark.sql.Row;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.ops.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "report", description = "Write (again) the Markdown and HTML report of a run, and print the Markdown.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "the run (default: the latest)")
    String runId;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Settings s = common.settings();
        Lake lake = new Lake(SparkSessions.create(s, common.sparkUi), s.location("paths.lake"));
        String id = runId;
        if (id == null) {
            if (!lake.exists(RunAudit.TABLE)) {
                throw new org.rehabmap.config.ConfigError("no runs recorded yet in " + lake.root());
            }
            Row last = lake.read(RunAudit.TABLE)
                    .orderBy(org.apache.spark.sql.functions.col("started_at").desc())
                    .select("run_id")
                    .first();
            id = last.getString(0);
        }
        String dir = RunReport.write(lake, s.location("paths.reports"), id);
        System.out.print(RunReport.build(lake, id).markdown());
        System.err.println("report: " + dir + "/report.md, " + dir + "/report.html");
        return Main.OK;
    }
}
