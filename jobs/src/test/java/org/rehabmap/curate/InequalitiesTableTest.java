package org.rehabmap.curate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.OutputCheck;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.GoldFixtures;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.testing.SharedSpark;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.C;
import static org.rehabmap.gold.GoldFixtures.D;
import static org.rehabmap.gold.GoldFixtures.E;
import static org.rehabmap.gold.GoldFixtures.F;
import static org.rehabmap.gold.GoldFixtures.LONDON;
import static org.rehabmap.gold.GoldFixtures.NORTH;
import static org.rehabmap.gold.GoldFixtures.SOUTH;
import static org.rehabmap.gold.GoldFixtures.config;
import static org.rehabmap.gold.GoldFixtures.settings;

/**
 * gold.inequalities on a worked example, disclosure control on (counts 1–7). The six boroughs of
 * {@link GoldFixtures}, IMD 2019 scores (SilverFixture) D 40, C 30, A 20, B 10, E 10, F 10, so NTILE(5)
 * from the most deprived, ties by code: D, C → 1; A → 2; B → 3; E → 4; F → 5. HNA 2024-25, one
 * concern scored 8 per assessment, either no_action (unaddressed) or referred:
 * <pre>
 *   C (q1, North)  female 15 (8 no_action), male 5 (2 no_action)      20 assessments, 10 unaddressed
 *   D (q1, South)  female 10 (5), male 10 (5)                         20, 10
 *   F (q5, South)  female 20 (4), male 20 (4)                         40,  8
 *   unknown        female 3 (3)                                       3,  3  → London only
 *   London         83 assessments, 31 unaddressed; female 48 / 20, male 35 / 11
 *   London by quintile: 1 = C + D 40 / 20 (50%), 5 = F 40 / 8 (20%), 2–4 none; 3 unknown left out
 * </pre>
 * Multimorbidity as SilverFixture (one sex × 60-69 cell per borough and sex; A's male ANY2 suppressed
 * by the supplier): London female 220 / 700, male 170 / 600.
 */
@ExtendWith(SharedSpark.class)
class InequalitiesTableTest {
    static final double EPS = 1e-9;
    static final String FY = "2024-25";
    static final String UNADDRESSED = "hna_unaddressed_high_distress_pct";
    static final String REFERRED = "hna_high_distress_referred_pct";
    static List<Row> rows;
    static List<String> violations;
    static List<Row> benchmarks;

    @BeforeAll
    static void build() {
        SilverInputs f = SilverFixture.inputs();
        List<Row> hna = new ArrayList<>();
        people(hna, C, "female", 15, 8, "lung");
        people(hna, C, "male", 5, 2, "lung");
        people(hna, D, "female", 10, 5, "lung");
        people(hna, D, "male", 10, 5, "breast");
        people(hna, F, "female", 20, 4, "breast");
        people(hna, F, "male", 20, 4, "breast");
        people(hna, "unknown", "female", 3, 3, "lung");
        SilverInputs in = new SilverInputs(
                f.service(),
                f.workforce(),
                SharedSpark.session().createDataFrame(hna, SilverInputs.HNA_CONCERN),
                f.comorbidity(),
                f.borough(),
                f.population(),
                f.imd(),
                f.profession(),
                f.concern(),
                f.ltcCondition(),
                List.of());
        CurateConfig cfg = config(LocalDate.of(2025, 6, 30));
        var built = CurateJob.build(
                SharedSpark.session(),
                Contracts.load(SharedSpark.projectHome().resolve("data-contracts")),
                in,
                IndicatorCatalogue.from(settings()),
                cfg);
        for (GoldWriter.GoldTable t : built.tables()) {
            if (t.name().equals(CurateJob.INEQUALITIES)) {
                var cached = t.rows().cache();
                rows = cached.collectAsList();
                violations = OutputCheck.violations(
                        Contracts.load(SharedSpark.projectHome().resolve("data-contracts"))
                                .gold(t.name()),
                        cached);
            }
            if (t.name().equals(CurateJob.BENCHMARKS)) {
                benchmarks = t.rows().collectAsList();
            }
        }
    }

