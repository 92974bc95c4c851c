package org.rehabmap.pipeline;

import org.rehabmap.audit.RunAudit;
import org.rehabmap.crash.CrashPoints;
import org.rehabmap.ops.GoldGuard;
import org.rehabmap.ops.RunJournal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the chosen steps in order and records the run in audit.run. A step that fails stops
 * the run (later steps would build on a half-made layer); the audit row says where it stopped.
 * Gold changes only through a run that succeeds: a failed run puts every gold table back to its
 * version before the run ({@link GoldGuard}), and a run whose process dies is put back by the next
 * command from its journal ({@link RunJournal}, {@link org.rehabmap.ops.Recovery}).
 */
public final class Pipeline {
    private final List<Step> steps;

    public Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public record Outcome(
            boolean succeeded, List<RunAudit.StepRecord> steps, Map<String, Long> versions, Throwable failure) {}

    public Outcome run(RunContext ctx, String command) {
        List<RunAudit.StepRecord> records = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        GoldGuard gold = GoldGuard.snapshot(ctx.lake());
        RunJournal journal = new RunJournal(ctx.lake());
        journal.write(entry(ctx, command, gold, records, versions));
        Throwable failure = null;
        for (Step step : steps) {
            CrashPoints.reached("before-step:" + step.name());
            Instant t0 = Instant.now();
            ctx.console().progress("» " + step.name());
            try (SparkJobCount count = SparkJobCount.start(ctx.spark().sparkContext())) {
                StepResult r = step.run(ctx);
                double secs = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
                int jobs = count.jobs();
                String summary = r.summary() + "; " + jobs + (jobs == 1 ? " Spark job" : " Spark jobs");
                versions.putAll(r.versions());
                records.add(new RunAudit.StepRecord(
                        step.name(), r.changed() ? "done" : "nothing_new", secs, r.rowsWritten(), summary));
                ctx.console().progress(String.format("  %s: %s (%.1f s)", step.name(), summary, secs));
            } catch (Exception | Error e) {
                double secs = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
                records.add(new RunAudit.StepRecord(step.name(), "failed", secs, 0, String.valueOf(e.getMessage())));
                failure = e;
                break;
            }
            journal.write(entry(ctx, command, gold, records, versions));
            CrashPoints.reached("after-step:" + step.name());
        }
        String message = failure == null ? null : String.valueOf(failure.getMessage());
        boolean goldSettled = true;
        if (failure != null) {
            String m = restoreGold(ctx, gold, versions, message);
            goldSettled = m != null;
            message = m != null ? m : message + " (restoring gold failed; the next command retries it)";
        }
        CrashPoints.reached("before-audit");
        try {
            RunAudit.append(
                    ctx.lake(),
                    ctx.runId(),
                    ctx.settings().env(),
                    command,
                    ctx.startedAt(),
                    Instant.now(),
                    failure == null ? "succeeded" : "failed",
                    ctx.asOf(),
                    ctx.landing(),
                    records,
                    versions,
                    message);
            if (goldSettled) {
                journal.end(ctx.runId()); // else left for Recovery to finish the restore
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        }
        return new Outcome(failure == null, records, versions, failure);
    }

    /** Returns the run's message with what was restored, or null when the restore itself failed. */
    private static String restoreGold(RunContext ctx, GoldGuard gold, Map<String, Long> versions, String message) {
        try {
            Map<String, Long> restored = gold.restore();
            if (restored.isEmpty()) {
                return message;
            }
            versions.putAll(restored);
            ctx.console()
                    .progress(
                            "  gold restored to its versions before the run: " + String.join(", ", restored.keySet()));
            return message + " (gold restored to its versions before the run)";
        } catch (RuntimeException e) {
            ctx.console().progress("  restoring gold failed: " + e.getMessage());
            return null;
        }
    }

    private static RunJournal.Entry entry(
            RunContext ctx,
            String command,
            GoldGuard gold,
            List<RunAudit.StepRecord> records,
            Map<String, Long> versions) {
        List<RunJournal.Step> steps = records.stream()
                .map(r -> new RunJournal.Step(r.step(), r.status(), r.seconds(), r.rowsWritten(), r.summary()))
                .toList();
        return new RunJournal.Entry(
                ctx.runId(),
                ctx.settings().env(),
                command,
                ctx.startedAt().toString(),
                ctx.asOf().toString(),
                ctx.landing(),
                gold.before(),
                steps,
                new LinkedHashMap<>(versions));
    }
}
