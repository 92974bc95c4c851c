package org.rehabmap.model;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.gold.Positions;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.lake.Lake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of the workforce model: its configuration, assumption sets and extra silver tables, read
 * up front (so a bad assumption file stops the run before any work); then its inputs assembled from
 * silver the way curate builds its tables (geography, people living with cancer, the apportioned
 * workforce), every configured scenario, the sensitivity analysis and the two gold tables. The model
 * step ({@link WorkforceModelJob}) and the what-if command both use it; the command writes nothing.
 */
public final class ModelRun {
    private final ModelConfig config;
    private final Map<Path, AssumptionSet> sets;
    private final ModelSilver silver;
    private final LocalDate asOf;

    public ModelRun(ModelConfig config, Map<Path, AssumptionSet> sets, ModelSilver silver, LocalDate asOf) {
        this.config = config;
        this.sets = sets;
        this.silver = silver;
        this.asOf = asOf;
    }

    /** Configuration and assumption sets checked, extra silver tables opened (not yet read). */
    public static ModelRun prepare(Settings settings, Lake lake, LocalDate asOf) {
        ModelConfig config = ModelConfig.from(settings);
        return new ModelRun(config, config.loadSets(), ModelSilver.read(lake), asOf);
    }

    public ModelConfig config() {
        return config;
    }

    public Map<Path, AssumptionSet> sets() {
        return sets;
    }

    public ModelSilver silver() {
        return silver;
    }

    /**
     * The model's inputs from silver: the one assembly of them, for the model step and the what-if
     * command alike. The workforce position and its apportionment are held in memory while they are
     * read (each is read twice) and released after.
     *
     * @param geo the geography of {@code in} ({@link Geography#from}), checked by the caller
     */
    public ModelInputs inputs(SilverInputs in, Geography geo, CurateConfig cfg) {
        Dataset<Row> comorbidity = Positions.comorbidity(in.comorbidity());
        Dataset<Row> positions = Positions.workforce(in.workforce()).cache();
        Dataset<Row> apportioned = null;
        try {
            Map<String, String> latest = Positions.latest(Map.of("comorbidity", comorbidity, "workforce", positions));
            Denominators denominators = Denominators.build(geo, comorbidity, latest.get("comorbidity"));
            String current = latest.get("workforce");
            apportioned = Apportionment.apportion(positions, "borough_codes", geo.population(), cfg.apportion())
                    .cache();
            return inputs(geo, denominators, apportioned, current, in.profession(), cfg);
        } finally {
            positions.unpersist();
            if (apportioned != null) {
                apportioned.unpersist();
            }
        }
    }

    /**
     * The model's inputs from the pieces curate also builds.
     *
     * @param apportioned       {@code Positions.workforce} rows apportioned to boroughs (every position)
     * @param currentPosition   the latest position label, or null when there is no survey
     * @param professionsRef    silver.profession (code, label)
     */
    private ModelInputs inputs(
            Geography geo,
            Denominators denominators,
            Dataset<Row> apportioned,
            String currentPosition,
            Dataset<Row> professionsRef,
            CurateConfig cfg) {
        Dataset<Row> now = currentPosition == null
                ? null
                : apportioned.filter(
                        org.apache.spark.sql.functions.col("period").equalTo(currentPosition));
        Map<String, String> labels = new TreeMap<>();
        for (Row r : professionsRef.select("code", "label").collectAsList()) {
            if (!r.isNullAt(0) && !r.isNullAt(1)) {
                labels.put(r.getString(0), r.getString(1));
            }
        }
        return ModelInputsReader.read(
                new ModelInputsReader.Curated(
                        geo,
                        denominators,
                        now,
                        currentPosition,
                        cfg.cancerCaseloadShare(),
                        cfg.highDistressScore(),
                        cfg.concernProfessions(),
                        labels),
                silver,
                config.baseYear(),
                asOf);
    }

    /** The model of every configured scenario, in published order. */
    public List<ModelRow> scenarios(ModelInputs in) {
        WorkforceModel model = new WorkforceModel(in, config.minAssessedPeople(), config.endYear());
        List<ModelRow> rows = new ArrayList<>();
        for (ModelConfig.Scenario s : config.scenarios()) {
            rows.addAll(model.rows(s.name(), ModelConfig.assumptions(s, sets, in.professions())));
        }
        return rows;
    }

    /** The sensitivity analysis of the configured scenario and year. */
    public List<Sensitivity.Entry> sensitivity(ModelInputs in) {
        WorkforceModel model = new WorkforceModel(in, config.minAssessedPeople(), config.endYear());
        ModelConfig.Scenario s = config.scenario(config.sensitivity().scenario());
        List<Integer> years = model.years();
        int year = config.sensitivity().year() == null
                ? years.get(years.size() - 1)
                : config.sensitivity().year();
        if (!years.contains(year)) {
            throw new org.rehabmap.config.ConfigError("configuration error: rehabmap.workforce-model.sensitivity.year "
                    + year + " is not modelled (" + years.get(0) + "–" + years.get(years.size() - 1) + ")");
        }
        return Sensitivity.run(
                model,
                s.name(),
                ModelConfig.assumptions(s, sets, in.professions()),
                config.sensitivity().changePct(),
                year);
    }

    /** The model's two gold tables, in published order, ready for the {@link GoldWriter}. */
    public List<GoldWriter.GoldTable> tables(SparkSession spark, Contracts contracts, ModelInputs in) {
        GoldContract model = contracts.gold(WorkforceModelJob.MODEL);
        GoldContract sensitivity = contracts.gold(WorkforceModelJob.SENSITIVITY);
        return List.of(
                new GoldWriter.GoldTable(
                        model.table(),
                        spark.createDataFrame(
                                scenarios(in).stream().map(r -> r.toRow(model)).toList(), model.sparkSchema())),
                new GoldWriter.GoldTable(
                        sensitivity.table(),
                        spark.createDataFrame(
                                sensitivity(in).stream()
                                        .map(e -> e.toRow(sensitivity))
                                        .toList(),
                                sensitivity.sparkSchema())));
    }
}
