package org.rehabmap.cli;

import org.rehabmap.config.ConfigError;
import org.rehabmap.conform.ConformJob;
import org.rehabmap.curate.CurateJob;
import org.rehabmap.ingest.IngestJob;
import org.rehabmap.model.WorkforceModelJob;
import org.rehabmap.pipeline.Step;
import org.rehabmap.publish.PublishJob;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a run in their fixed order, made here so that the step runner knows no job. The
 * workforce model's tables are gold too, so curating runs the model after it.
 */
public final class Steps {
    /** Every step, in the order a full run takes them. */
    public static final List<String> ORDER = List.of("ingest", "conform", "curate", "model", "publish");
    /** What {@code run} accepts besides all. */
    public static final List<String> TARGETS = List.of("ingest", "conform", "curate", "publish");

    private Steps() {}

    public static List<Step> forTarget(String target) {
        List<String> names = switch (target) {
            case "all" -> ORDER;
            case "curate" -> List.of("curate", "model");
            default -> List.of(target);
        };
        List<Step> out = new ArrayList<>();
        for (String n : names) {
            out.add(create(n));
        }
        return out;
    }

    /**
     * The step of that name; {@code -Drehabmap.step.<name>=<class>} puts another implementation in its
     * place (the operations tests use it to stand in for a layer). A class named there that cannot be
     * made is a configuration error: a run without one of its steps would look like a run that did it.
     */
    public static Step create(String name) {
        String override = System.getProperty("rehabmap.step." + name);
        if (override != null) {
            return load(name, override);
        }
        return switch (name) {
            case "ingest" -> new IngestJob();
            case "conform" -> new ConformJob();
            case "curate" -> new CurateJob();
            case "model" -> new WorkforceModelJob();
            case "publish" -> new PublishJob();
            default -> throw new IllegalArgumentException("unknown step " + name);
        };
    }

    private static Step load(String name, String cls) {
        String where = "step " + name + " (-Drehabmap.step." + name + "=" + cls + ")";
        try {
            Object step = Class.forName(cls).getDeclaredConstructor().newInstance();
            if (!(step instanceof Step s)) {
                throw new ConfigError(where + ": " + cls + " is not a " + Step.class.getName());
            }
            return s;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new ConfigError(where + ": no such class on the class path");
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConfigError(where + ": cannot be created: " + e);
        }
    }
}
