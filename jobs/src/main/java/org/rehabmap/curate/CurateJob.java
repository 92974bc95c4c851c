package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.GoldInputs;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.gold.Positions;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.lake.Parallel;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static org.apache.spark.sql.functions.col;

/**
 * Gold: silver → benchmarks, workforce ratios, unmet need, service map, comorbidity burden (METHODS.md)
 * and the peer groups that benchmarks compare each borough with. Orchestration only; each table is
 * made by its own builder from DataFrames. It writes every gold table whose contract does not name
 * another step (data-contracts/gold); only those whose inputs changed (the contract's {@code inputs}
 * and {@code readsAsOf}) are rebuilt, and all of those are checked against their contracts before any
 * is written. The workforce model is a step of its own, run after this one.
 */
public final class CurateJob implements Step {
    public static final String BENCHMARKS = "gold.benchmarks";
    public static final String WORKFORCE_RATIOS = "gold.workforce_ratios";
    public static final String UNMET_NEED = "gold.unmet_need";
    public static final String SERVICE_MAP = "gold.service_map";
    public static final String COMORBIDITY_BURDEN = "gold.comorbidity_burden";
    public static final String PEER_GROUPS = "gold.peer_groups";
    public static final String INEQUALITIES = "gold.inequalities";
    public static final String SERVICE_DIRECTORY = "gold.service_directory";
    public static final String ASSET_MAP = "gold.asset_map";

    /** Bump when a change to the methods changes gold for the same silver, so the next run rewrites it. */
    static final String METHOD_VERSION = "3";

