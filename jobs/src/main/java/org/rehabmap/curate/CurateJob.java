package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.ConfigError;
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
        SilverInputs in = SilverInputs.read(ctx.lake()).cached();
        for (String t : in.missing()) ctx.console().progress("  " + t + " does not exist yet: its indicators and tables are empty");
        try {
            List<GoldWriter.GoldTable> tables = build(ctx.spark(), in, catalogue, cfg);
            GoldWriter.Written written = new GoldWriter(ctx.lake(), Path.of(ctx.settings().location("paths.contracts"))).writeAll(tables);
            long rows = 0;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> e : written.rows().entrySet()) {
                rows += e.getValue();
                parts.add(e.getKey().substring(5) + " " + e.getValue());
            }
            return new StepResult(name(), true, rows, written.versions(), rows + " gold row(s): " + String.join(", ", parts));
        } finally {
            for (Dataset<Row> d : List.of(in.service(), in.workforce(), in.hnaConcern(), in.comorbidity(), in.borough(), in.population(),
                    in.imd(), in.profession(), in.concern(), in.ltcCondition())) d.unpersist();
        }
    }

    /** The five gold tables from silver, in their published order (not yet checked or written). */
    public static List<GoldWriter.GoldTable> build(SparkSession spark, SilverInputs in, IndicatorCatalogue catalogue, CurateConfig cfg) {
        Geography geo = Geography.from(in.borough(), in.population(), cfg.londonCode(), cfg.londonName());
        Dataset<Row> areaMap = geo.areaMap(spark).cache();
        Dataset<Row> areaList = geo.areaList(spark).cache();

        Dataset<Row> comorbidity = Positions.comorbidity(in.comorbidity());
        Denominators denominators = Denominators.build(geo, comorbidity);
        Dataset<Row> denominatorFrame = denominators.frame(spark, geo).cache();
        Dataset<Row> positions = Positions.workforce(in.workforce()).cache();
        String currentPosition = Positions.latest(positions);
        Dataset<Row> apportioned = Apportionment.apportion(positions, "borough_codes", geo.population(), cfg.apportion()).cache();
        Dataset<Row> hna = Positions.hna(in.hnaConcern());
        Dataset<Row> services = Positions.services(in.service());

        List<Measure> collected = new IndicatorMeasures(positions, apportioned, hna, comorbidity, services)
                .collect(catalogue, cfg, geo, denominators, areaMap);
        BenchmarkAssembler.Result bench = new BenchmarkAssembler(catalogue, geo, denominators, cfg)
                .assemble(collected, Deprivation.byArea(geo, in.imd()));
        Dataset<Row> benchmarks = spark.createDataFrame(bench.rows().stream().map(BenchmarkRow::toRow).toList(), BenchmarkRow.SCHEMA);

        Dataset<Row> workforceNow = currentPosition == null ? positions : positions.filter(col(Positions.PERIOD).equalTo(currentPosition));
        return List.of(
                new GoldWriter.GoldTable(BENCHMARKS, benchmarks),
                new GoldWriter.GoldTable(WORKFORCE_RATIOS, WorkforceRatios.build(apportioned, areaMap, areaList, denominatorFrame, in.profession(), cfg)),
                new GoldWriter.GoldTable(UNMET_NEED, UnmetNeedTable.build(hna, in.concern(), in.profession(), areaMap, areaList, bench, cfg)),
                new GoldWriter.GoldTable(SERVICE_MAP, ServiceMap.build(services, workforceNow, areaMap, areaList, cfg)),
                new GoldWriter.GoldTable(COMORBIDITY_BURDEN, ComorbidityBurden.build(comorbidity, in.ltcCondition(), areaMap, areaList, cfg)));
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
