package org.rehabmap.cli;

import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.ops.Recovery;
import org.rehabmap.ops.RunLock;
import org.rehabmap.pipeline.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "recover",
        description = {
            "Finish the story of runs whose process died (kill -9, out of memory, power loss):",
            "gold back to its versions before them, audit.run rows with status 'crashed'. Every run does this",
            "first anyway; nightly.sh calls it at once when a run was killed."
        })
public final class RecoverCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Settings s = common.settings();
        try (RunLock lock = RunLock.acquire(s, "recover")) {
            Lake lake = new Lake(SparkSessions.create(s, common.sparkUi), s.location("paths.lake"));
            RunContext.Console console = common.console();
            List<String> done = Recovery.recoverUnfinished(lake, console::progress);
            System.out.println(
                    done.isEmpty()
                            ? "nothing to recover"
                            : "recovered " + done.size() + " run(s): " + String.join(", ", done));
            for (String id : done) {
                RunCommand.writeReport(lake, s, id, console);
            }
            return Main.OK;
        }
    }
}
