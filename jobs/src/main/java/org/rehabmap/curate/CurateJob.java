package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.ConfigError;
import org.rehabmap.model.PeerGroups;
import org.rehabmap.model.PeerValues;
import org.rehabmap.model.WorkforceModelJob;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Gold: silver → benchmarks, workforce ratios, unmet need, service map and comorbidity burden
 * (METHODS.md). Orchestration only; each table is made by its own builder from DataFrames, and
 * all five are checked against their contracts before any is written.
 */
public final class CurateJob implements Step {
    public static final String BENCHMARKS = "gold.benchmarks";
    public static final String WORKFORCE_RATIOS = "gold.workforce_ratios";
    public static final String UNMET_NEED = "gold.unmet_need";
    public static final String SERVICE_MAP = "gold.service_map";
    public static final String COMORBIDITY_BURDEN = "gold.comorbidity_burden";

    /** Bump when a change to the methods changes gold for the same silver, so the next run rewrites it. */
    static final String METHOD_VERSION = "2";
    static final List<String> TABLES = List.of(BENCHMARKS, WORKFORCE_RATIOS, UNMET_NEED, SERVICE_MAP, COMORBIDITY_BURDEN);
    /** The curate job's tables and the workforce model's, all written together. */
    static final List<String> ALL_TABLES = java.util.stream.Stream.concat(TABLES.stream(), WorkforceModelJob.TABLES.stream()).toList();
    static final List<String> SILVER = List.of("silver.service", "silver.workforce", "silver.hna_concern", "silver.comorbidity",
            "silver.borough", "silver.population", "silver.imd", "silver.profession", "silver.concern", "silver.ltc_condition");

    @Override
    public String name() {
        return "curate";
    }

