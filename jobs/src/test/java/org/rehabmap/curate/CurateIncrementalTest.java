package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.lake.Lake;
import org.rehabmap.model.ModelRun;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Curate rebuilds only the gold tables whose inputs changed, as their contracts declare them
 * (customProperties inputs and readsAsOf). A run with new inputs rewrites exactly the tables that
 * read them, and a table kept because only inputs it is declared not to read changed is exactly what
 * a rebuild gives: checked against the builders by changing every silver table it is said not to
 * read at once.
 */
@ExtendWith(SharedSpark.class)
class CurateIncrementalTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final Contracts CONTRACTS = Contracts.load(SharedSpark.projectHome().resolve("data-contracts"));
    /** What `run curate` writes: curate's tables, then the model's. */
    static final List<String> GOLD = java.util.stream.Stream.concat(
                    CONTRACTS.goldMadeBy("curate").stream(), CONTRACTS.goldMadeBy("model").stream())
            .map(GoldContract::table)
            .toList();

    static Path ws;
    static Lake lake;

    @BeforeAll
    static void silverThenCurate() {
        ws = SharedSpark.newWorkspace("curateincr");
        lake = TestRuns.lake(ws);
        SilverFixture.write(lake);
        TestRuns.Result first = TestRuns.run(ws, "curate", AS_OF);
        assertTrue(first.outcome().succeeded(), () -> first.outcome().failure() + "\n" + first.stdout());
    }

    /** A change to each silver table curate reads (in memory), each one moving some gold number. */
    static SilverInputs change(SilverInputs in, List<String> tables) {
        Dataset<Row> hna = in.hnaConcern();
        Dataset<Row> imd = in.imd();
        Dataset<Row> concern = in.concern();
        Dataset<Row> service = in.service();
        Dataset<Row> ltc = in.ltcCondition();
        Dataset<Row> workforce = in.workforce();
        Dataset<Row> profession = in.profession();
        Dataset<Row> comorbidity = in.comorbidity();
        Dataset<Row> borough = in.borough();
        Dataset<Row> population = in.population();
        for (String t : tables) {
            switch (t) {
                case "silver.hna_concern" ->
                    hna = hna.withColumn(
                            "concern_score",
                            when(col("assessment_id").equalTo("H4"), lit(9)).otherwise(col("concern_score")));
                case "silver.imd" ->
                    imd = imd.withColumn(
                            "imd_average_score", col("imd_average_score").multiply(1.5));
                case "silver.concern" -> concern = concern.withColumn("domain", concat(col("domain"), lit("+")));
                case "silver.service" ->
                    service = service.withColumn(
                            "funding_end_date",
                            date_add(
                                    coalesce(
                                            col("funding_end_date"),
                                            lit("2025-07-01").cast("date")),
                                    -7));
                case "silver.ltc_condition" ->
                    ltc = ltc.withColumn("description", concat(col("description"), lit("+")));
                case "silver.workforce" ->
                    workforce = workforce.withColumn(
                            "wte_in_post",
                            when(
                                            col("profession").equalTo("dietitian"),
                                            col("wte_in_post").plus(0.5))
                                    .otherwise(col("wte_in_post")));
                case "silver.profession" -> profession = profession.withColumn("label", concat(col("label"), lit("+")));
                case "silver.comorbidity" ->
                    comorbidity = comorbidity
                            .withColumn(
                                    "with_condition_count",
                                    col("with_condition_count").plus(3))
                            .withColumn(
                                    "cancer_register_count",
                                    col("cancer_register_count").plus(7));
                case "silver.borough" -> borough = borough.withColumn("la_name", concat(col("la_name"), lit("+")));
                case "silver.population" ->
                    population = population.withColumn(
                            "census2021_usual_residents",
                            col("census2021_usual_residents").plus(1000L));
                default -> fail("no change defined for " + t);
            }
        }
        return new SilverInputs(
                service, workforce, hna, comorbidity, borough, population, imd, profession, concern, ltc, in.missing());
    }

    /** The gold tables that do not read all of silver: the ones a change can leave in place. */
    static List<String> narrow() {
        return CONTRACTS.goldMadeBy("curate").stream()
                .map(GoldContract::table)
                .filter(t -> !notRead(t).isEmpty())
                .toList();
    }

    /** The silver tables curate reads that a gold table's contract says it does not read. */
    static List<String> notRead(String table) {
        return SilverInputs.TABLES.stream()
                .filter(s -> !CONTRACTS.gold(table).inputs().contains(s))
                .toList();
    }

    /** A contract naming a silver table curate never reads would make its table rebuild for nothing. */
    @Test
    void curateReadsEverySilverTableItsContractsName() {
        for (GoldContract c : CONTRACTS.goldMadeBy("curate")) {
            assertTrue(SilverInputs.TABLES.containsAll(c.inputs()), c.table() + " inputs " + c.inputs());
        }
    }

    /**
     * The declaration itself: change every silver table a narrow gold table is said not to read,
     * and a rebuild must give that table row for row as before.
     */
    @Test
    void aNarrowTableIsUntouchedByEverySilverTableItIsDeclaredNotToRead() {
        assertEquals(
                java.util.Set.of(
                        CurateJob.WORKFORCE_RATIOS,
                        CurateJob.SERVICE_MAP,
                        CurateJob.COMORBIDITY_BURDEN,
                        CurateJob.SERVICE_DIRECTORY,
                        CurateJob.ASSET_MAP),
                java.util.Set.copyOf(narrow()));
        // held in memory: the tables are built six times from it, and each build would otherwise plan
        // every silver scan again (two to four Delta jobs a table)
        SilverInputs in = SilverInputs.read(lake).cached();
        try {
            narrowTablesAreUntouched(in);
        } finally {
            in.unpersist();
        }
    }

    private static void narrowTablesAreUntouched(SilverInputs in) {
        // every change is a real change, or the comparisons below prove nothing
        SilverInputs all = change(in, SilverInputs.TABLES);
        List<Dataset<Row>> a = List.of(
                in.service(),
                in.workforce(),
                in.hnaConcern(),
                in.comorbidity(),
                in.borough(),
                in.population(),
                in.imd(),
                in.profession(),
                in.concern(),
                in.ltcCondition());
        List<Dataset<Row>> b = List.of(
                all.service(),
                all.workforce(),
                all.hnaConcern(),
                all.comorbidity(),
                all.borough(),
                all.population(),
                all.imd(),
                all.profession(),
                all.concern(),
                all.ltcCondition());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(b.get(i).except(a.get(i)).count() > 0, SilverInputs.TABLES.get(i) + " unchanged");
        }

        Map<String, List<Row>> original = rows(in, narrow());
        for (String table : narrow()) {
            List<String> changed = notRead(table);
            assertEquals(
                    original.get(table),
                    rows(change(in, changed), List.of(table)).get(table),
                    table + " after changes to " + changed);
        }
    }

    /** A new as-of date rewrites what reads it; the tables that do not read it are kept, as a rebuild gives them. */
    @Test
    void aRunRewritesWhatReadsTheChangedInputsAndKeepsWhatDoesNot() {
        LocalDate next = AS_OF.plusDays(1);
        Map<String, Long> before = versions();
        TestRuns.Result r = TestRuns.run(ws, "curate", next);
        assertTrue(r.outcome().succeeded(), () -> r.outcome().failure() + "\n" + r.stdout());
        Map<String, Long> after = versions();
        // what the contracts say does not read the as-of date
        List<String> kept =
                GOLD.stream().filter(t -> !CONTRACTS.gold(t).readsAsOf()).toList();
        // the services' funding state is judged against each return period's end, not the as-of date
        assertEquals(
                java.util.Set.of(
                        CurateJob.WORKFORCE_RATIOS,
                        CurateJob.SERVICE_MAP,
                        CurateJob.COMORBIDITY_BURDEN,
                        CurateJob.SERVICE_DIRECTORY,
                        CurateJob.ASSET_MAP),
                java.util.Set.copyOf(kept));
        for (String table : GOLD) {
            assertEquals(before.get(table) + (kept.contains(table) ? 0 : 1), after.get(table), table);
        }
        assertTrue(
                r.stdout()
                        .contains(
                                "kept, nothing they are made from changed: workforce_ratios, service_map, comorbidity_burden, "
                                        + "service_directory, asset_map"),
                r.stdout());
        var settings = SharedSpark.settings(ws.resolve("lake"), ws.resolve("landing"));
        SilverInputs silver = SilverInputs.read(lake).cached();
        try {
            assertEqualToARebuild(settings, silver, next);
        } finally {
            silver.unpersist();
        }
    }

    private static void assertEqualToARebuild(
            org.rehabmap.config.Settings settings, SilverInputs silver, LocalDate next) {
        CurateConfig cfg = CurateConfig.from(settings, next);
        Map<String, List<Row>> rebuilt = rows(CurateJob.build(
                SharedSpark.session(),
                CONTRACTS,
                silver,
                IndicatorCatalogue.from(settings),
                cfg,
                PeerGroupInputs.read(settings, lake)));
        ModelRun model = ModelRun.prepare(settings, lake, next);
        Geography geo = Geography.from(silver.borough(), silver.population(), cfg.londonCode(), cfg.londonName());
        for (GoldWriter.GoldTable t : model.tables(SharedSpark.session(), CONTRACTS, model.inputs(silver, geo, cfg))) {
            rebuilt.put(t.name(), t.rows().collectAsList());
        }
        for (String table : GOLD) {
            assertEquals(rebuilt.get(table), lake.read(table).collectAsList(), table);
        }
    }

    /**
     * The named tables of the curate job built from these inputs (no peer groups: no narrow table reads
     * them). The tables are lazy, so the ones not named are never computed.
     */
    private static Map<String, List<Row>> rows(SilverInputs in, List<String> tables) {
        var settings = SharedSpark.settings(ws.resolve("lake"), ws.resolve("landing"));
        return rows(
                CurateJob.build(
                        SharedSpark.session(),
                        CONTRACTS,
                        in,
                        IndicatorCatalogue.from(settings),
                        CurateConfig.from(settings, AS_OF)),
                tables);
    }

    private static Map<String, List<Row>> rows(CurateJob.Built built) {
        return rows(built, null);
    }

    /** The rows of each table of {@code built}, or only of those in {@code only} when it is not null. */
    private static Map<String, List<Row>> rows(CurateJob.Built built, List<String> only) {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        try {
            for (GoldWriter.GoldTable t : built.tables()) {
                if (only == null || only.contains(t.name())) {
                    out.put(t.name(), t.rows().collectAsList());
                }
            }
        } finally {
            built.held().forEach(Dataset::unpersist);
        }
        return out;
    }

    private static Map<String, Long> versions() {
        Map<String, Long> v = new LinkedHashMap<>();
        for (String t : GOLD) {
            v.put(t, lake.version(t));
        }
        return v;
    }
}
