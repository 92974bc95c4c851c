package org.rehabmap.ops;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.Acceptance;
import org.rehabmap.testing.Proc;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/nightly.sh as the scheduler runs it, on the acceptance delivery: refused while another nightly or
 * another command holds the lock, then two nights in a row, the second with nothing new to ingest.
 */
@ExtendWith(SharedSpark.class)
class NightlyIT {
    @Test
    void twoNightsInARowAndAConcurrentStartIsRefused() throws Exception {
        Path ws = SharedSpark.newWorkspace("nightly");
        Path landing = Acceptance.copyRun1(ws.resolve("landing"));
        Path locks = ws.resolve("locks");
        Path logs = ws.resolve("logs");
        Path reports = ws.resolve("reports");
        Files.createDirectories(locks);
        Map<String, String> env = Map.of(
                "REHABMAP_LANDING",
                landing.toString(),
                "REHABMAP_LAKE",
                ws.resolve("lake").toString(),
                "REHABMAP_LOCK_DIR",
                locks.toString(),
                "REHABMAP_LOG_DIR",
                logs.toString(),
                "REHABMAP_REPORTS",
                reports.toString(),
                "REHABMAP_ENV",
                "local",
                "REHABMAP_JAVA_OPTS",
                org.rehabmap.testing.Proc.javaOpts());
        String nightly = SharedSpark.projectHome().resolve("scripts/nightly.sh").toString();

        // another nightly holds the script's lock: refused at once with its own exit code
        Proc holder = Proc.start(
                List.of(
                        "bash",
                        "-c",
                        "exec 9>>'" + locks.resolve("nightly.lock") + "'; flock -n 9 && echo locked && exec sleep 300"),
                Map.of());
        holder.awaitOutput("locked", Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        Proc refused = Proc.start(List.of("bash", nightly), env);
        assertEquals(3, refused.waitFor(Duration.ofMinutes(1)), refused.output());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 30, "refused at once");
        assertTrue(refused.output().contains("another nightly run is in progress"), refused.output());
        holder.kill9();

        // a command started by hand holds the lake's lock: the nightly's run and a maintain are both refused
        try (RunLock busy = RunLock.acquire(locks.resolve(RunLock.FILE), "run all (by hand)")) {
            Proc blocked = Proc.start(List.of("bash", nightly), env);
            assertEquals(3, blocked.waitFor(Duration.ofMinutes(3)), blocked.output());
            assertTrue(blocked.output().contains("holds the lake's lock"), blocked.output());
            Proc maintain = Proc.start(
                    List.of(
                            SharedSpark.projectHome()
                                    .resolve("scripts/rehabmap")
                                    .toString(),
                            "maintain"),
                    env);
            assertEquals(3, maintain.waitFor(Duration.ofMinutes(3)), maintain.output());
            assertTrue(maintain.output().contains("run all (by hand)"), maintain.output());
        }

        Proc first = Proc.start(List.of("bash", nightly), env);
        assertEquals(0, first.waitFor(Duration.ofMinutes(15)), first.output());
        Proc second = Proc.start(List.of("bash", nightly, "--log-format", "json"), env);
        assertEquals(0, second.waitFor(Duration.ofMinutes(15)), second.output());

        List<Path> runLogs = nightlyLogs(logs);
        assertEquals(4, runLogs.size(), "one log per start, refused ones included: " + runLogs);
        String log1 = Files.readString(runLogs.get(2));
        String log2 = Files.readString(runLogs.get(3));
        assertTrue(log1.contains("5 new file(s)"), log1);
        assertTrue(log1.contains("rehabmap nightly: done"), log1);
        assertTrue(log2.contains("0 new file(s)") && log2.contains("5 already ingested"), log2);
        assertTrue(
                log2.lines().anyMatch(l -> l.startsWith("{") && l.contains("\"message\"") && l.contains("» ingest")),
                "--log-format json: progress lines are JSON objects\n" + log2);

        Lake lake = new Lake(SharedSpark.session(), ws.resolve("lake").toString());
        List<Row> runs = lake.read(RunAudit.TABLE).orderBy("started_at").collectAsList();
        assertEquals(
                List.of("run all", "maintain", "run all", "maintain"),
                runs.stream().map(r -> r.<String>getAs("command")).toList());
        assertTrue(runs.stream().allMatch(r -> "succeeded".equals(r.getAs("status"))));

        String firstRun = runs.get(0).getAs("run_id");
        String md = Files.readString(reports.resolve(firstRun).resolve("report.md"));
        assertTrue(md.contains("| workforce_survey | broken_template.csv | rejected |"), md);
        assertTrue(md.contains("| hna_concerns | ehna_export_2024_25.csv | conformed | 8082 | 8076 | 6 | ok |"), md);
        assertTrue(md.contains("## Quarantined rows by rule"), md);
        long quarantinedInReport = md.lines()
                .dropWhile(l -> !l.startsWith("## Quarantined"))
                .takeWhile(l -> !l.startsWith("## Indicator"))
                .filter(l -> l.startsWith("| ") && !l.startsWith("| source") && !l.startsWith("| ---"))
                .mapToLong(l -> Long.parseLong(l.split("\\|")[3].trim()))
                .sum();
        assertEquals(14, quarantinedInReport, "quarantine counts by rule add up to the rows quarantined");
        assertTrue(Files.exists(reports.resolve(firstRun).resolve("report.html")));
    }

    private static List<Path> nightlyLogs(Path logs) throws java.io.IOException {
        try (Stream<Path> s = Files.list(logs)) {
            return s.filter(p -> p.getFileName().toString().startsWith("nightly-"))
                    .sorted()
                    .toList();
        }
    }
}
