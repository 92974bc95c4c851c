package org.rehabmap.pipeline;

/** One layer's job. Steps are run in order by {@link Pipeline}; each reports what it did. */
public interface Step {
    String name();

    StepResult run(RunContext ctx) throws Exception;
}
