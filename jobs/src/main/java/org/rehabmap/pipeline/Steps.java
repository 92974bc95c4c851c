package org.rehabmap.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a run in their fixed order. A step's class is looked up by name (so a test can put another in
 * its place); one that cannot be loaded is an error: skipping it would let a broken build report a run as done.
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
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("step " + name + ": cannot load " + cls + " (" + e + ")", e);
        }
    }
}
