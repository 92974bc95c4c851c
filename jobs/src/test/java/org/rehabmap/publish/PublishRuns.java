package org.rehabmap.publish;

import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.StepResult;
import org.rehabmap.testing.SharedSpark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/** Runs the publish step in-process on the shared session with the given settings. */
final class PublishRuns {
    record Result(StepResult step, String console, Lake lake, String runId) {}

    private PublishRuns() {}

    static Result run(Settings s, LocalDate asOf) throws Exception {
        Lake lake = new Lake(SharedSpark.session(), s.location("paths.lake"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        String runId = org.rehabmap.cli.RunIds.next(Instant.now());
        RunContext ctx = new RunContext(
                s,
                SharedSpark.session(),
                lake,
                runId,
                Instant.now(),
                asOf,
                s.location("paths.landing"),
                new RunContext.Console(out, out, false));
        StepResult r = new PublishJob().run(ctx);
        return new Result(r, buf.toString(StandardCharsets.UTF_8), lake, runId);
    }
}
