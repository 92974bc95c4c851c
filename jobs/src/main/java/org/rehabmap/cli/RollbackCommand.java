package org.rehabmap.cli;

import org.rehabmap.audit.RunAudit;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.ops.Recovery;
import org.rehabmap.ops.Rollback;
import org.rehabmap.ops.RunLock;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.text.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(
        name = "rollback",
        description = {
            "Put every gold table back to its version after the given run (Delta RESTORE),",
            "and record the rollback in audit.run. The next run recomputes gold from silver again."
        })
public final class RollbackCommand implements Callable<Integer> {
    @Option(names = "--to-run", required = true, paramLabel = "RUN_ID", description = "a run id from `rehabmap status`")
    String toRun;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Settings s = common.settings();
        String command = "rollback --to-run " + toRun;
        try (RunLock lock = RunLock.acquire(s, command)) {
            Instant started = Instant.now();
            String id = RunIds.next(started);
            Lake lake = new Lake(SparkSessions.create(s, common.sparkUi), s.location("paths.lake"));
            RunContext.Console console = common.console();
            Recovery.recoverUnfinished(lake, console::progress);
            List<Rollback.Change> changes = Rollback.toRun(lake, toRun);
            List<RunAudit.StepRecord> steps = new ArrayList<>();
            Map<String, Long> versions = new LinkedHashMap<>();
            List<String[]> rows = new ArrayList<>();
            boolean ok = true;
            for (Rollback.Change c : changes) {
                steps.add(new RunAudit.StepRecord(c.table(), c.status(), 0, 0, c.note()));
                if (c.status().equals("restored")) {
                    versions.put(c.table(), c.now());
                }
                ok &= !c.status().equals("failed");
                rows.add(new String[] {c.table(), c.status(), String.valueOf(c.from()), String.valueOf(c.to()), c.note()
                });
            }
            OpsCommands.audit(
                    lake,
                    s,
                    id,
                    command,
                    started,
                    ok,
                    steps,
                    versions,
                    versions.size() + " gold table(s) restored to their versions after run " + toRun);
            System.out.print(TextTable.renderStrings(
                    new String[] {"table", "status", "was version", "target version", "note"}, rows));
            if (changes.isEmpty()) {
                System.out.println("no gold tables in " + lake.root());
            }
            console.progress("rollback " + id + (ok ? " done" : " FAILED for some tables (see above)")
                    + "; recorded in audit.run");
            return ok ? Main.OK : Main.FAILED;
        }
    }
}