    /** Configuration sections read here (the peer groups' included: gold.benchmarks carries peer values). */
    static final List<String> CONFIG =
            List.of("indicators", "curate", "thresholds", "geography", "disclosure", "peer-groups");

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
        Path dir = Path.of(ctx.settings().location("paths.contracts"));
        Contracts contracts = Contracts.load(dir);
        List<GoldContract> tables = contracts.goldMadeBy(name());
        GoldWriter writer = new GoldWriter(ctx.lake(), dir);
        // gold.data_quality (issue 13; its contract's step is curate-data-quality) is made from audit and
        // silver on its own terms, apart from the indicator tables: made beside them, so its queries and its
        // commit overlap theirs instead of running first. Both finish before the step reports.
        try (Parallel side = new Parallel("data-quality", 1)) {
            Future<DataQualityGold.Result> qualityRun = side.submit(() -> DataQualityGold.refresh(ctx, dir, writer));
            Rebuilt rebuilt;
            try {
                rebuilt = rebuild(ctx, contracts, tables, writer, catalogue, cfg);
            } catch (RuntimeException e) {
                try {
                    Parallel.join(qualityRun);
                } catch (Exception alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
            DataQualityGold.Result quality = joined(qualityRun);
            String qualityNote = quality.written() ? "; data_quality " + quality.rows() : "";
            if (rebuilt == null) {
                return quality.written()
                        ? new StepResult(
                                name(),
                                true,
                                quality.rows(),
                                quality.versions(),
                                "the other gold tables are up to date" + qualityNote)
                        : StepResult.skipped(
                                name(), "silver, configuration and as-of date unchanged: gold is up to date");
            }
            Map<String, Long> versions = new LinkedHashMap<>(rebuilt.versions());
            versions.putAll(quality.versions());
            return new StepResult(
                    name(), true, rebuilt.rows() + quality.rows(), versions, rebuilt.message() + qualityNote);
        }
    }

    private static DataQualityGold.Result joined(Future<DataQualityGold.Result> run) {
        try {
            return Parallel.join(run);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("gold.data_quality: " + e.getMessage(), e);
        }
    }

    /** What the indicator tables' rebuild wrote: rows, table → version, and the line for the run report. */
    private record Rebuilt(long rows, Map<String, Long> versions, String message) {}

    /** Rebuilds the stale indicator tables; null when every one of them is up to date. */
    private Rebuilt rebuild(
            RunContext ctx,
            Contracts contracts,
            List<GoldContract> tables,
            GoldWriter writer,
            IndicatorCatalogue catalogue,
            CurateConfig cfg) {
        Map<String, String> inputs = inputs(ctx, tables);
        List<String> stale = tables.stream()
                .map(GoldContract::table)
                .filter(t -> !writer.upToDate(t, inputs.get(t)))
                .toList();
        if (stale.isEmpty()) {
            return null;
        }
        PeerGroupInputs peers = PeerGroupInputs.read(ctx.settings(), ctx.lake());
        SilverInputs in = SilverInputs.read(ctx.lake()).cached();
        for (String t : in.missing()) {
            ctx.console().progress("  " + t + " does not exist yet: its indicators and tables are empty");
        }
        Built built = null;
        try {
            built = build(ctx.spark(), contracts, in, catalogue, cfg, peers);
            GoldWriter.checkBuilt(name(), tables, built.tables());
            List<String> kept = built.tables().stream()
                    .map(GoldWriter.GoldTable::name)
                    .filter(t -> !stale.contains(t))
                    .map(t -> t.substring(5))
                    .toList();
            if (!kept.isEmpty()) {
                ctx.console().progress("  kept, nothing they are made from changed: " + String.join(", ", kept));
            }
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
            return new Rebuilt(rows, written.versions(), rows + " gold row(s): " + String.join(", ", parts) + keptNote);
        } finally {
            if (built != null) {
                built.held().forEach(Dataset::unpersist);
            }
            in.unpersist();
        }
    }

    /**
     * The gold tables of one run, in their published order (not yet checked or written), and the
     * intermediate frames held in memory while they are made, to release afterwards.
     */
    public record Built(List<GoldWriter.GoldTable> tables, List<Dataset<Row>> held) {}

    /** The five gold tables from silver, without peer groups (peer_value null). */
    public static Built build(
            SparkSession spark, Contracts contracts, SilverInputs in, IndicatorCatalogue catalogue, CurateConfig cfg) {
        return build(spark, contracts, in, catalogue, cfg, null);
    }

    /**
     * The gold tables from silver: the five and, with the peer groups' inputs, gold.peer_groups and the
     * peer-group values in gold.benchmarks. A new gold table of curate's is its contract, its builder
     * and one line here.
     */
    public static Built build(
            SparkSession spark,
            Contracts contracts,
            SilverInputs in,
            IndicatorCatalogue catalogue,
            CurateConfig cfg,
            PeerGroupInputs peerInputs) {
        Geography geo = Geography.from(in.borough(), in.population(), cfg.londonCode(), cfg.londonName());
        Dataset<Row> areaMap = geo.areaMap(spark);
        Dataset<Row> areaList = geo.areaList(spark);

        Dataset<Row> comorbidity = Positions.comorbidity(in.comorbidity());
        Dataset<Row> positions = Positions.workforce(in.workforce()).cache();
        Dataset<Row> hna = Positions.hna(in.hnaConcern());
        Dataset<Row> services = Positions.services(in.service());
        // the latest period of each source, asked once for every builder that needs it
        Map<String, String> latest = Positions.latest(
                Map.of("comorbidity", comorbidity, "workforce", positions, "hna", hna, "services", services));
        String currentPosition = latest.get("workforce");
        Denominators denominators = Denominators.build(geo, comorbidity, latest.get("comorbidity"));
        Dataset<Row> denominatorFrame = denominators.frame(spark, geo);
        Dataset<Row> apportioned = Apportionment.apportion(
                        positions, "borough_codes", geo.population(), cfg.apportion())
                .cache();

        List<Measure> collected = new IndicatorMeasures(positions, apportioned, hna, comorbidity, services)
                .collect(catalogue, cfg, geo, denominators, areaMap);
        BenchmarkAssembler.Result bench = new BenchmarkAssembler(
                        spark, contracts.gold(BENCHMARKS), catalogue, geo, denominators, cfg)
                .assemble(collected, Deprivation.byArea(geo, in.imd()));
        List<PeerGroups.Peer> peers = peerInputs == null ? List.of() : peerInputs.peers(geo, denominators, in.imd());
        Dataset<Row> benchmarks = PeerValues.benchmarks(
                spark,
                contracts.gold(BENCHMARKS),
                bench.rows(),
                PeerValues.all(collected, bench, PeerGroups.byBorough(peers), catalogue, cfg, geo, in.imd()));

        Dataset<Row> workforceNow = currentPosition == null
                ? positions
                : positions.filter(col(Positions.PERIOD).equalTo(currentPosition));
        List<Dataset<Row>> held = new ArrayList<>(List.of(positions, apportioned));
        List<GoldWriter.GoldTable> tables = new ArrayList<>(List.of(
                new GoldWriter.GoldTable(BENCHMARKS, benchmarks),
                new GoldWriter.GoldTable(
                        WORKFORCE_RATIOS,
                        WorkforceRatios.build(apportioned, areaMap, areaList, denominatorFrame, in.profession(), cfg)),
                new GoldWriter.GoldTable(
                        UNMET_NEED,
                        UnmetNeedTable.build(hna, in.concern(), in.profession(), areaMap, areaList, bench, cfg)),
                new GoldWriter.GoldTable(
                        SERVICE_MAP,
                        ServiceMap.build(services, latest.get("services"), workforceNow, areaMap, areaList, cfg)),
                new GoldWriter.GoldTable(
                        COMORBIDITY_BURDEN,
                        ComorbidityBurden.build(comorbidity, in.ltcCondition(), areaMap, areaList, cfg))));
        tables.add(new GoldWriter.GoldTable(
                INEQUALITIES,
                InequalitiesTable.build(
                        catalogue, hna, comorbidity, in.imd(), geo, areaMap, areaList, bench.rows(), cfg, held)));
        Dataset<Row> active = ActiveServices.latest(services, latest.get("services"), workforceNow, in.concern(), cfg);
        tables.add(new GoldWriter.GoldTable(SERVICE_DIRECTORY, ServiceDirectory.build(active, cfg)));
        tables.add(new GoldWriter.GoldTable(
                ASSET_MAP,
                AssetMap.build(
                        hna, latest.get("hna"), in.concern(), active, latest.get("services"), areaMap, areaList, cfg)));
        if (peerInputs != null) {
            tables.add(
                    new GoldWriter.GoldTable(PEER_GROUPS, PeerGroups.frame(spark, contracts.gold(PEER_GROUPS), peers)));
        }
        return new Built(tables, held);
    }

    /**
     * What each gold table is made from ({@link GoldInputs}): the silver tables and the as-of date its
     * contract names, the configuration curate reads and the contract itself. A night that brings HNA
     * concerns and a provider return leaves the workforce ratios and the comorbidity burden as they are.
     */
    static Map<String, String> inputs(RunContext ctx, List<GoldContract> tables) {
        return GoldInputs.of(
                "curate method " + METHOD_VERSION,
                tables,
                ctx.lake(),
                ctx.asOf(),
                GoldInputs.sections(ctx.settings(), CONFIG));
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
