package org.rehabmap.ingest;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.testing.Landing;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Landing files are read and parsed in Spark tasks, one per file, and their rows never travel to the
 * driver: a listener sees each ingest job's tasks and what every task sent back.
 */
@ExtendWith(SharedSpark.class)
class IngestRunsInTasksTest {
    /** What a task may send the driver: a file's facts or a commit message, far below one file's rows. */
    static final long MOST_A_TASK_RETURNS = 64 * 1024;

    /** Tasks of each described job, and the largest result any task of that job returned. */
    static final class Tasks extends SparkListener {
        final Map<Integer, String> stageJob = new ConcurrentHashMap<>();
        final Map<String, Integer> tasks = new ConcurrentHashMap<>();
        final Map<String, Long> largestResult = new ConcurrentHashMap<>();

        @Override
        public void onJobStart(SparkListenerJobStart job) {
            String d = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
            if (d != null && d.startsWith("ingest:")) {
                for (Object id : scala.jdk.javaapi.CollectionConverters.asJava(job.stageIds())) {
                    stageJob.put((Integer) id, d);
                }
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            String d = stageJob.get(end.stageId());
            if (d != null && end.taskMetrics() != null) {
                tasks.merge(d, 1, Integer::sum);
                largestResult.merge(d, end.taskMetrics().resultSize(), Math::max);
            }
        }
    }

    @Test
    void eachFileIsParsedInATaskOfItsOwnAndNoRowComesBack() throws Exception {
        Path ws = SharedSpark.newWorkspace("tasks");
        StringBuilder big = new StringBuilder(IngestEdgeCasesTest.HNA_HEADER).append('\n');
        int bigRows = 20_000;
        for (int i = 0; i < bigRows; i++) {
            big.append("A")
                    .append(i)
                    .append(",,2025-01-15,RXX01,E09000001,60-69,female,breast,treatment,fatigue,8,no_action,,")
                    .append("a note long enough to make this row weigh about a hundred bytes on disk\n");
        }
        Landing.write(ws, "hna_concerns/big.csv", big.toString().getBytes(StandardCharsets.UTF_8));
        String small = IngestEdgeCasesTest.HNA_HEADER + "\n"
                + "B1,,2025-02-15,RXX01,E09000001,60-69,female,breast,treatment,fatigue,8,no_action,,\n";
        Landing.write(ws, "hna_concerns/small.csv", small.getBytes(StandardCharsets.UTF_8));
        Landing.write(ws, "hna_concerns/small_again.csv", small.getBytes(StandardCharsets.UTF_8));
        Landing.write(ws, "provider_returns/empty.csv", new byte[0]);
        long bigBytes = Files.size(ws.resolve("landing/hna_concerns/big.csv"));
        assertTrue(bigBytes > 20 * MOST_A_TASK_RETURNS, "the big file must dwarf what a task may return: " + bigBytes);

        Tasks seen = new Tasks();
        SparkContext sc = SharedSpark.session().sparkContext();
        sc.addSparkListener(seen);
        TestRuns.Result run;
        try {
            run = TestRuns.run(ws, "ingest", LocalDate.of(2025, 6, 30));
            sc.listenerBus().waitUntilEmpty(30_000);
        } finally {
            sc.removeSparkListener(seen);
        }
        assertTrue(run.outcome().succeeded(), () -> String.valueOf(run.outcome().failure()));

        assertEquals(4, seen.tasks.get("ingest: sha256 of 4 landing file(s)"), seen.tasks::toString);
        assertEquals(
                2,
                seen.tasks.get("ingest: read and parse 2 hna_concerns file(s), one task each"),
                "the duplicate is not parsed; " + seen.tasks);
        assertEquals(
                1,
                seen.tasks.get("ingest: read and parse 1 provider_returns file(s), one task each"),
                seen.tasks::toString);
        List<String> tooLarge = new ArrayList<>();
        seen.largestResult.forEach((job, bytes) -> {
            if (bytes > MOST_A_TASK_RETURNS) {
                tooLarge.add(job + ": " + bytes + " bytes");
            }
        });
        assertEquals(List.of(), tooLarge, "a task sent the driver more than a file's facts");
        assertTrue(seen.tasks.containsKey("ingest: bronze.hna_concerns commit"), seen.tasks::toString);

        assertEquals(bigRows + 1L, TestRuns.lake(ws).read("bronze.hna_concerns").count());
        assertTrue(
                run.stdout().contains("hna_concerns/big.csv: " + bigRows + " rows (csv UTF-8, comma-separated)"),
                run.stdout());
        assertTrue(run.stdout().contains("provider_returns/empty.csv: rejected: empty file"), run.stdout());
        assertTrue(run.stdout().contains("hna_concerns/small_again.csv: duplicate of small.csv"), run.stdout());
    }
}
