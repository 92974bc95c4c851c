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
 * (METHODS.md), and the workforce model's three tables. Orchestration only; each table is made by
 * its own builder from DataFrames. Only the tables whose inputs changed are rebuilt ({@link #DEPENDS}),
 * and all of those are checked against their contracts before any is written.
 */
public final class CurateJob implements Step {
    public static final String BENCHMARKS = "gold.benchmarks";
    public static final String WORKFORCE_RATIOS = "gold.workforce_ratios";
    public static final String UNMET_NEED = "gold.unmet_need";
    public static final String SERVICE_MAP = "gold.service_map";
    public static final String COMORBIDITY_BURDEN = "gold.comorbidity_burden";

    /** Bump when a change to the methods changes gold for the same silver, so the next run rewrites it. */
    static final String METHOD_VERSION = "2";

    static final List<String> TABLES =
            List.of(BENCHMARKS, WORKFORCE_RATIOS, UNMET_NEED, SERVICE_MAP, COMORBIDITY_BURDEN);
    /** The curate job's tables and the workforce model's, all written together. */
    static final List<String> ALL_TABLES = java.util.stream.Stream.concat(
                    TABLES.stream(), WorkforceModelJob.TABLES.stream())
            .toList();

    static final List<String> SILVER = List.of(
            "silver.service",
            "silver.workforce",
            "silver.hna_concern",
            "silver.comorbidity",
            "silver.borough",
            "silver.population",
            "silver.imd",
            "silver.profession",
            "silver.concern",
            "silver.ltc_condition");

    @Override
    public String name() {
        return "curate";
    }

    @Override
    public StepResult run(RunContext ctx) {
        if (!SilverInputs.anySilver(ctx.lake())) {
            return StepResult.skipped(name(), "no silver tables yet, nothing to curate");
        }
        IndicatorCatalogue catalogue = IndicatorCatalogue.from(ctx.settings());
        CurateConfig cfg = CurateConfig.from(ctx.settings(), ctx.asOf());
        checkIndexComponents(catalogue, cfg);
        Path contracts = Path.of(ctx.settings().location("paths.contracts"));
        GoldWriter writer = new GoldWriter(ctx.lake(), contracts);
        // gold.data_quality (issue 13) is made from audit and silver on its own terms: see DataQualityGold
        DataQualityGold.Result quality = DataQualityGold.refresh(ctx, contracts, writer);
        String qualityNote = quality.written() ? "; data_quality " + quality.rows() : "";
        Map<String, String> inputs = inputs(ctx, contracts);
        List<String> stale = ALL_TABLES.stream()
                .filter(t -> !writer.upToDate(t, inputs.get(t)))
                .toList();
        if (stale.isEmpty()) {
            return quality.written()
                    ? new StepResult(
                            name(),
                            true,
                            quality.rows(),
                            quality.versions(),
                            "the other gold tables are up to date" + qualityNote)
                    : StepResult.skipped(name(), "silver, configuration and as-of date unchanged: gold is up to date");
        }
        List<String> kept = ALL_TABLES.stream()
                .filter(t -> !stale.contains(t))
                .map(t -> t.substring(5))
                .toList();
        if (!kept.isEmpty()) {
            ctx.console().progress("  kept, nothing they are made from changed: " + String.join(", ", kept));
        }
        WorkforceModelJob model = WorkforceModelJob.prepare(ctx.settings(), ctx.lake(), ctx.asOf());
        SilverInputs in = SilverInputs.read(ctx.lake()).cached();
        for (String t : in.missing()) {
            ctx.console().progress("  " + t + " does not exist yet: its indicators and tables are empty");
        }
        Built built = null;
        try {
            built = build(ctx.spark(), in, catalogue, cfg, model);
            // the tables are lazy: one left out here is never computed
            List<GoldWriter.GoldTable> changed = built.tables().stream()
                    .filter(t -> stale.contains(t.name()))
                    .toList();
            GoldWriter.Written written = writer.writeAll(changed, inputs);
            long rows = 0;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> e : written.rows().entrySet()) {
                rows += e.getValue();
                parts.add(e.getKey().substring(5) + " " + e.getValue());
            }
            String keptNote = kept.isEmpty() ? "" : "; kept " + String.join(", ", kept);
            Map<String, Long> versions = new java.util.LinkedHashMap<>(written.versions());
            versions.putAll(quality.versions());
            return new StepResult(
                    name(),
                    true,
                    rows + quality.rows(),
                    versions,
                    rows + " gold row(s): " + String.join(", ", parts) + keptNote + qualityNote);
        } finally {
            if (built != null) {
                built.held().forEach(Dataset::unpersist);
            }
            for (Dataset<Row> d : List.of(
                    in.service(),
                    in.workforce(),
                    in.hnaConcern(),
                    in.comorbidity(),
                    in.borough(),
                    in.population(),
                    in.imd(),
                    in.profession(),
                    in.concern(),
                    in.ltcCondition())) {
                d.unpersist();
            }
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
    public static Built build(
            SparkSession spark,
            SilverInputs in,
            IndicatorCatalogue catalogue,
            CurateConfig cfg,
            WorkforceModelJob model) {
        Geography geo = Geography.from(in.borough(), in.population(), cfg.londonCode(), cfg.londonName());
        Dataset<Row> areaMap = geo.areaMap(spark);
        Dataset<Row> areaList = geo.areaList(spark);

        Dataset<Row> comorbidity = Positions.comorbidity(in.comorbidity());
        Denominators denominators = Denominators.build(geo, comorbidity);
        Dataset<Row> denominatorFrame = denominators.frame(spark, geo);
        Dataset<Row> positions = Positions.workforce(in.workforce()).cache();
        String currentPosition = Positions.latest(positions);
        Dataset<Row> apportioned = Apportionment.apportion(
                        positions, "borough_codes", geo.population(), cfg.apportion())
                .cache();
        Dataset<Row> hna = Positions.hna(in.hnaConcern());
        Dataset<Row> services = Positions.services(in.service());

        List<Measure> collected = new IndicatorMeasures(positions, apportioned, hna, comorbidity, services)
                .collect(catalogue, cfg, geo, denominators, areaMap);
        BenchmarkAssembler.Result bench = new BenchmarkAssembler(catalogue, geo, denominators, cfg)
                .assemble(collected, Deprivation.byArea(geo, in.imd()));
        List<PeerGroups.Peer> peers = model == null ? List.of() : model.peers(geo, denominators, in.imd());
        Dataset<Row> benchmarks = PeerValues.benchmarks(
                spark,
                bench.rows(),
                PeerValues.all(collected, bench, PeerGroups.byBorough(peers), catalogue, cfg, geo, in.imd()));

        Dataset<Row> workforceNow = currentPosition == null
                ? positions
                : positions.filter(col(Positions.PERIOD).equalTo(currentPosition));
        List<GoldWriter.GoldTable> tables = new ArrayList<>(List.of(
                new GoldWriter.GoldTable(BENCHMARKS, benchmarks),
                new GoldWriter.GoldTable(
                        WORKFORCE_RATIOS,
                        WorkforceRatios.build(apportioned, areaMap, areaList, denominatorFrame, in.profession(), cfg)),
                new GoldWriter.GoldTable(
                        UNMET_NEED,
                        UnmetNeedTable.build(hna, in.concern(), in.profession(), areaMap, areaList, bench, cfg)),
                new GoldWriter.GoldTable(SERVICE_MAP, ServiceMap.build(services, workforceNow, areaMap, areaList, cfg)),
                new GoldWriter.GoldTable(
                        COMORBIDITY_BURDEN,
                        ComorbidityBurden.build(comorbidity, in.ltcCondition(), areaMap, areaList, cfg))));
        if (model != null) {
            tables.addAll(model.tables(
                    spark, model.inputs(geo, denominators, apportioned, currentPosition, in.profession(), cfg), peers));
        }
        return new Built(tables, List.of(positions, apportioned));
    }

    /** What one gold table is made from: the silver tables its builder reads, and whether it reads the as-of date. */
    record Depends(List<String> silver, boolean asOf) {}

    private static final List<String> GEOGRAPHY = List.of("silver.borough", "silver.population");
    private static final List<String> EVERYTHING = java.util.stream.Stream.concat(
                    SILVER.stream(), WorkforceModelJob.SILVER.stream())
            .toList();

    /**
     * Each gold table's inputs, read off its builder in {@link #build}: what a change must reach
     * for the table to be rebuilt. gold.benchmarks holds every indicator; gold.unmet_need carries the
     * index, made from indicators of any source; the model reads all of silver and takes its base
     * year from the as-of date when no extract gives one; gold.service_map marks services whose
     * funding ends within days of the as-of date. A table left out of a source here would go stale,
     * so CurateIncrementalTest rebuilds from scratch after a change to each source and compares.
     */
    static final Map<String, Depends> DEPENDS = dependencies();

    private static Map<String, Depends> dependencies() {
        Map<String, Depends> d = new java.util.LinkedHashMap<>();
        d.put(BENCHMARKS, new Depends(EVERYTHING, true));
        d.put(
                WORKFORCE_RATIOS,
                new Depends(concat(GEOGRAPHY, "silver.workforce", "silver.comorbidity", "silver.profession"), false));
        d.put(UNMET_NEED, new Depends(EVERYTHING, true));
        d.put(SERVICE_MAP, new Depends(concat(GEOGRAPHY, "silver.service", "silver.workforce"), true));
        d.put(COMORBIDITY_BURDEN, new Depends(concat(GEOGRAPHY, "silver.comorbidity", "silver.ltc_condition"), false));
        for (String t : WorkforceModelJob.TABLES) {
            d.put(t, new Depends(EVERYTHING, true));
        }
        // a gold table added without saying what it reads would never be rebuilt: fail at start-up instead
        if (!d.keySet().equals(new java.util.LinkedHashSet<>(ALL_TABLES))) {
            throw new IllegalStateException(
                    "CurateJob.DEPENDS must name every gold table: has " + d.keySet() + ", gold is " + ALL_TABLES);
        }
        return java.util.Collections.unmodifiableMap(d);
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return List.copyOf(out);
    }

    /**
     * What each gold table is made from: the versions of the silver tables it reads, the as-of date
     * if it reads it, the configuration the curate job reads and its output contract. Same inputs,
     * same table (the job is deterministic), so a table whose inputs did not change is not rebuilt:
     * a night that brings HNA concerns and a provider return leaves the workforce ratios and the
     * comorbidity burden as they are.
     */
    static Map<String, String> inputs(RunContext ctx, Path contracts) {
        var conf = ctx.settings().raw();
        StringBuilder c = new StringBuilder();
        for (String k : List.of("indicators", "curate", "thresholds", "geography", "disclosure")) {
            if (conf.hasPath(k)) {
                c.append(k)
                        .append('=')
                        .append(conf.getValue(k).render(com.typesafe.config.ConfigRenderOptions.concise()))
                        .append('\n');
            }
        }
        c.append(WorkforceModelJob.configText(ctx.settings()));
        String config = sha256(c.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Long> versions = new java.util.HashMap<>();
        for (String t : EVERYTHING) {
            versions.put(t, ctx.lake().version(t));
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String t : ALL_TABLES) {
            Depends dep = DEPENDS.get(t);
            StringBuilder sb = new StringBuilder("curate method " + METHOD_VERSION);
            if (dep.asOf()) {
                sb.append("; as_of ").append(ctx.asOf());
            }
            for (String s : dep.silver()) {
                sb.append("; ").append(s).append(" v").append(versions.get(s));
            }
            sb.append("; config sha256 ").append(config);
            String contract;
            try {
                contract = java.nio.file.Files.readString(
                        contracts.resolve("gold").resolve(t.substring(5) + ".odcs.yaml"));
            } catch (java.io.IOException e) {
                contract = "missing " + t;
            }
            sb.append("; contract sha256 ").append(sha256(contract.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            out.put(t, sb.toString());
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(b))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index names indicators by id; a typo there should stop the run, not publish an index without it. */
    static void checkIndexComponents(IndicatorCatalogue catalogue, CurateConfig cfg) {
        if (catalogue.ofKind(IndicatorCatalogue.UNMET_NEED_INDEX).isEmpty()) {
            return;
        }
        for (CurateConfig.IndexComponent k : cfg.indexComponents()) {
            if (k.indicator() != null && !catalogue.contains(k.indicator())) {
                throw new ConfigError("configuration error: unmet-need-index component " + k.name()
                        + " names indicator " + k.indicator() + ", which is not in rehabmap.indicators");
            }
        }
    }
}
