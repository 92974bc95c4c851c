package org.rehabmap.pipeline;

import org.rehabmap.audit.RunAudit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the chosen steps in order and records the run in audit.run. A step that fails stops
 * the run (later steps would build on a half-made layer); the audit row says where it stopped.
 */
public final class Pipeline {
    private final List<Step> steps;

    public Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public record Outcome(boolean succeeded, List<RunAudit.StepRecord> steps, Map<String, Long> versions, Throwable failure) {}

    public Outcome run(RunContext ctx, String command) {
        List<RunAudit.StepRecord> records = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        Throwable failure = null;
        for (Step step : steps) {
            Instant t0 = Instant.now();
            ctx.console().progress("» " + step.name());
            try {
                StepResult r = step.run(ctx);
                double secs = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
                versions.putAll(r.versions());
                records.add(new RunAudit.StepRecord(step.name(), r.changed() ? "done" : "nothing_new", secs, r.rowsWritten(), r.summary()));
                ctx.console().progress(String.format("  %s: %s (%.1f s)", step.name(), r.summary(), secs));
            } catch (Exception | Error e) {
                double secs = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
                records.add(new RunAudit.StepRecord(step.name(), "failed", secs, 0, String.valueOf(e.getMessage())));
                failure = e;
                break;
            }
        }
        String status = failure == null ? "succeeded" : "failed";
        try {
            RunAudit.append(ctx.lake(), ctx.runId(), ctx.settings().env(), command, ctx.startedAt(), Instant.now(), status,
                    ctx.asOf(), ctx.landing(), records, versions, failure == null ? null : String.valueOf(failure.getMessage()));
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
        }
        return new Outcome(failure == null, records, versions, failure);
    }
}
