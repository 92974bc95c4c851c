package org.rehabmap.pipeline;

import java.util.Map;

/**
 * What a step did: rows it wrote, Delta versions it committed, and whether the run should stop.
 *
 * @param changed false when the step found nothing new to do (a quiet night)
 */
public record StepResult(String step, boolean changed, long rowsWritten, Map<String, Long> versions, String summary) {
    public static StepResult skipped(String step, String why) {
        return new StepResult(step, false, 0, Map.of(), why);
    }
}