    private static int next = 0;

    /** n assessments of one borough and sex, the first {@code unaddressed} left without action. */
    static void people(List<Row> out, String residence, String sex, int n, int unaddressed, String tumour) {
        for (int i = 0; i < n; i++) {
            String action = i < unaddressed ? "no_action" : "referred";
            out.add(RowFactory.create(
                    "A" + next++,
                    Date.valueOf("2024-10-01"),
                    FY,
                    "P1",
                    residence,
                    "60-69",
                    sex,
                    tumour,
                    "treatment",
                    "fatigue",
                    8,
                    action,
                    action.equals("referred") ? "physiotherapist" : null));
        }
    }

    static Row row(String id, String area, String breakdown, String code) {
        return rows.stream()
                .filter(r -> r.getAs("indicator_id").equals(id)
                        && r.getAs("area_code").equals(area)
                        && r.getAs("breakdown").equals(breakdown)
                        && r.getAs("breakdown_code").equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " " + area + " " + breakdown + " " + code));
    }

    static boolean has(String id, String area, String breakdown, String code) {
        return rows.stream()
                .anyMatch(r -> r.getAs("indicator_id").equals(id)
                        && r.getAs("area_code").equals(area)
                        && r.getAs("breakdown").equals(breakdown)
                        && r.getAs("breakdown_code").equals(code));
    }

    static Double d(Row r, String c) {
        return r.isNullAt(r.fieldIndex(c)) ? null : ((Number) r.getAs(c)).doubleValue();
    }

    /** Wilson by hand (METHODS.md), percent. */
    static double[] wilson(double x, double n, double z) {
        double spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
        double den = 2 * (n + z * z);
        return new double[] {100 * (2 * x + z * z - spread) / den, 100 * (2 * x + z * z + spread) / den};
    }

    @Test
    void keepsItsContract() {
        assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void quintilesAreNtileFiveOfBoroughsMostDeprivedFirst() {
        Map<String, String> q = new TreeMap<>();
        for (Row r : InequalitiesTable.quintiles(SilverFixture.inputs().imd(), GoldFixtures.geography())
                .collectAsList()) {
            q.put(r.getString(0), r.getString(1));
        }
        assertEquals(Map.of(D, "1", C, "1", A, "2", GoldFixtures.B, "3", E, "4", F, "5"), q);
        // a borough row of the deprivation breakdown is its own quintile only
        assertTrue(has(UNADDRESSED, C, "deprivation_quintile", "1"));
        assertFalse(has(UNADDRESSED, C, "deprivation_quintile", "5"));
        assertTrue(row(UNADDRESSED, C, "deprivation_quintile", "1")
                .<String>getAs("breakdown_label")
                .contains("most deprived"));
    }

    @Test
    void groupsCountAsBenchmarksDoesAndCompareWithTheWholeArea() {
        Row female = row(UNADDRESSED, LONDON, "sex", "female");
        assertEquals(20.0, d(female, "numerator"), EPS);
        assertEquals(48.0, d(female, "denominator"), EPS);
        assertEquals(100.0 * 20 / 48, d(female, "value"), EPS);
        double[] w = wilson(20, 48, 1.959964);
        assertEquals(w[0], d(female, "lower_ci95"), 1e-9);
        assertEquals(w[1], d(female, "upper_ci95"), 1e-9);
        double[] w998 = wilson(20, 48, 3.090232);
        assertEquals(w998[0], d(female, "lower_ci998"), 1e-9);
        assertEquals(100.0 * 31 / 83, d(female, "area_value"), EPS);
        assertEquals("similar", female.getAs("significance"));
        Row male = row(UNADDRESSED, LONDON, "sex", "male");
        assertEquals(11.0, d(male, "numerator"), EPS);
        assertEquals(35.0, d(male, "denominator"), EPS);
        // the sexes add up to gold.benchmarks' London row (the unknown-residence assessments included)
        Row whole = benchmarks.stream()
                .filter(r -> r.getAs("indicator_id").equals(UNADDRESSED)
                        && r.getAs("area_code").equals(LONDON)
                        && r.getAs("period").equals(FY))
                .findFirst()
                .orElseThrow();
        assertEquals(d(whole, "numerator"), d(female, "numerator") + d(male, "numerator"), EPS);
        assertEquals(d(whole, "denominator"), d(female, "denominator") + d(male, "denominator"), EPS);
        // concerns: referred = high-distress concerns not left without action; 52 of 83 in London
        Row referred = row(REFERRED, LONDON, "tumour_group", "breast");
        // breast: D male 10 (5 referred), F 40 (32 referred)
        assertEquals(37.0, d(referred, "numerator"), EPS);
        assertEquals(50.0, d(referred, "denominator"), EPS);
        assertEquals(100.0 * 52 / 83, d(referred, "area_value"), EPS);
        // quintile 5: 8 / 40 = 20%, upper 95% limit 34.8 below London's 37.3: lower, no judgement
        Row q5 = row(UNADDRESSED, LONDON, "deprivation_quintile", "5");
        assertEquals(20.0, d(q5, "value"), EPS);
        assertTrue(d(q5, "upper_ci95") < 100.0 * 31 / 83);
        assertEquals("lower", q5.getAs("significance"));
    }

    @Test
    void unknownResidenceReachesLondonButNotItsDeprivationBreakdown() {
        Row q1 = row(UNADDRESSED, LONDON, "deprivation_quintile", "1");
        assertEquals(20.0, d(q1, "numerator"), EPS);
        assertEquals(40.0, d(q1, "denominator"), EPS);
        assertTrue(q1.<String>getAs("note").contains("3 assessment(s) with unknown residence left out"), q1.toString());
        assertTrue(q1.<String>getAs("note").contains("area-based"));
        assertFalse(has(UNADDRESSED, LONDON, "deprivation_quintile", "unknown"));
        // quintiles 2–4 exist in London (A, B, E) with no assessments: 0 shown, no value
        Row q2 = row(UNADDRESSED, LONDON, "deprivation_quintile", "2");
        assertEquals(0.0, d(q2, "denominator"), EPS);
        assertNull(d(q2, "value"));
        assertEquals("not_compared", q2.getAs("significance"));
        // the sex breakdown holds them: female 48 = 15 + 10 + 20 + 3
        assertEquals(48.0, d(row(UNADDRESSED, LONDON, "sex", "female"), "denominator"), EPS);
        // South (D, E, F) has no unknown residence and says nothing about it
        Row south = row(UNADDRESSED, SOUTH, "deprivation_quintile", "1");
        assertFalse(south.<String>getAs("note").contains("unknown"));
    }

    @Test
    void aSmallGroupIsSuppressedWithItsNextSmallestSibling() {
        // C: male 5 assessments (2 unaddressed) is a count of 1–7; female 15 (8) would give it away, so it goes too
        Row male = row(UNADDRESSED, C, "sex", "male");
        assertTrue(male.<Boolean>getAs("suppressed"));
        assertNull(d(male, "numerator"));
        assertNull(d(male, "denominator"));
        assertNull(d(male, "value"));
        assertNull(d(male, "lower_ci95"));
        assertEquals("not_compared", male.getAs("significance"));
        assertTrue(male.<String>getAs("note").contains("a count of 1–7"), male.toString());
        Row female = row(UNADDRESSED, C, "sex", "female");
        assertTrue(female.<Boolean>getAs("suppressed"));
        assertNull(d(female, "numerator"));
        assertNull(d(female, "value"));
        assertTrue(female.<String>getAs("note").contains("protects a small count"), female.toString());
        // a numerator alone of 1–7 withholds the rate too, while its denominator is shown: D male 5 of 10
        Row dMale = row(UNADDRESSED, D, "sex", "male");
        assertTrue(dMale.<Boolean>getAs("suppressed"));
        assertNull(d(dMale, "numerator"));
        assertEquals(10.0, d(dMale, "denominator"), EPS);
        assertNull(d(dMale, "value"));
        // other breakdowns of C are untouched
        Row cAge = row(UNADDRESSED, C, "age_band", "60-69");
        assertFalse(cAge.<Boolean>getAs("suppressed"));
        assertEquals(10.0, d(cAge, "numerator"), EPS);
        assertEquals(20.0, d(cAge, "denominator"), EPS);
        // North's area value is C's 10 / 20 (A and B have no assessments)
        assertEquals(50.0, d(row(UNADDRESSED, NORTH, "sex", "female"), "area_value"), EPS);
    }

    @Test
    void theGapBetweenQuintilesOneAndFiveHasNewcombesInterval() {
        // London: 20 / 40 − 8 / 40 = 30 points; South: D 10 / 20 − F 8 / 40 = 30 points
        Row gap = row(UNADDRESSED, LONDON, "deprivation_quintile", "gap_q1_q5");
        assertEquals(30.0, d(gap, "value"), 1e-9);
        assertNull(d(gap, "numerator"));
        assertNull(d(gap, "area_value"));
        // Newcombe method 10 by hand from the two Wilson intervals
        double[] w1 = wilson(20, 40, 1.959964);
        double[] w5 = wilson(8, 40, 1.959964);
        double lower = 30 - Math.sqrt(Math.pow(50 - w1[0], 2) + Math.pow(w5[1] - 20, 2));
        double upper = 30 + Math.sqrt(Math.pow(w1[1] - 50, 2) + Math.pow(20 - w5[0], 2));
        assertEquals(lower, d(gap, "lower_ci95"), 1e-9);
        assertEquals(upper, d(gap, "upper_ci95"), 1e-9);
        assertEquals("higher", gap.getAs("significance")); // lower limit ≈ 9.6 > 0
        assertTrue(d(gap, "lower_ci998") < d(gap, "lower_ci95"));
        Row south = row(UNADDRESSED, SOUTH, "deprivation_quintile", "gap_q1_q5");
        assertEquals(30.0, d(south, "value"), 1e-9);
        // North has quintiles 1, 2, 3 only; a borough has one quintile: no gap
        assertFalse(has(UNADDRESSED, NORTH, "deprivation_quintile", "gap_q1_q5"));
        assertFalse(has(UNADDRESSED, F, "deprivation_quintile", "gap_q1_q5"));
    }

    @Test
    void multimorbidityBySexLeavesOutTheSupplierSuppressedCell() {
        Row female = row("multimorbidity_pct", LONDON, "sex", "female");
        assertEquals(220.0, d(female, "numerator"), EPS);
        assertEquals(700.0, d(female, "denominator"), EPS);
        Row male = row("multimorbidity_pct", LONDON, "sex", "male");
        assertEquals(170.0, d(male, "numerator"), EPS);
        assertEquals(600.0, d(male, "denominator"), EPS);
        assertTrue(male.<String>getAs("note").contains("1 cell(s) suppressed by the supplier"), male.toString());
        assertEquals(30.0, d(male, "area_value"), EPS); // 390 / 1,300
        // sex and age band only
        assertTrue(rows.stream()
                .filter(r -> r.getAs("indicator_id").equals("multimorbidity_pct"))
                .allMatch(r -> List.of("sex", "age_band").contains(r.<String>getAs("breakdown"))));
    }

    @Test
    void everyLevelHasRows() {
        for (String level : List.of("borough", "stp", "alliance", "london")) {
            for (String id : List.of(UNADDRESSED, REFERRED, "multimorbidity_pct")) {
                assertTrue(
                        rows.stream()
                                .anyMatch(r -> r.getAs("area_level").equals(level)
                                        && r.getAs("indicator_id").equals(id)),
                        id + " at " + level);
            }
        }
    }
}
