package org.rehabmap.model;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.Settings;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.lake.Lake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workforce model's part of the curate step: reads its configuration, assumption sets and
 * extra silver tables up front (so a bad assumption file stops the run before any work), then,
 * given the curate job's geography, denominators and apportioned workforce, makes
 * gold.workforce_model (every scenario), gold.workforce_model_sensitivity and gold.peer_groups.
 * The what-if command uses the same pieces and writes nothing.
 */
public final class WorkforceModelJob {
    public static final String MODEL = "gold.workforce_model";
    public static final String SENSITIVITY = "gold.workforce_model_sensitivity";
    public static final String PEER_GROUPS = "gold.peer_groups";
    /** The gold tables this job adds to the curate step, in published order. */
    public static final List<String> TABLES = List.of(MODEL, SENSITIVITY, PEER_GROUPS);
    /** Silver tables read here that the curate job itself does not read. */
    public static final List<String> SILVER =
            List.of("silver.population_projection", "silver.afc_pay", "silver.employer_oncost");
    /** Bump when a change to the model's Java changes its tables for the same silver and configuration. */
    static final String METHOD_VERSION = "1";
    /** Configuration sections read here. */
    public static final List<String> CONFIG = List.of("workforce-model", "peer-groups");

    private final ModelConfig config;
    private final Map<Path, AssumptionSet> sets;
    private final ModelSilver silver;
    private final LocalDate asOf;

    public WorkforceModelJob(ModelConfig config, Map<Path, AssumptionSet> sets, ModelSilver silver, LocalDate asOf) {
        this.config = config;
        this.sets = sets;
        this.silver = silver;
        this.asOf = asOf;
    }

    /** Configuration and assumption sets checked, extra silver tables opened (not yet read). */
    public static WorkforceModelJob prepare(Settings settings, Lake lake, LocalDate asOf) {
        ModelConfig config = ModelConfig.from(settings);
        return new WorkforceModelJob(config, config.loadSets(), ModelSilver.read(lake), asOf);
    }

    /**
     * The model's configuration as text, for the curate job's "same inputs, nothing to write"
     * check: its configuration sections and the content of every assumption set file they name.
     */
    public static String configText(Settings settings) {
        var conf = settings.raw();
        StringBuilder c = new StringBuilder("workforce model method " + METHOD_VERSION + "\n");
        for (String k : CONFIG) {
            if (conf.hasPath(k)) {
                c.append(k)
                        .append('=')
                        .append(conf.getValue(k).render(com.typesafe.config.ConfigRenderOptions.concise()))
                        .append('\n');
            }
        }
        ModelConfig config = ModelConfig.from(settings);
        java.util.Set<Path> files = new java.util.TreeSet<>();
        files.add(config.assumptionSetFile());
        for (ModelConfig.Scenario s : config.scenarios()) {
            files.add(s.assumptionSetFile());
        }
        for (Path f : files) {
            try {
                c.append(f.getFileName())
                        .append('=')
                        .append(java.nio.file.Files.readString(f))
                        .append('\n');
            } catch (java.io.IOException e) {
                c.append(f.getFileName()).append(" missing\n");
            }
        }
        return c.toString();
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

    /** Each borough's peers (gold.peer_groups), from the curate job's geography and people living with cancer. */
    public List<PeerGroups.Peer> peers(Geography geo, Denominators denominators, Dataset<Row> imd) {
        ModelConfig.PeerConfig p = config.peers();
        return PeerGroups.nearest(
                PeerVariables.of(geo, denominators, imd, silver.population()),
                PeerVariables.names(geo),
                p.weights(),
                p.capSd(),
                p.size(),
                new HashSet<>(p.excluded()));
    }

    /**
     * The model's inputs from the curate job's pieces.
     *
     * @param apportioned       {@code Positions.workforce} rows apportioned to boroughs (every position)
     * @param currentPosition   the latest position label, or null when there is no survey
     * @param professionsRef    silver.profession (code, label)
     */
    public ModelInputs inputs(
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

    /** The three gold tables, ready for the curate job's {@link GoldWriter}. */
    public List<GoldWriter.GoldTable> tables(SparkSession spark, ModelInputs in, List<PeerGroups.Peer> peers) {
        return List.of(
                new GoldWriter.GoldTable(
                        MODEL,
                        spark.createDataFrame(
                                scenarios(in).stream().map(ModelRow::toRow).toList(), ModelRow.SCHEMA)),
                new GoldWriter.GoldTable(
                        SENSITIVITY,
                        spark.createDataFrame(
                                sensitivity(in).stream()
                                        .map(Sensitivity.Entry::toRow)
                                        .toList(),
                                Sensitivity.SCHEMA)),
                new GoldWriter.GoldTable(
                        PEER_GROUPS,
                        spark.createDataFrame(
                                peers.stream().map(PeerGroups.Peer::toRow).toList(), PeerGroups.SCHEMA)));
    }

    /** Apportionment of a workforce frame the way the curate job does it (for the what-if command). */
    public static Dataset<Row> apportion(Dataset<Row> positions, Geography geo, CurateConfig cfg) {
        return Apportionment.apportion(positions, "borough_codes", geo.population(), cfg.apportion());
    }
}
