package org.rehabmap.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/bench.sh --tiny runs end to end and writes its results: the full run, the floor and
 * DuckDB measured once, DuckDB checked against gold.benchmarks, the table with both ratios.
 * Nothing here asserts a time.
 */
class BenchScriptTest {
    @Test
    void tinyBenchmarkRunsAndWritesItsResults(@TempDir Path work) throws Exception {
        Path home = Path.of(System.getProperty("rehabmap.home", "."))
                .toAbsolutePath()
                .normalize();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(
                        "bash", home.resolve("scripts/bench.sh").toString(), "--tiny", "--work", work.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("bench.log").toFile());
        pb.environment().put("BENCH_CLASSPATH", classpath);
        // the launcher's JIT flags (pom.xml) with a smaller heap, as the product's process tests use
        pb.environment().put("REHABMAP_JAVA_OPTS", "-Xmx2g " + System.getProperty("rehabmap.test.jitflags", ""));
        Process p = pb.start();
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(work.resolve("bench.log"), StandardCharsets.UTF_8);
        assertTrue(done, "bench.sh --tiny did not finish:\n" + log);
        assertEquals(0, p.exitValue(), "bench.sh --tiny failed:\n" + log);

        Path results = work.resolve("results");
        List<String> raw = Files.readAllLines(results.resolve("raw.csv"));
        for (String phase : List.of("full", "floor", "duckdb")) {
            assertTrue(
                    raw.stream().anyMatch(l -> l.startsWith("0.01," + phase + ",1,") && l.matches(".*,0,[^,]*$")),
                    phase + " measured and succeeded: " + raw);
        }
        String md = Files.readString(results.resolve("results.md"));
        assertTrue(md.contains("full run ÷ floor") && md.contains("full run ÷ DuckDB"), md);
        assertTrue(md.contains("after the full run: equal"), "DuckDB agrees with gold.benchmarks: " + md);
        assertTrue(log.contains("| scale | phase |"), "the table is printed:\n" + log);
        assertTrue(Files.readString(results.resolve("time-vs-scale.svg")).startsWith("<svg"));
        assertTrue(new File(results.resolve("machine.txt").toString()).length() > 0);
    }
}
