package org.rehabmap.curate;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.OutputCheck;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.testing.SharedSpark;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.curate.CurateFixtures.indicator;
import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.B;
import static org.rehabmap.gold.GoldFixtures.C;
import static org.rehabmap.gold.GoldFixtures.D;
import static org.rehabmap.gold.GoldFixtures.E;
import static org.rehabmap.gold.GoldFixtures.LONDON;
import static org.rehabmap.gold.GoldFixtures.NORTH;
import static org.rehabmap.gold.GoldFixtures.config;
import static org.rehabmap.gold.GoldFixtures.settings;
import static org.rehabmap.gold.GoldFixtures.withoutDisclosure;

/**
 * The five gold tables built from {@link SilverFixture} (in memory, no Delta), every expected
 * value worked out by hand from the fixture. Disclosure control is off here (its own tests use
 * counts of 1–7 on purpose); as-of date 2025-06-30, so funding ending by 2026-06-30 is at risk.
 */
@ExtendWith(SharedSpark.class)
class CurateBuildTest {
    static final double EPS = 1e-9;
    static Map<String, List<Row>> tables = new LinkedHashMap<>();
    static Map<String, List<String>> violations = new LinkedHashMap<>();

    @BeforeAll
    static void build() {
        CurateConfig cfg = withoutDisclosure(config(LocalDate.of(2025, 6, 30)));
        List<IndicatorDefinition> defs =
                new java.util.ArrayList<>(IndicatorCatalogue.from(settings()).all());
        // a new indicator of an existing kind is configuration only
        defs.add(indicator(
                "id = hna_declined_pct, multiplier = 100, ci = wilson, polarity = no_judgement, disclosure = true, kind = hna_concerns, "
                        + "inputs { numerator = \"action = 'declined'\", denominator = \"true\" }"));
        var built = CurateJob.build(
                SharedSpark.session(),
                Contracts.load(SharedSpark.projectHome().resolve("data-contracts")),
                SilverFixture.inputs(),
                new IndicatorCatalogue(defs),
                cfg);
        for (GoldWriter.GoldTable t : built.tables()) {
            var rows = t.rows().cache();
            tables.put(t.name(), rows.collectAsList());
            if (!t.name().equals(CurateJob.BENCHMARKS)) {
                violations.put(
                        t.name(),
                        OutputCheck.violations(
                                Contracts.load(SharedSpark.projectHome().resolve("data-contracts"))
                                        .gold(t.name()),
                                rows));
            }
        }
    }

    static Row find(String table, Map<String, Object> key) {
        return tables.get(table).stream()
                .filter(r -> key.entrySet().stream().allMatch(e -> e.getValue().equals(r.getAs(e.getKey()))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + table));
    }

    static Row bench(String id, String period, String code) {
        return find(CurateJob.BENCHMARKS, Map.of("indicator_id", id, "period", period, "area_code", code));
    }

    static Double d(Row r, String col) {
        return r.isNullAt(r.fieldIndex(col)) ? null : ((Number) r.getAs(col)).doubleValue();
    }

    @Test
    void everyAreaAndPeriodHasItsRow() {
        // 10 catalogue indicators + 1: workforce ×2 positions, HNA ×2 years, comorbidity ×1, services ×2 quarters,
        // index ×1; 10 areas each
        // workforce 3 × 2 + HNA 4 × 2 + comorbidity 1 + services 2 × 2 + index 1 = 20 (indicator, period) pairs
        assertEquals(20 * 10, tables.get(CurateJob.BENCHMARKS).size());
        assertTrue(violations.values().stream().allMatch(List::isEmpty), violations.toString());
    }

