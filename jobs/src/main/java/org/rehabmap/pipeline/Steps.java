package org.rehabmap.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a run in their fixed order. A step's class is looked up by name so a layer
 * that is not built yet is reported and skipped instead of failing the run.
 */
public final class Steps {
    public static final List<String> ORDER = List.of("ingest", "conform", "curate", "publish");

    private static final java.util.Map<String, String> CLASSES = java.util.Map.of(
            "ingest", "org.rehabmap.ingest.IngestJob",
            "conform", "org.rehabmap.conform.ConformJob",
            "curate", "org.rehabmap.curate.CurateJob",
            "publish", "org.rehabmap.publish.PublishJob");

    private Steps() {}

    public static List<Step> forTarget(String target) {
        List<String> names = "all".equals(target) ? ORDER : List.of(target);
        List<Step> out = new ArrayList<>();
        for (String n : names) {
            out.add(create(n));
        }
        return out;
    }

    /**
     * The step's class; {@code -Drehabmap.step.<name>=<class>} puts another implementation in its place
     * (the crash tests use it to stand in for a layer that is not built yet).
     */
    public static Step create(String name) {
        String cls = CLASSES.get(name);
        if (cls == null) {
            throw new IllegalArgumentException("unknown step " + name);
        }
        cls = System.getProperty("rehabmap.step." + name, cls);
        try {
            return (Step) Class.forName(cls).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return new NotBuilt(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create step " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stands in for a layer that this build does not have yet. */
    record NotBuilt(String name) implements Step {
        @Override
        public StepResult run(RunContext ctx) {
            return StepResult.skipped(name, "not built yet, skipped");
        }
    }
}
