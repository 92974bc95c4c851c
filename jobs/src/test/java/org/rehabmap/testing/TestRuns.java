package org.rehabmap.testing;

import org.rehabmap.cli.Steps;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.pipeline.Pipeline;
import org.rehabmap.pipeline.RunContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/** Runs pipeline steps in-process on the shared session, against one workspace. */
public final class TestRuns {
    private TestRuns() {}

    public record Result(Pipeline.Outcome outcome, RunContext ctx, String stdout) {}

    public static Result run(Path workspace, String target, LocalDate asOf) {
        Settings s = SharedSpark.settings(workspace.resolve("lake"), workspace.resolve("landing"));
        Lake lake = new Lake(SharedSpark.session(), s.location("paths.lake"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
        Instant now = Instant.now();
        String runId = org.rehabmap.cli.RunIds.next(now);
        RunContext ctx = new RunContext(
                s,
                SharedSpark.session(),
                lake,
                runId,
                now,
                asOf,
                s.location("paths.landing"),
                new RunContext.Console(out, out, false));
        Pipeline.Outcome o = new Pipeline(Steps.forTarget(target)).run(ctx, "run " + target);
        org.rehabmap.audit.Reconciliation.print(
                ctx.lake(), ctx.runId(), ctx.console()::result, ctx.console()::progress);
        return new Result(o, ctx, buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Lake lake(Path workspace) {
        return new Lake(SharedSpark.session(), workspace.resolve("lake").toString());
    }
}