    @Test
    void specialistWtePer100kApportionedByPopulation() {
        // 2025-03-31: A W3 2.0; W2 (P2, carried forward) 2.0 shared B 20k : C 30k = 0.8 : 1.2; the support worker W5 in
        // D does not count
        assertEquals(
                20.0, d(bench("specialist_ahp_wte_per_100k", "2025-03-31", A), "value"), EPS); // 2.0 / 10,000 × 100,000
        assertEquals(4.0, d(bench("specialist_ahp_wte_per_100k", "2025-03-31", B), "value"), EPS); // 0.8 / 20,000
        assertEquals(4.0, d(bench("specialist_ahp_wte_per_100k", "2025-03-31", C), "value"), EPS); // 1.2 / 30,000
        assertEquals(0.0, d(bench("specialist_ahp_wte_per_100k", "2025-03-31", D), "value"), EPS);
        Row north = bench("specialist_ahp_wte_per_100k", "2025-03-31", NORTH);
        assertEquals(4.0, d(north, "numerator"), EPS);
        assertEquals(60_000.0, d(north, "denominator"), EPS);
        Row london = bench("specialist_ahp_wte_per_100k", "2025-03-31", LONDON);
        assertEquals(2.0, d(london, "value"), EPS); // 4.0 / 200,000
        // 2024-03-31: W1 1.0 in A + W2 → London 3.0 / 200,000 = 1.5; so 2025 is increasing
        assertEquals(1.5, d(london, "previous_value"), EPS);
        assertEquals("increasing", london.getAs("trend"));
        assertEquals("not_compared", london.getAs("significance"));
    }

    @Test
    void cancerWtePerThousandLivingWithCancer() {
        // A: W3 2.0 × 100% + W6 1.0 × 40% = 2.4 over 200 living with cancer → 12 per 1,000; W4 (no share) left out,
        // noted
        Row a = bench("cancer_ahp_wte_per_1k_living_with_cancer", "2025-03-31", A);
        assertEquals(2.4, d(a, "numerator"), EPS);
        assertEquals(200.0, d(a, "denominator"), EPS);
        assertEquals(12.0, d(a, "value"), EPS);
        assertEquals("1 generalist post row(s) without a cancer caseload share left out", a.getAs("note"));
        // D: the support worker W5 1.0 (specialist, share 100%) over 400 → 2.5
        assertEquals(2.5, d(bench("cancer_ahp_wte_per_1k_living_with_cancer", "2025-03-31", D), "value"), EPS);
        // London: 2.4 + 0.4 + 0.6 (W2 × 50%) + 1.0 = 4.4 over 1,400; W4 counted once though it serves two boroughs
        Row london = bench("cancer_ahp_wte_per_1k_living_with_cancer", "2025-03-31", LONDON);
        assertEquals(4.4 / 1400 * 1000, d(london, "value"), EPS);
        assertEquals("1 generalist post row(s) without a cancer caseload share left out", london.getAs("note"));
    }

    @Test
    void vacancyRateOverAllRows() {
        // A: vacant W4 0.5 × 0.2 = 0.1; funded W3 2 + W4 0.2 + W6 1 = 3.2 → 3.125%
        assertEquals(3.125, d(bench("ahp_vacancy_rate_pct", "2025-03-31", A), "value"), EPS);
        // D: vacant 0.4; funded W4 0.8 + W5 1 = 1.8
        assertEquals(100 * 0.4 / 1.8, d(bench("ahp_vacancy_rate_pct", "2025-03-31", D), "value"), EPS);
        // London: 0.5 / 7.0
        assertEquals(100 * 0.5 / 7.0, d(bench("ahp_vacancy_rate_pct", "2025-03-31", LONDON), "value"), EPS);
        Row e = bench("ahp_vacancy_rate_pct", "2025-03-31", E);
        assertNull(e.getAs("value"));
        assertEquals("no value: the denominator is 0", e.getAs("note"));
    }

    @Test
    void unaddressedHighDistressCountsAssessmentsByResidence() {
        // A: H1 (fatigue 8 no_action) of H1, H2 → 1/2; Wilson (2 + z² ∓ z√(z² + 2)) / (2(2 + z²)) × 100
        Row a = bench("hna_unaddressed_high_distress_pct", "2024-25", A);
        assertEquals(50.0, d(a, "value"), EPS);
        assertEquals(9.453120463920085, d(a, "lower_ci95"), 1e-9);
        assertEquals(90.54687953607991, d(a, "upper_ci95"), 1e-9);
        assertEquals(100.0, d(bench("hna_unaddressed_high_distress_pct", "2024-25", B), "value"), EPS); // H3
        assertEquals(0.0, d(bench("hna_unaddressed_high_distress_pct", "2024-25", D), "value"), EPS); // H4 scored 5
        assertNull(bench("hna_unaddressed_high_distress_pct", "2024-25", C).getAs("value")); // no assessments
        assertEquals(200.0 / 3, d(bench("hna_unaddressed_high_distress_pct", "2024-25", NORTH), "value"), EPS); // 2/3
        // London adds H5 (residence unknown): 3/5
        Row london = bench("hna_unaddressed_high_distress_pct", "2024-25", LONDON);
        assertEquals(3.0, d(london, "numerator"), EPS);
        assertEquals(5.0, d(london, "denominator"), EPS);
        assertEquals(23.07242794091185, d(london, "lower_ci95"), 1e-9);
        assertEquals(88.23792268590029, d(london, "upper_ci95"), 1e-9);
        assertEquals(60.0, d(a, "london_value"), EPS);
        assertEquals("similar", a.getAs("significance"));
    }

