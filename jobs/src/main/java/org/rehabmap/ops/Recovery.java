package org.rehabmap.ops;

import org.apache.hadoop.fs.Path;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.lake.Lake;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * Finishes the story of runs whose process died: gold goes back to its versions before the run, the run's
 * scratch space is removed, and audit.run gets the run's row with status {@code crashed} and the steps it
 * had finished. Bronze, silver and the ledger need nothing: their writes are idempotent and the ledger is
 * written last, so the next run redoes whatever the dead one left half-done. Called under the
 * {@link RunLock} (so the dead run's process is surely gone) by every command that changes the lake.
 */
public final class Recovery {
    public static final String CRASHED = "crashed";

    private Recovery() {}

    /** Returns the ids of the runs it recovered. */
    public static List<String> recoverUnfinished(Lake lake, Consumer<String> progress) {
        RunJournal journal = new RunJournal(lake);
        List<String> done = new ArrayList<>();
        for (RunJournal.Entry e : journal.unfinished()) {
            Instant t0 = Instant.now();
            Map<String, Long> restored = GoldGuard.of(lake, e.goldBefore()).restore();
            deleteScratch(lake, e.runId());
            if (!audited(lake, e.runId())) {
                List<RunAudit.StepRecord> steps = new ArrayList<>();
                for (RunJournal.Step s : e.steps()) {
                    steps.add(new RunAudit.StepRecord(s.step(), s.status(), s.seconds(), s.rowsWritten(), s.summary()));
                }
                String what = restored.isEmpty()
                        ? "gold was not touched"
                        : "gold restored to its versions before the run: " + restored;
                steps.add(new RunAudit.StepRecord(
                        "recover", "done", Duration.between(t0, Instant.now()).toMillis() / 1000.0, 0, what));
                Map<String, Long> versions = new LinkedHashMap<>(e.versions());
                versions.putAll(restored);
                RunAudit.append(
                        lake,
                        e.runId(),
                        e.env(),
                        e.command(),
                        Instant.parse(e.startedAt()),
                        Instant.now(),
                        CRASHED,
                        LocalDate.parse(e.asOf()),
                        e.landing(),
                        steps,
                        versions,
                        "the process ended without finishing (killed or crashed) after "
                                + e.steps().size() + " step(s); " + what);
            }
            journal.end(e.runId());
            progress.accept("recovered run " + e.runId() + " (died after "
                    + e.steps().size() + " step(s)"
                    + (restored.isEmpty() ? "" : "; gold restored: " + String.join(", ", restored.keySet())) + ")");
            done.add(e.runId());
        }
        return done;
    }

    private static boolean audited(Lake lake, String runId) {
        return lake.exists(RunAudit.TABLE)
                && !lake.read(RunAudit.TABLE)
                        .filter(col("run_id").equalTo(runId))
                        .isEmpty();
    }

    private static void deleteScratch(Lake lake, String runId) {
        try {
            Path p = new Path(lake.scratch("ingest-" + runId));
            p.getFileSystem(lake.spark().sparkContext().hadoopConfiguration()).delete(p, true);
        } catch (IOException e) {
            // scratch space is only ever read by the run that wrote it; a leftover costs disk, not correctness
        }
    }
}
