package org.rehabmap.cli;

import org.junit.jupiter.api.Test;
import org.rehabmap.testing.Proc;
import org.rehabmap.testing.SharedSpark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/rehabmap's class-data-sharing archive: recorded once per build, then used, and never seen in what a
 * command prints. The JVM's class-loading log (to a file, so not in the output) shows where the last start took its
 * classes from: "shared objects file (top)" is the application archive.
 */
class LauncherCdsIT {
    record Run(int code, String out, String err) {}

    @Test
    void theArchiveIsUsedAndChangesNothingACommandPrints() throws Exception {
        Path lake = Files.createTempDirectory("rehabmap-cds-lake");
        // a fixed file: the options are part of the archive's key, so one archive per build serves every run of this
        // test
        Path classLoads = SharedSpark.projectHome().resolve("jobs/target/launcher-cds-it.classload.log");
        String opts = Proc.javaOpts() + " -Xlog:class+load=info:file=" + classLoads;
        List<String> sql = List.of(
                "sql", "--env", "test", "--lake", lake.toString(), "--format", "csv", "select 1 as one, 'x' as two");

        Run without = launcher(sql, Map.of("REHABMAP_JAVA_OPTS", opts, "REHABMAP_CDS", "off"));
        Run first = launcher(sql, Map.of("REHABMAP_JAVA_OPTS", opts));
        Run again = launcher(sql, Map.of("REHABMAP_JAVA_OPTS", opts));

        assertEquals(0, without.code(), without.err());
        assertEquals("one,two\n1,x\n", without.out());
        assertEquals(0, first.code(), first.err());
        assertEquals(without.out(), first.out());
        assertEquals(0, again.code(), again.err());
        assertEquals(without.out(), again.out());
        assertEquals(untimed(without.err()), untimed(again.err()), "nothing about the archive on stderr either");
        assertFalse(again.err().toLowerCase(Locale.ROOT).contains("shared archive"), again.err());
        String loads = Files.readString(classLoads); // the last start's: each start rewrites it
        assertTrue(
                loads.contains("org.apache.spark.sql.SparkSession source: shared objects file (top)"),
                "Spark's classes came from the archive");
        try (Stream<Path> archives = Files.list(SharedSpark.projectHome().resolve("jobs/target/cds"))) {
            assertTrue(
                    archives.anyMatch(p -> p.getFileName().toString().endsWith(".jsa")),
                    "an archive under jobs/target/cds");
        }
    }

    /** Log lines start with the time of day. */
    private static String untimed(String log) {
        return log.replaceAll("(?m)^[0-9:.,]+ ", "");
    }

    private static Run launcher(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(SharedSpark.projectHome().resolve("scripts/rehabmap").toString());
        command.addAll(args);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/rehabmap " + args + " still running after 10 minutes");
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