    @Test
    void highDistressReferredCountsConcerns() {
        // concerns scored >= 7: H1 fatigue, H2 fatigue (referred), H3 eating, H3 money, H5 breathing → London 1/5
        assertEquals(20.0, d(bench("hna_high_distress_referred_pct", "2024-25", LONDON), "value"), EPS);
        assertEquals(50.0, d(bench("hna_high_distress_referred_pct", "2024-25", A), "value"), EPS);
        assertEquals(0.0, d(bench("hna_high_distress_referred_pct", "2024-25", B), "value"), EPS);
        // the extra indicator from configuration: declined concerns H2 worry, H3 money of 8 → 25%
        assertEquals(25.0, d(bench("hna_declined_pct", "2024-25", LONDON), "value"), EPS);
    }

    @Test
    void assessmentsPerHundredLivingWithCancer() {
        // A: 2 assessments over 200 → 1.0; exact Poisson for O = 2: χ²⁻¹(0.025, 4)/2 and χ²⁻¹(0.975, 6)/2, ÷ 200 × 100
        Row a = bench("hna_assessments_per_100_living_with_cancer", "2024-25", A);
        assertEquals(1.0, d(a, "value"), EPS);
        assertEquals(0.12110463927198249, d(a, "lower_ci95"), 1e-6);
        assertEquals(3.61234383386198, d(a, "upper_ci95"), 1e-6);
        // 2023-24: H0 only → 0.5, so 2024-25 is increasing
        assertEquals(0.5, d(a, "previous_value"), EPS);
        assertEquals("increasing", a.getAs("trend"));
        assertEquals(0.25, d(bench("hna_assessments_per_100_living_with_cancer", "2024-25", D), "value"), EPS); // 1/400
        assertEquals(
                0.5, d(bench("hna_assessments_per_100_living_with_cancer", "2024-25", NORTH), "value"), EPS); // 3/600
        assertEquals(
                100.0 * 5 / 1400,
                d(bench("hna_assessments_per_100_living_with_cancer", "2024-25", LONDON), "value"),
                EPS);
    }

    @Test
    void multimorbidityLeavesSupplierSuppressedCellsOut() {
        // A: female 40/100 kept, male cell suppressed → 40%, noted
        Row a = bench("multimorbidity_pct", "2025-03-31", A);
        assertEquals(40.0, d(a, "numerator"), EPS);
        assertEquals(100.0, d(a, "denominator"), EPS);
        assertEquals("1 cell(s) suppressed by the supplier left out", a.getAs("note"));
        // North: (40 + 30 + 120) / (100 + 100 + 300) = 38%; London: 390 / 1,300 = 30%
        assertEquals(38.0, d(bench("multimorbidity_pct", "2025-03-31", NORTH), "value"), EPS);
        assertEquals(30.0, d(bench("multimorbidity_pct", "2025-03-31", LONDON), "value"), EPS);
        // C 120/300 = 40%: Wilson 95% lower limit ≈ 34.6 > 30; no judgement keeps "higher"
        assertEquals("higher", bench("multimorbidity_pct", "2025-03-31", C).getAs("significance"));
    }

