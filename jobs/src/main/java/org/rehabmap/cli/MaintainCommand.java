package org.rehabmap.cli;

import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.ops.Maintenance;
import org.rehabmap.ops.Recovery;
import org.rehabmap.ops.RunLock;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.text.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(
        name = "maintain",
        description = {
            "OPTIMIZE, then VACUUM every table of the lake, keeping the files of the last",
            "rehabmap.maintenance.vacuum-retention-hours (default 168 = 7 days; rollback reaches back that far).",
            "Refuses to start (exit 3) while a run or another command holds the lake's lock."
        })
public final class MaintainCommand implements Callable<Integer> {
    /** OPTIMIZE + VACUUM under a lock the caller holds, recorded in audit.run as command "maintain". */
    static void maintain(Lake lake, Settings s, double hours, RunContext.Console console) {
        Instant started = Instant.now();
        String id = RunIds.next(started);
        console.progress("rehabmap maintain " + id + " (lake " + lake.root() + ", VACUUM retention " + hours + " h)");
        Maintenance.Result r;
        try {
            r = Maintenance.run(lake, hours, s.getInt("maintenance.optimize-min-files"), console::progress);
        } catch (RuntimeException e) {
            OpsCommands.audit(lake, s, id, "maintain", started, false, List.of(), Map.of(), Failures.describe(e));
            throw e;
        }
        OpsCommands.audit(
                lake,
                s,
                id,
                "maintain",
                started,
                true,
                r.tables(),
                r.versions(),
                "data files " + r.filesBefore() + " → " + r.filesAfter() + ", retention " + hours + " h");
        console.progress("maintain " + id + " done: " + r.tables().size() + " table(s), data files " + r.filesBefore()
                + " → " + r.filesAfter());
    }

    @Option(names = "--retention-hours", description = "VACUUM retention for this once (default: from configuration)")
    Double retentionHours;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Settings s = common.settings();
        double hours = retentionHours != null ? retentionHours : s.getDouble("maintenance.vacuum-retention-hours");
        try (RunLock lock = RunLock.acquire(s, "maintain")) {
            Lake lake = new Lake(SparkSessions.create(s, common.sparkUi), s.location("paths.lake"));
            RunContext.Console console = common.console();
            Recovery.recoverUnfinished(lake, console::progress);
            maintain(lake, s, hours, console);
            return Main.OK;
        }
    }
}
