package org.rehabmap.model;

import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.GoldInputs;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model step, run after curate: gold.workforce_model (every scenario) and
 * gold.workforce_model_sensitivity from silver ({@link ModelRun}). Like curate it rebuilds only the
 * tables whose inputs changed, and checks them against their contracts before either is written. Its
 * tables are the gold contracts that name it ({@code step: model}).
 */
public final class WorkforceModelJob implements Step {
    public static final String MODEL = "gold.workforce_model";
    public static final String SENSITIVITY = "gold.workforce_model_sensitivity";
    /** Bump when a change to the model's Java changes its tables for the same silver and configuration. */
    static final String METHOD_VERSION = "1";
    /** Configuration sections read here: the curate settings the model's inputs are made with, and its own. */
    static final List<String> CONFIG = List.of("curate", "thresholds", "geography", "disclosure", "workforce-model");

    @Override
    public String name() {
        return "model";
    }

    @Override
    public StepResult run(RunContext ctx) {
        if (!SilverInputs.anySilver(ctx.lake())) {
            return StepResult.skipped(name(), "no silver tables yet, nothing to model");
        }
        CurateConfig cfg = CurateConfig.from(ctx.settings(), ctx.asOf());
        ModelRun model = ModelRun.prepare(ctx.settings(), ctx.lake(), ctx.asOf());
        Path dir = Path.of(ctx.settings().location("paths.contracts"));
        Contracts contracts = Contracts.load(dir);
        List<GoldContract> tables = contracts.goldMadeBy(name());
        GoldWriter writer = new GoldWriter(ctx.lake(), dir);
        Map<String, String> inputs = inputs(ctx, tables);
        List<String> stale = tables.stream()
                .map(GoldContract::table)
                .filter(t -> !writer.upToDate(t, inputs.get(t)))
                .toList();
        if (stale.isEmpty()) {
            return StepResult.skipped(
                    name(), "silver, configuration and as-of date unchanged: the model's tables are up to date");
        }
        SilverInputs in = SilverInputs.read(ctx.lake()).cached();
        try {
            Geography geo = Geography.from(in.borough(), in.population(), cfg.londonCode(), cfg.londonName());
            List<GoldWriter.GoldTable> built = model.tables(ctx.spark(), contracts, model.inputs(in, geo, cfg));
            GoldWriter.checkBuilt(name(), tables, built);
            List<GoldWriter.GoldTable> changed =
                    built.stream().filter(t -> stale.contains(t.name())).toList();
            GoldWriter.Written written = writer.writeAll(changed, inputs);
            long rows = 0;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> e : written.rows().entrySet()) {
                rows += e.getValue();
                parts.add(e.getKey().substring(5) + " " + e.getValue());
            }
            return new StepResult(
                    name(), true, rows, written.versions(), rows + " gold row(s): " + String.join(", ", parts));
        } finally {
            in.unpersist();
        }
    }

    /**
     * What each of the model's tables is made from ({@link GoldInputs}): the silver tables and the as-of
     * date its contract names (the base year comes from the as-of date when no extract gives one), the
     * configuration and assumption sets read here and the contract itself.
     */
    static Map<String, String> inputs(RunContext ctx, List<GoldContract> tables) {
        return GoldInputs.of(
                "workforce model method " + METHOD_VERSION, tables, ctx.lake(), ctx.asOf(), configText(ctx.settings()));
    }

    /** The configuration sections read here and the content of every assumption set file they name. */
    static String configText(Settings settings) {
        StringBuilder c = new StringBuilder(GoldInputs.sections(settings, CONFIG));
        ModelConfig config = ModelConfig.from(settings);
        Set<Path> files = new TreeSet<>();
        files.add(config.assumptionSetFile());
        for (ModelConfig.Scenario s : config.scenarios()) {
            files.add(s.assumptionSetFile());
        }
        for (Path f : files) {
            try {
                c.append(f.getFileName())
                        .append('=')
                        .append(Files.readString(f))
                        .append('\n');
            } catch (IOException e) {
                c.append(f.getFileName()).append(" missing\n");
            }
        }
        return c.toString();
    }
}
