package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.cli.Steps;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.lake.Lake;
import org.rehabmap.model.ModelRun;
import org.rehabmap.model.WorkforceModelJob;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The curate step as `run curate` runs it (curate, then the workforce model), on silver Delta tables
 * from {@link SilverFixture}: it fills the gold tables, a second run with the same inputs writes nothing (another as-of
 * date is another input), and the same inputs always give the same rows in the same order.
 */
@ExtendWith(SharedSpark.class)
class CurateJobTest {
    static Path ws;
    static Lake lake;
    static TestRuns.Result first;
    static Map<String, Long> firstVersions = new LinkedHashMap<>();
    /** What `run curate` writes: curate's tables and the model's, as their contracts declare them. */
    static final List<String> GOLD = gold("curate", "model");

    /** The gold tables the named steps make, by their contracts (customProperties step). */
    static List<String> gold(String... steps) {
        Contracts contracts = Contracts.load(SharedSpark.projectHome().resolve("data-contracts"));
        return java.util.Arrays.stream(steps)
                .flatMap(s -> contracts.goldMadeBy(s).stream())
                .map(GoldContract::table)
                .toList();
    }

    @BeforeAll
    static void silverThenCurate() {
        ws = SharedSpark.newWorkspace("curatejob");
        lake = TestRuns.lake(ws);
        SilverFixture.write(lake);
        first = TestRuns.run(ws, "curate", LocalDate.of(2025, 6, 30));
        assertTrue(
                first.outcome().succeeded(),
                () -> String.valueOf(first.outcome().failure()) + "\n" + first.stdout());
        for (String t : GOLD) {
            firstVersions.put(t, lake.version(t));
        }
    }

    @Test
    void runCurateFindsTheJobAndFillsEveryGoldTable() {
        assertEquals(CurateJob.class, Steps.create("curate").getClass());
        assertEquals(
                List.of(CurateJob.class, WorkforceModelJob.class),
                Steps.forTarget("curate").stream().map(Object::getClass).toList());
        for (String t : GOLD) {
            assertTrue(lake.read(t).count() > 0, t);
        }
        assertTrue(first.stdout().contains("curate: "), first.stdout());
        assertEquals(firstVersions, first.outcome().versions());
        // the STP view of the issue: every indicator for the five STPs, with limits and significance where it has them
        Dataset<Row> stp = lake.read("gold.benchmarks").filter(col("area_level").equalTo("stp"));
        long indicators =
                lake.read("gold.benchmarks").select("indicator_id").distinct().count();
        assertEquals(10, indicators);
        assertEquals(2, stp.select("area_code").distinct().count()); // the fixture has two STPs
        Dataset<Row> distress = stp.filter(col("indicator_id")
                .equalTo("hna_unaddressed_high_distress_pct")
                .and(col("period").equalTo("2024-25")));
        assertEquals(2, distress.count());
        // disclosure control is on here: North 2 of 3 and South 0 of 1 assessments are counts of 1–7
        assertEquals(
                2,
                distress.filter(col("suppressed")
                                .and(col("value").isNull())
                                .and(col("significance").equalTo("not_compared")))
                        .count());
        // the percentages of gold.unmet_need and gold.comorbidity_burden carry Wilson limits around the value, and
        // are withheld with it
        Dataset<Row> unmet = lake.read("gold.unmet_need");
        for (String pct : List.of(
                "high_distress_pct", "without_action_pct", "declined_pct", "high_distress_without_action_pct")) {
            assertWithheldTogether(unmet, pct, pct + "_lower_ci95", pct + "_upper_ci95", false);
        }
        assertTrue(unmet.filter(col("suppressed").and(col("high_distress_pct").isNull()))
                        .count()
                > 0);
        assertWithheldTogether(
                lake.read("gold.comorbidity_burden"), "with_condition_pct", "lower_ci95", "upper_ci95", true);
        // WTE is not a count of people: published as it is
        assertEquals(
                0,
                stp.filter(col("indicator_id")
                                .equalTo("specialist_ahp_wte_per_100k")
                                .and(col("suppressed")))
                        .count());
    }

    /**
     * The limits are null exactly where the value is, and otherwise lie either side of it.
     *
     * @param somePublished the fixture's counts are big enough for some values to be published (the HNA ones
     *     are all 1–7 here, so every unmet-need percentage is withheld)
     */
    static void assertWithheldTogether(
            Dataset<Row> t, String value, String lower, String upper, boolean somePublished) {
        assertEquals(
                0,
                t.filter(col(value)
                                .isNull()
                                .notEqual(col(lower).isNull())
                                .or(col(value).isNull().notEqual(col(upper).isNull())))
                        .count(),
                value);
        assertEquals(
                0,
                t.filter(col(lower)
                                .gt(col(value).plus(1e-9))
                                .or(col(upper).lt(col(value).minus(1e-9))))
                        .count(),
                value);
        assertEquals(somePublished, t.filter(col(lower).isNotNull()).count() > 0, value);
    }