    @Test
    void servicesAndStageCoverage() {
        // 2025-Q1 active: P1/S1 [A,B] at risk (ends 2025-12-31 <= 2026-06-30); P1/S2 [D]; P3/S1 [A] ends 2027 → not at
        // risk
        assertEquals(50.0, d(bench("services_at_risk_pct", "2025-Q1", A), "value"), EPS);
        assertEquals(100.0, d(bench("services_at_risk_pct", "2025-Q1", B), "value"), EPS);
        Row north = bench("services_at_risk_pct", "2025-Q1", NORTH);
        assertEquals(1.0, d(north, "numerator"), EPS); // P1/S1 once, though it serves A and B
        assertEquals(2.0, d(north, "denominator"), EPS);
        assertEquals(100.0 / 3, d(bench("services_at_risk_pct", "2025-Q1", LONDON), "value"), EPS);
        // stages: A preventative, restorative, palliative 3/4; B 2/4; D supportive 1/4; London 6 of 24 pairs
        assertEquals(75.0, d(bench("stage_coverage_pct", "2025-Q1", A), "value"), EPS);
        assertEquals(0.0, d(bench("stage_coverage_pct", "2025-Q1", C), "value"), EPS);
        assertEquals(25.0, d(bench("stage_coverage_pct", "2025-Q1", LONDON), "value"), EPS);
        assertEquals(100.0 * 5 / 12, d(bench("stage_coverage_pct", "2025-Q1", NORTH), "value"), EPS);
        // 2024-Q4: A 2, B 2, E 1 (P9/S1, gone by 2025-Q1) → 5/24
        assertEquals(100.0 * 5 / 24, d(bench("stage_coverage_pct", "2025-Q1", LONDON), "previous_value"), EPS);
    }

    @Test
    void unmetNeedIndexAgainstLondon() {
        // London: C1 60, C2 30, C3 19.5, C4 1 (4.4 WTE per 1,400 → 3.142857 per 1,000)
        // A: 0.4·50/60 + 0.2·40/30 + 0.2·20/19.5 + 0.2·(3.142857/12) = 0.8575091575…
        assertEquals(85.75091575091575, d(bench("unmet_need_index", "2024-25", A), "value"), 1e-9);
        // D: C1 = 0 → left out; (0.2·25/30 + 0.2·40/19.5 + 0.2·3.142857/2.5) / 0.6
        Row dRow = bench("unmet_need_index", "2024-25", D);
        assertEquals(138.05860805860806, d(dRow, "value"), 1e-9);
        assertEquals("left out, weights renormalised: unaddressed_high_distress_pct (zero)", dRow.getAs("note"));
        assertEquals(100.0, d(bench("unmet_need_index", "2024-25", LONDON), "value"), 1e-12);
        // beside it in gold.unmet_need
        Row u = find(CurateJob.UNMET_NEED, Map.of("period", "2024-25", "area_code", A, "breakdown", "all"));
        assertEquals(85.75091575091575, d(u, "unmet_need_index"), 1e-9);
        assertEquals(50.0, d(u, "unaddressed_high_distress_pct"), EPS);
        assertEquals(40.0, d(u, "multimorbidity_pct"), EPS);
        assertEquals(20.0, d(u, "imd_average_score"), EPS);
        assertEquals((4.4 / 1400 * 1000) / 12.0, d(u, "scarcity"), EPS);
        assertNull(find(CurateJob.UNMET_NEED, Map.of("period", "2023-24", "area_code", A, "breakdown", "all"))
                .getAs("unmet_need_index"));
    }