    @Override
    public StepResult run(RunContext ctx) {
        if (!SilverInputs.anySilver(ctx.lake())) return StepResult.skipped(name(), "no silver tables yet, nothing to curate");
        IndicatorCatalogue catalogue = IndicatorCatalogue.from(ctx.settings());
        CurateConfig cfg = CurateConfig.from(ctx.settings(), ctx.asOf());
        checkIndexComponents(catalogue, cfg);
        Path contracts = Path.of(ctx.settings().location("paths.contracts"));
        GoldWriter writer = new GoldWriter(ctx.lake(), contracts);
        String inputs = inputs(ctx, contracts);
        if (writer.upToDate(ALL_TABLES, inputs)) return StepResult.skipped(name(), "silver, configuration and as-of date unchanged: gold is up to date");
        WorkforceModelJob model = WorkforceModelJob.prepare(ctx.settings(), ctx.lake(), ctx.asOf());
        SilverInputs in = SilverInputs.read(ctx.lake()).cached();
        for (String t : in.missing()) ctx.console().progress("  " + t + " does not exist yet: its indicators and tables are empty");
        Built built = null;
        try {
            built = build(ctx.spark(), in, catalogue, cfg, model);
            GoldWriter.Written written = writer.writeAll(built.tables(), inputs);
            long rows = 0;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> e : written.rows().entrySet()) {
                rows += e.getValue();
                parts.add(e.getKey().substring(5) + " " + e.getValue());
            }
            return new StepResult(name(), true, rows, written.versions(), rows + " gold row(s): " + String.join(", ", parts));
        } finally {
            if (built != null) built.held().forEach(Dataset::unpersist);
            for (Dataset<Row> d : List.of(in.service(), in.workforce(), in.hnaConcern(), in.comorbidity(), in.borough(), in.population(),
                    in.imd(), in.profession(), in.concern(), in.ltcCondition())) d.unpersist();
        }
    }

    /**
     * The gold tables of one run, in their published order (not yet checked or written), and the
     * intermediate frames held in memory while they are made, to release afterwards.
     */
    public record Built(List<GoldWriter.GoldTable> tables, List<Dataset<Row>> held) {}

    /** The five gold tables from silver; no workforce model or peer values. */
    public static Built build(SparkSession spark, SilverInputs in, IndicatorCatalogue catalogue, CurateConfig cfg) {
        return build(spark, in, catalogue, cfg, null);
    }

    /**
     * The gold tables from silver: the five of the curate job and, with a workforce model, its
     * three (model, sensitivity, peer groups) and the peer-group values in gold.benchmarks.
     */
    public static Built build(SparkSession spark, SilverInputs in, IndicatorCatalogue catalogue, CurateConfig cfg, WorkforceModelJob model) {
        Geography geo = Geography.from(in.borough(), in.population(), cfg.londonCode(), cfg.londonName());
        Dataset<Row> areaMap = geo.areaMap(spark);
        Dataset<Row> areaList = geo.areaList(spark);

        Dataset<Row> comorbidity = Positions.comorbidity(in.comorbidity());
        Denominators denominators = Denominators.build(geo, comorbidity);
        Dataset<Row> denominatorFrame = denominators.frame(spark, geo);
        Dataset<Row> positions = Positions.workforce(in.workforce()).cache();
        String currentPosition = Positions.latest(positions);
        Dataset<Row> apportioned = Apportionment.apportion(positions, "borough_codes", geo.population(), cfg.apportion()).cache();
        Dataset<Row> hna = Positions.hna(in.hnaConcern());
        Dataset<Row> services = Positions.services(in.service());

        List<Measure> collected = new IndicatorMeasures(positions, apportioned, hna, comorbidity, services)
                .collect(catalogue, cfg, geo, denominators, areaMap);
        BenchmarkAssembler.Result bench = new BenchmarkAssembler(catalogue, geo, denominators, cfg)
                .assemble(collected, Deprivation.byArea(geo, in.imd()));
        List<PeerGroups.Peer> peers = model == null ? List.of() : model.peers(geo, denominators, in.imd());
        Dataset<Row> benchmarks = PeerValues.benchmarks(spark, bench.rows(),
                PeerValues.all(collected, bench, PeerGroups.byBorough(peers), catalogue, cfg, geo, in.imd()));

        Dataset<Row> workforceNow = currentPosition == null ? positions : positions.filter(col(Positions.PERIOD).equalTo(currentPosition));
        List<GoldWriter.GoldTable> tables = new ArrayList<>(List.of(
                new GoldWriter.GoldTable(BENCHMARKS, benchmarks),
                new GoldWriter.GoldTable(WORKFORCE_RATIOS, WorkforceRatios.build(apportioned, areaMap, areaList, denominatorFrame, in.profession(), cfg)),
                new GoldWriter.GoldTable(UNMET_NEED, UnmetNeedTable.build(hna, in.concern(), in.profession(), areaMap, areaList, bench, cfg)),
                new GoldWriter.GoldTable(SERVICE_MAP, ServiceMap.build(services, workforceNow, areaMap, areaList, cfg)),
                new GoldWriter.GoldTable(COMORBIDITY_BURDEN, ComorbidityBurden.build(comorbidity, in.ltcCondition(), areaMap, areaList, cfg))));
        if (model != null) {
            tables.addAll(model.tables(spark, model.inputs(geo, denominators, apportioned, currentPosition, in.profession(), cfg), peers));
        }
        return new Built(tables, List.of(positions, apportioned));
    }

    /**
     * What gold is made from: the silver versions, the as-of date, the configuration the curate job
     * reads and the output contracts. Same inputs, same gold (the job is deterministic), so a run
     * with the same inputs has nothing to write.
     */
    static String inputs(RunContext ctx, Path contracts) {
        StringBuilder sb = new StringBuilder("curate method " + METHOD_VERSION + "; as_of " + ctx.asOf());
        for (String t : SILVER) sb.append("; ").append(t).append(" v").append(ctx.lake().version(t));
        for (String t : WorkforceModelJob.SILVER) sb.append("; ").append(t).append(" v").append(ctx.lake().version(t));
        var conf = ctx.settings().raw();
        StringBuilder c = new StringBuilder();
        for (String k : List.of("indicators", "curate", "thresholds", "geography", "disclosure")) {
            if (conf.hasPath(k)) c.append(k).append('=').append(conf.getValue(k).render(com.typesafe.config.ConfigRenderOptions.concise())).append('\n');
        }
        c.append(WorkforceModelJob.configText(ctx.settings()));
        sb.append("; config sha256 ").append(sha256(c.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        StringBuilder k = new StringBuilder();
        for (String t : ALL_TABLES) {
            try {
                k.append(java.nio.file.Files.readString(contracts.resolve("gold").resolve(t.substring(5) + ".odcs.yaml")));
            } catch (java.io.IOException e) {
                k.append("missing ").append(t);
            }
        }
        sb.append("; contracts sha256 ").append(sha256(k.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index names indicators by id; a typo there should stop the run, not publish an index without it. */
    static void checkIndexComponents(IndicatorCatalogue catalogue, CurateConfig cfg) {
        if (catalogue.ofKind(IndicatorCatalogue.UNMET_NEED_INDEX).isEmpty()) return;
        for (CurateConfig.IndexComponent k : cfg.indexComponents()) {
            if (k.indicator() != null && !catalogue.contains(k.indicator())) {
                throw new ConfigError("configuration error: unmet-need-index component " + k.name() + " names indicator " + k.indicator()
                        + ", which is not in rehabmap.indicators");
            }
        }
    }
}