    static org.rehabmap.pipeline.RunContext context(LocalDate asOf) {
        var settings = SharedSpark.settings(ws.resolve("lake"), ws.resolve("landing"));
        return new org.rehabmap.pipeline.RunContext(
                settings,
                SharedSpark.session(),
                lake,
                "test",
                java.time.Instant.now(),
                asOf,
                ws.resolve("landing").toString(),
                new org.rehabmap.pipeline.RunContext.Console(System.out, System.out, true));
    }

    static List<GoldContract> curateContracts(org.rehabmap.config.Settings settings) {
        return Contracts.load(Path.of(settings.location("paths.contracts"))).goldMadeBy("curate");
    }

    @Test
    void sameInputsWriteNothingNewAndRebuildRowForRow() {
        TestRuns.Result again = TestRuns.run(ws, "curate", LocalDate.of(2025, 6, 30));
        assertTrue(again.outcome().succeeded());
        assertTrue(again.stdout().contains("gold is up to date"), again.stdout());
        assertTrue(again.stdout().contains("the model's tables are up to date"), again.stdout());
        for (String t : GOLD) {
            assertEquals(firstVersions.get(t), lake.version(t), t);
        }

        // determinism: building again from the same silver and as-of date gives the written rows, in order
        var settings = SharedSpark.settings(ws.resolve("lake"), ws.resolve("landing"));
        // held in memory as the step holds it: eleven tables are built from it, and each would plan every
        // silver scan again (Delta's file-listing jobs)
        SilverInputs silver = SilverInputs.read(lake).cached();
        try {
            assertRebuildsRowForRow(settings, silver);
        } finally {
            silver.unpersist();
        }
    }

    private static void assertRebuildsRowForRow(org.rehabmap.config.Settings settings, SilverInputs silver) {
        // (with the peer groups, as the step runs it: gold.peer_groups and gold.benchmarks' peer values included)
        CurateConfig cfg = CurateConfig.from(settings, LocalDate.of(2025, 6, 30));
        Contracts contracts = Contracts.load(Path.of(settings.location("paths.contracts")));
        var rebuilt = CurateJob.build(
                SharedSpark.session(),
                contracts,
                silver,
                IndicatorCatalogue.from(settings),
                cfg,
                PeerGroupInputs.read(settings, lake));
        List<GoldWriter.GoldTable> tables = new java.util.ArrayList<>(rebuilt.tables());
        // and the model step's tables, from the same silver
        ModelRun model = ModelRun.prepare(settings, lake, LocalDate.of(2025, 6, 30));
        Geography geo = Geography.from(silver.borough(), silver.population(), cfg.londonCode(), cfg.londonName());
        tables.addAll(model.tables(SharedSpark.session(), contracts, model.inputs(silver, geo, cfg)));
        List<String> built = tables.stream().map(GoldWriter.GoldTable::name).toList();
        assertEquals(GOLD.size(), built.size());
        assertEquals(java.util.Set.copyOf(GOLD), java.util.Set.copyOf(built));
        for (GoldWriter.GoldTable t : tables) {
            assertEquals(lake.read(t.name()).collectAsList(), t.rows().collectAsList(), t.name());
        }
        // another as-of date is another input for the tables that read it, so the next run rewrites those,
        // and only those; the service map judges each return against its own period's end, not the as-of date
        var june = CurateJob.inputs(context(LocalDate.of(2025, 6, 30)), curateContracts(settings));
        var july = CurateJob.inputs(context(LocalDate.of(2025, 7, 1)), curateContracts(settings));
        assertEquals(june.get(CurateJob.SERVICE_MAP), july.get(CurateJob.SERVICE_MAP));
        assertNotEquals(june.get(CurateJob.BENCHMARKS), july.get(CurateJob.BENCHMARKS));
        assertEquals(june.get(CurateJob.COMORBIDITY_BURDEN), july.get(CurateJob.COMORBIDITY_BURDEN));
        assertEquals(june.get(CurateJob.WORKFORCE_RATIOS), july.get(CurateJob.WORKFORCE_RATIOS));
        assertEquals(june, CurateJob.inputs(context(LocalDate.of(2025, 6, 30)), curateContracts(settings)));
        assertEquals(gold("curate"), List.copyOf(june.keySet()));
    }
}