    @Test
    void unmetNeedByDomainAndProfession() {
        Row all = find(CurateJob.UNMET_NEED, Map.of("period", "2024-25", "area_code", LONDON, "breakdown", "all"));
        assertEquals(5L, (long) all.getAs("assessments"));
        assertEquals(8L, (long) all.getAs("concerns"));
        assertEquals(5L, (long) all.getAs("high_distress_concerns"));
        assertEquals(3L, (long) all.getAs("high_distress_without_action"));
        assertEquals(2L, (long) all.getAs("declined_concerns"));
        assertEquals(160.0, d(all, "concerns_per_100_assessments"), EPS);
        assertEquals(62.5, d(all, "high_distress_pct"), EPS);
        assertEquals(60.0, d(all, "high_distress_without_action_pct"), EPS);
        // Wilson 95%: 5 of 8, z = 1.959964: (2·5 + z² ∓ z·√(z² + 4·5·3/8)) ÷ (2·(8 + z²)) = 30.5742…%, 86.3156…%
        assertEquals(30.574239265, d(all, "high_distress_pct_lower_ci95"), 1e-6);
        assertEquals(86.315571526, d(all, "high_distress_pct_upper_ci95"), 1e-6);
        // 3 of 5 without action: 23.0724…%, 88.2379…%
        assertEquals(23.072427941, d(all, "high_distress_without_action_pct_lower_ci95"), 1e-6);
        assertEquals(88.237922686, d(all, "high_distress_without_action_pct_upper_ci95"), 1e-6);
        // physical: fatigue ×2, pain, eating, sore mouth, breathing, from all five assessments
        Row physical = find(
                CurateJob.UNMET_NEED, Map.of("period", "2024-25", "area_code", LONDON, "breakdown_code", "physical"));
        assertEquals(6L, (long) physical.getAs("concerns"));
        assertEquals(5L, (long) physical.getAs("assessments_with_concern"));
        assertEquals(4L, (long) physical.getAs("high_distress_concerns"));
        // physiotherapist: fatigue (H1, H2), pain (H1), breathing (H5); eating and sore mouth count for dietitian and
        // SLT both
        Row physio = find(
                CurateJob.UNMET_NEED,
                Map.of("period", "2024-25", "area_code", LONDON, "breakdown_code", "physiotherapist"));
        assertEquals(4L, (long) physio.getAs("concerns"));
        assertEquals(3L, (long) physio.getAs("assessments_with_concern"));
        assertEquals(2L, (long) find(
                        CurateJob.UNMET_NEED,
                        Map.of("period", "2024-25", "area_code", LONDON, "breakdown_code", "dietitian"))
                .getAs("concerns"));
        assertEquals(2L, (long) find(
                        CurateJob.UNMET_NEED,
                        Map.of(
                                "period",
                                "2024-25",
                                "area_code",
                                LONDON,
                                "breakdown_code",
                                "speech_and_language_therapist"))
                .getAs("concerns"));
        // a borough with no assessments still has its rows, at zero
        Row c = find(CurateJob.UNMET_NEED, Map.of("period", "2024-25", "area_code", C, "breakdown", "all"));
        assertEquals(0L, (long) c.getAs("concerns"));
        assertNull(c.getAs("high_distress_pct"));
        assertNull(c.getAs("high_distress_pct_lower_ci95")); // no concerns: no interval
        assertNull(c.getAs("high_distress_pct_upper_ci95"));
    }

    @Test
    void workforceRatiosByProfessionAndStaffGroup() {
        Row london = find(
                CurateJob.WORKFORCE_RATIOS,
                Map.of("period", "2025-03-31", "area_code", LONDON, "profession", "all", "staff_group", "all"));
        assertEquals(6.5, d(london, "wte_in_post"), EPS);
        assertEquals(7.0, d(london, "wte_funded"), EPS);
        assertEquals(0.5, d(london, "vacancy_wte"), EPS);
        assertEquals(100 * 0.5 / 7.0, d(london, "vacancy_rate_pct"), EPS);
        assertEquals(3.25, d(london, "wte_in_post_per_100k"), EPS); // 6.5 / 200,000
        assertEquals(1400L, (long) london.getAs("living_with_cancer"));
        assertEquals(4.4, d(london, "cancer_wte"), EPS);
        assertEquals(1L, (long) london.getAs("rows_without_caseload_share"));
        // D, occupational therapists, generalists: W4 × 0.8
        Row ot = find(
                CurateJob.WORKFORCE_RATIOS,
                Map.of(
                        "period",
                        "2025-03-31",
                        "area_code",
                        D,
                        "profession",
                        "occupational_therapist",
                        "staff_group",
                        "generalist"));
        assertEquals(0.4, d(ot, "wte_in_post"), EPS);
        assertEquals(0.8, d(ot, "wte_funded"), EPS);
        assertEquals(50.0, d(ot, "vacancy_rate_pct"), EPS);
        assertEquals("Occupational therapists", ot.getAs("profession_label"));
        Row support = find(
                CurateJob.WORKFORCE_RATIOS,
                Map.of(
                        "period",
                        "2025-03-31",
                        "area_code",
                        D,
                        "profession",
                        "rehab_support_worker",
                        "staff_group",
                        "all"));
        assertEquals(1.0, d(support, "wte_in_post"), EPS);
        assertEquals("Rehab Support Worker", support.getAs("profession_label"));
        // the older position holds W1 and W2 only
        assertEquals(
                3.0,
                d(
                        find(
                                CurateJob.WORKFORCE_RATIOS,
                                Map.of(
                                        "period",
                                        "2024-03-31",
                                        "area_code",
                                        LONDON,
                                        "profession",
                                        "all",
                                        "staff_group",
                                        "all")),
                        "wte_in_post"),
                EPS);
    }

