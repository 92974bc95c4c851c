package org.rehabmap.pipeline;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each step's Spark job count reaches its console line and its record in the run audit. */
class SparkJobCountTest {
    /** A step that runs exactly {@code jobs} Spark jobs: one RDD count each. */
    private record Jobs(String name, int jobs) implements Step {
        @Override
        public StepResult run(RunContext ctx) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
            for (int i = 0; i < jobs; i++) {
                sc.parallelize(List.of(1, 2, 3), 2).count();
            }
            return new StepResult(name, true, 0, Map.of(), "did " + jobs);
        }
    }

    @Test
    void eachStepSaysHowManySparkJobsItRan(@TempDir Path dir) {
        Settings s = SharedSpark.settings(dir.resolve("lake"), dir.resolve("landing"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        RunContext ctx = new RunContext(
                s,
                SharedSpark.session(),
                new Lake(SharedSpark.session(), s.location("paths.lake")),
                "test-jobs",
                Instant.now(),
                LocalDate.of(2025, 6, 30),
                s.location("paths.landing"),
                new RunContext.Console(out, out, false));

        Pipeline.Outcome o =
                new Pipeline(List.of(new Jobs("three", 3), new Jobs("none", 0), new Jobs("one", 1))).run(ctx, "test");

        assertTrue(o.succeeded(), String.valueOf(o.failure()));
        assertEquals("did 3; 3 Spark jobs", o.steps().get(0).summary());
        assertEquals("did 0; 0 Spark jobs", o.steps().get(1).summary());
        assertEquals("did 1; 1 Spark job", o.steps().get(2).summary());
        String console = buf.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("three: did 3; 3 Spark jobs ("), console);
    }
}
