package org.rehabmap.ops;

import org.junit.jupiter.api.Test;
import org.rehabmap.testing.Proc;
import org.rehabmap.testing.SharedSpark;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/cluster-smoke.sh as a developer runs it: a Spark standalone master and two workers as JVMs of their own,
 * `run all` on the acceptance delivery through scripts/submit.sh, and every gold and silver table compared with a
 * local run of the same delivery. One run on the cluster and one local run, so a few minutes.
 */
class ClusterSmokeIT {
    private static final String EXECUTOR_LINE =
            "cluster-smoke: executor \\S+ of app-\\S+ on worker (worker-\\S+) ran ([0-9]+) task\\(s\\)";

    @Test
    void runAllOnAStandaloneClusterEqualsTheLocalRun() throws Exception {
        String script =
                SharedSpark.projectHome().resolve("scripts/cluster-smoke.sh").toString();
        Proc smoke = Proc.start(List.of("bash", script), Map.of("SMOKE_JAVA_OPTS", Proc.javaOpts()));
        int exit = smoke.waitFor(Duration.ofMinutes(45));
        String log = smoke.output();
        System.out.print(log); // the workers and executors it used, and every table compared, in the build's output
        assertEquals(0, exit, log);

        List<String> executors =
                log.lines().filter(l -> l.matches(EXECUTOR_LINE)).toList();
        assertEquals(2, executors.size(), "the log names two executors\n" + log);
        assertEquals(
                2,
                executors.stream()
                        .map(l -> l.replaceAll(EXECUTOR_LINE, "$1"))
                        .distinct()
                        .count(),
                "on two workers\n" + log);
        assertTrue(
                executors.stream().allMatch(l -> Long.parseLong(l.replaceAll(EXECUTOR_LINE, "$2")) > 0),
                "each ran tasks\n" + log);
        assertTrue(log.contains("same rows: gold.benchmarks"), log);
        assertTrue(log.contains("same rows: silver.hna_concern"), "pseudonyms made with the same key\n" + log);
        assertFalse(log.contains("DIFFERENT"), log);
        assertTrue(log.contains("cluster stopped"), log);
    }
}