    @Test
    void serviceMapGapsRiskAndSingleHanded() {
        Row aRest = find(
                CurateJob.SERVICE_MAP,
                Map.of(
                        "area_code",
                        A,
                        "pathway_stage",
                        "restorative",
                        "tumour_group",
                        "breast",
                        "setting",
                        "community"));
        assertEquals("2025-Q1", aRest.getAs("period"));
        assertEquals(1L, (long) aRest.getAs("active_services")); // P1/S1 serves 'all' tumour groups
        assertEquals(1L, (long) aRest.getAs("services_at_risk"));
        assertFalse(aRest.<Boolean>getAs("gap"));
        assertEquals(List.of("P1/S1"), aRest.getList(aRest.fieldIndex("at_risk_service_keys")));
        // P1/S2: linked workforce W4 0.5 WTE → single-handed
        Row dSupp = find(
                CurateJob.SERVICE_MAP,
                Map.of("area_code", D, "pathway_stage", "supportive", "tumour_group", "breast", "setting", "home"));
        assertEquals(1L, (long) dSupp.getAs("single_handed_services"));
        assertEquals(0L, (long) dSupp.getAs("services_at_risk"));
        // P3/S1 has no linked workforce: never single-handed
        Row aPall = find(
                CurateJob.SERVICE_MAP,
                Map.of("area_code", A, "pathway_stage", "palliative", "tumour_group", "lung", "setting", "hospice"));
        assertEquals(1L, (long) aPall.getAs("active_services"));
        assertEquals(0L, (long) aPall.getAs("single_handed_services"));
        // P9/S1 stopped appearing: E restorative breast community is a gap
        assertTrue(find(
                        CurateJob.SERVICE_MAP,
                        Map.of(
                                "area_code",
                                E,
                                "pathway_stage",
                                "restorative",
                                "tumour_group",
                                "breast",
                                "setting",
                                "community"))
                .<Boolean>getAs("gap"));
        // North counts P1/S1 once
        assertEquals(1L, (long) find(
                        CurateJob.SERVICE_MAP,
                        Map.of(
                                "area_code",
                                NORTH,
                                "pathway_stage",
                                "preventative",
                                "tumour_group",
                                "lung",
                                "setting",
                                "community"))
                .getAs("active_services"));
        // 10 areas × 4 stages × 12 tumour groups × 6 settings
        assertEquals(10 * 4 * 12 * 6, tables.get(CurateJob.SERVICE_MAP).size());
    }

    @Test
    void comorbidityBurdenWithSupplierFlags() {
        Row a = find(CurateJob.COMORBIDITY_BURDEN, Map.of("area_code", A, "condition_code", "ANY2"));
        assertEquals(2L, (long) a.getAs("cells"));
        assertEquals(1L, (long) a.getAs("cells_supplier_suppressed"));
        assertTrue(a.<Boolean>getAs("supplier_suppressed"));
        assertEquals(100L, (long) a.getAs("cancer_register_count"));
        assertEquals(40L, (long) a.getAs("with_condition_count"));
        assertEquals(200L, (long) a.getAs("living_with_cancer"));
        assertEquals("Two or more other long-term conditions", a.getAs("condition_description"));
        Row hyp = find(CurateJob.COMORBIDITY_BURDEN, Map.of("area_code", LONDON, "condition_code", "HYP"));
        assertEquals(50L, (long) hyp.getAs("with_condition_count")); // A's 30 + 20
        assertEquals(25.0, d(hyp, "with_condition_pct"), EPS);
        // Wilson 95% of 50 of 200: 19.5082…%, 31.4341…%
        assertEquals(19.508167968, d(hyp, "lower_ci95"), 1e-6);
        assertEquals(31.434098366, d(hyp, "upper_ci95"), 1e-6);
        assertEquals("Hypertension", hyp.getAs("condition_description"));
    }
}
