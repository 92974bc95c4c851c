package org.rehabmap.testing;

import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.pipeline.Pipeline;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Runs a chosen list of steps in-process on the shared session (TestRuns runs the real step list). */
public final class OpsRuns {
    private OpsRuns() {}

    public static TestRuns.Result run(Path workspace, LocalDate asOf, Step... steps) {
        RunContext ctx = context(workspace, asOf);
        Pipeline.Outcome o = new Pipeline(List.of(steps)).run(ctx, "run test");
        return new TestRuns.Result(o, ctx, "");
    }

    public static RunContext context(Path workspace, LocalDate asOf) {
        return context(workspace.resolve("lake"), workspace.resolve("landing"), asOf);
    }

    public static RunContext context(Path lakeDir, Path landing, LocalDate asOf) {
        Settings s = SharedSpark.settings(lakeDir, landing);
        Lake lake = new Lake(SharedSpark.session(), s.location("paths.lake"));
        Instant now = Instant.now();
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new RunContext(
                s,
                SharedSpark.session(),
                lake,
                org.rehabmap.cli.RunIds.next(now),
                now,
                asOf,
                s.location("paths.landing"),
                new RunContext.Console(sink, sink, true));
    }

    /** A step that fails, to see what a failed run leaves behind. */
    public record Failing(String name) implements Step {
        @Override
        public org.rehabmap.pipeline.StepResult run(RunContext ctx) {
            throw new IllegalStateException("deliberate failure in " + name);
        }
    }
}
