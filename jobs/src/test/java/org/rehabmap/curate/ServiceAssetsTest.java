package org.rehabmap.curate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.OutputCheck;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.testing.SharedSpark;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.B;
import static org.rehabmap.gold.GoldFixtures.C;
import static org.rehabmap.gold.GoldFixtures.D;
import static org.rehabmap.gold.GoldFixtures.E;
import static org.rehabmap.gold.GoldFixtures.LONDON;
import static org.rehabmap.gold.GoldFixtures.NORTH;
import static org.rehabmap.gold.GoldFixtures.SOUTH;
import static org.rehabmap.gold.GoldFixtures.config;
import static org.rehabmap.gold.GoldFixtures.settings;

/**
 * gold.service_directory, gold.asset_map, the services' use in gold.service_map and the funding state
 * of services_at_risk_pct on a worked example, disclosure control on (counts 1–7), as-of 2025-06-30 (which
 * must not matter: each return is judged against its own period's end, risk window 365 days).
 * <pre>
 * services (provider/service, period, boroughs, level, routes, funding end, referrals, patients, median wait)
 *   2025-Q1 (ends 2025-03-31, window to 2026-03-31)
 *     P1/S1 [A,B] 4 [self,gp] 2025-12-31 at risk       20 10 14   linked: physiotherapist 2.0, dietitian 1.0
 *     P1/S2 [D]   3 [gp]      2025-02-28 ended         5* 30 30   linked: occupational_therapist 0.5
 *     P3/S1 [A]   2 [cns]     2027-01-01 funded        12  9 40   no linked workforce: meets no domain
 *   2024-Q4 (ends 2024-12-31, window to 2025-12-31)
 *     P1/S1 as above: 2025-12-31 at risk (the window's last day)
 *     P9/S1 [E]   2026-03-31: not at risk against 2024-Q4 (at risk against the as-of date + 365 = 2026-06-30)
 * domains: physiotherapist, dietitian → physical; occupational_therapist → physical, practical
 * HNA 2024-25 high-distress concerns (score 8) by residence: high-distress / of them no_action
 *   A physical 20 / 10, practical 3 / 0 (primary suppression), emotional 12 / 9
 *   B physical 10 / 0, practical 9 / 9;  C physical 8 / 8;  unknown physical 8 / 8 (London only)
 * </pre>
 */
@ExtendWith(SharedSpark.class)
class ServiceAssetsTest {
    static final double EPS = 1e-9;
    static Map<String, List<Row>> tables = new LinkedHashMap<>();
    static Map<String, List<String>> violations = new LinkedHashMap<>();

    @BeforeAll
    static void build() {
        SilverInputs f = SilverFixture.inputs();
        List<Row> svc = List.of(
                svc("P1", "S1", "2025-Q1", List.of(A, B), 4, List.of("self", "gp"), "2025-12-31", 20, 10, 14),
                svc("P1", "S2", "2025-Q1", List.of(D), 3, List.of("gp"), "2025-02-28", 5, 30, 30),
                svc("P3", "S1", "2025-Q1", List.of(A), 2, List.of("cns"), "2027-01-01", 12, 9, 40),
                svc("P1", "S1", "2024-Q4", List.of(A, B), 4, List.of("self", "gp"), "2025-12-31", 20, 10, 14),
                svc("P9", "S1", "2024-Q4", List.of(E), 3, List.of("gp"), "2026-03-31", 50, 40, 10));
        List<Row> hna = new ArrayList<>();
        concerns(hna, A, "fatigue", 20, 10);
        concerns(hna, A, "money_housing", 3, 0);
        concerns(hna, A, "worry_anxiety", 12, 9);
        concerns(hna, B, "fatigue", 10, 0);
        concerns(hna, B, "money_housing", 9, 9);
        concerns(hna, C, "fatigue", 8, 8);
        concerns(hna, "unknown", "fatigue", 8, 8);
        SilverInputs in = new SilverInputs(
                SharedSpark.session().createDataFrame(svc, SilverInputs.SERVICE),
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
        Contracts contracts = Contracts.load(SharedSpark.projectHome().resolve("data-contracts"));
        var built = CurateJob.build(SharedSpark.session(), contracts, in, IndicatorCatalogue.from(settings()), cfg);
        for (GoldWriter.GoldTable t : built.tables()) {
            var rows = t.rows().cache();
            tables.put(t.name(), rows.collectAsList());
            if (!t.name().equals(CurateJob.BENCHMARKS)) {
                violations.put(t.name(), OutputCheck.violations(contracts.gold(t.name()), rows));
            }
        }
    }

    static Row svc(
            String provider,
            String service,
            String period,
            List<String> boroughs,
            int level,
            List<String> routes,
            String fundingEnd,
            int referrals,
            int patients,
            int wait) {
        return RowFactory.create(
                provider,
                service,
                period,
                "Provider " + provider,
                "hospice",
                "Service " + provider + service,
                "community",
                boroughs,
                List.of("all"),
                List.of("restorative"),
                level,
                routes,
                "charity",
                Date.valueOf(fundingEnd),
                referrals,
                patients,
                wait);
    }

    private static int next = 0;

    /** n high-distress concerns of one residence, the first {@code unaddressed} left without action. */
    static void concerns(List<Row> out, String residence, String concern, int n, int unaddressed) {
        for (int i = 0; i < n; i++) {
            String action = i < unaddressed ? "no_action" : "referred";
            out.add(RowFactory.create(
                    "H" + next++,
                    Date.valueOf("2024-10-01"),
                    "2024-25",
                    "P1",
                    residence,
                    "60-69",
                    "female",
                    "lung",
                    "treatment",
                    concern,
                    8,
                    action,
                    action.equals("referred") ? "physiotherapist" : null));
        }
    }

    static Row find(String table, Map<String, Object> key) {
        return tables.get(table).stream()
                .filter(r -> key.entrySet().stream().allMatch(e -> e.getValue().equals(r.getAs(e.getKey()))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + table));
    }

    static Row asset(String area, String domain) {
        return find(CurateJob.ASSET_MAP, Map.of("area_code", area, "domain_code", domain));
    }

    static Row bench(String period, String area) {
        return find(
                CurateJob.BENCHMARKS,
                Map.of("indicator_id", "services_at_risk_pct", "period", period, "area_code", area));
    }

    static Double d(Row r, String c) {
        return r.isNullAt(r.fieldIndex(c)) ? null : ((Number) r.getAs(c)).doubleValue();
    }

    static long n(Row r, String c) {
        return ((Number) r.getAs(c)).longValue();
    }

    /** Wilson by hand (METHODS.md), percent. */
    static double[] wilson(double x, double n) {
        double z = 1.959964;
        double spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
        double den = 2 * (n + z * z);
        return new double[] {100 * (2 * x + z * z - spread) / den, 100 * (2 * x + z * z + spread) / den};
    }

    @Test
    void keepTheirContracts() {
        for (String t : List.of(CurateJob.SERVICE_DIRECTORY, CurateJob.ASSET_MAP, CurateJob.SERVICE_MAP)) {
            assertTrue(violations.get(t).isEmpty(), t + ": " + violations.get(t));
        }
    }

    @Test
    void atRiskIsJudgedAgainstEachPeriodsOwnEndAndEndedFundingIsNotAtRisk() {
        // 2025-Q1: only P1/S1 at risk; P1/S2's funding ended before the period's end (it was counted at risk)
        assertEquals(100.0 / 3, d(bench("2025-Q1", LONDON), "value"), EPS);
        assertEquals(0.0, d(bench("2025-Q1", D), "value"), EPS);
        // 2024-Q4: P9/S1 ends 2026-03-31, after 2024-12-31 + 365 days: not at risk then (the as-of date would say so)
        assertEquals(50.0, d(bench("2024-Q4", LONDON), "value"), EPS);
        assertEquals(0.0, d(bench("2024-Q4", E), "value"), EPS);
        assertEquals(100.0, d(bench("2024-Q4", A), "value"), EPS);
        Row dHome = find(
                CurateJob.SERVICE_MAP,
                Map.of(
                        "area_code", D,
                        "pathway_stage", "restorative",
                        "tumour_group", "lung",
                        "setting", "community"));
        assertEquals(0L, n(dHome, "services_at_risk"));
        assertEquals(1L, n(dHome, "services_funding_ended"));
        assertEquals(List.of("P1/S2"), dHome.getList(dHome.fieldIndex("funding_ended_service_keys")));
    }

    @Test
    void directoryListsEachActiveServiceWithItsProfessionsDomainsAndFunding() {
        assertEquals(3, tables.get(CurateJob.SERVICE_DIRECTORY).size());
        Row s1 = find(CurateJob.SERVICE_DIRECTORY, Map.of("provider_code", "P1", "service_id", "S1"));
        assertEquals("2025-Q1", s1.getAs("period"));
        assertEquals(List.of(A, B), s1.getList(s1.fieldIndex("borough_codes")));
        assertTrue(s1.<Boolean>getAs("self_referral"));
        assertEquals(List.of("dietitian", "physiotherapist"), s1.getList(s1.fieldIndex("professions")));
        assertEquals(List.of(1.0, 2.0), s1.getList(s1.fieldIndex("professions_wte_in_post")));
        assertEquals(List.of("physical"), s1.getList(s1.fieldIndex("domain_codes")));
        assertTrue(s1.<Boolean>getAs("at_risk"));
        assertFalse(s1.<Boolean>getAs("funding_ended"));
        assertEquals(20L, n(s1, "referrals_received"));
        assertEquals(10L, n(s1, "patients_seen"));
        assertEquals(14, (int) s1.<Integer>getAs("median_wait_days"));
        assertFalse(s1.<Boolean>getAs("suppressed"));

        Row s2 = find(CurateJob.SERVICE_DIRECTORY, Map.of("provider_code", "P1", "service_id", "S2"));
        assertFalse(s2.<Boolean>getAs("self_referral"));
        assertEquals(List.of("physical", "practical"), s2.getList(s2.fieldIndex("domain_codes")));
        assertTrue(s2.<Boolean>getAs("funding_ended"));
        assertFalse(s2.<Boolean>getAs("at_risk"));
        // 5 referrals: a count of 1–7, withheld
        assertNull(s2.getAs("referrals_received"));
        assertEquals(30L, n(s2, "patients_seen"));
        assertTrue(s2.<Boolean>getAs("suppressed"));

        Row p3 = find(CurateJob.SERVICE_DIRECTORY, Map.of("provider_code", "P3", "service_id", "S1"));
        assertEquals(List.of(), p3.getList(p3.fieldIndex("professions")));
        assertEquals(List.of(), p3.getList(p3.fieldIndex("domain_codes")));
        assertFalse(p3.<Boolean>getAs("at_risk"));
        assertFalse(p3.<Boolean>getAs("funding_ended"));
    }

    @Test
    void serviceMapCarriesUseAndWaitCountingAServiceOncePerArea() {
        Map<String, Object> cell = new LinkedHashMap<>(
                Map.of("pathway_stage", "restorative", "tumour_group", "lung", "setting", "community"));
        cell.put("area_code", A);
        Row a = find(CurateJob.SERVICE_MAP, cell);
        // P1/S1 and P3/S1: 20 + 12 referrals, 10 + 9 patients, median of 14 and 40
        assertEquals(32L, n(a, "referrals_received"));
        assertEquals(19L, n(a, "patients_seen"));
        assertEquals(27.0, d(a, "median_wait_days"), EPS);
        cell.put("area_code", NORTH);
        // P1/S1 serves A and B: once; P3/S1 once
        assertEquals(32L, n(find(CurateJob.SERVICE_MAP, cell), "referrals_received"));
        cell.put("area_code", SOUTH);
        Row south = find(CurateJob.SERVICE_MAP, cell);
        // P1/S2's 5 referrals are withheld in the directory: the sum that holds them goes too
        assertNull(south.getAs("referrals_received"));
        assertEquals(30L, n(south, "patients_seen"));
        assertTrue(south.<Boolean>getAs("suppressed"));
    }

    @Test
    void assetMapSetsNeedBesideTheServicesMeetingEachDomain() {
        // every area × the five domains of silver.concern
        assertEquals(10 * 5, tables.get(CurateJob.ASSET_MAP).size());
        Row a = asset(A, "physical");
        assertEquals("2024-25", a.getAs("period"));
        assertEquals("2025-Q1", a.getAs("return_period"));
        assertEquals(20L, n(a, "high_distress_concerns"));
        assertEquals(10L, n(a, "high_distress_without_action"));
        assertEquals(50.0, d(a, "unaddressed_high_distress_pct"), EPS);
        double[] w = wilson(10, 20);
        assertEquals(w[0], d(a, "lower_ci95"), 1e-9);
        assertEquals(w[1], d(a, "upper_ci95"), 1e-9);
        // P1/S1 only (P3/S1 has no linked workforce)
        assertEquals(1L, n(a, "services_meeting"));
        assertEquals(1L, n(a, "self_referral_services"));
        assertEquals(1L, n(a, "specialist_services"));
        assertEquals(1L, n(a, "services_at_risk"));
        assertEquals(20L, n(a, "referrals_received"));
        assertEquals(14.0, d(a, "median_wait_days"), EPS);
        assertFalse(a.<Boolean>getAs("gap"));
        assertEquals(List.of("P1/S1"), a.getList(a.fieldIndex("service_keys")));

        // emotional: 12 concerns raised, no service meets the domain
        Row emo = asset(A, "emotional");
        assertTrue(emo.<Boolean>getAs("gap"));
        assertEquals(75.0, d(emo, "unaddressed_high_distress_pct"), EPS);
        assertEquals(0L, n(emo, "services_meeting"));

        // North physical: A 20 + B 10 + C 8 = 38, 18 without action; P1/S1 once
        Row north = asset(NORTH, "physical");
        assertEquals(38L, n(north, "high_distress_concerns"));
        assertEquals(100.0 * 18 / 38, d(north, "unaddressed_high_distress_pct"), EPS);
        assertEquals(1L, n(north, "services_meeting"));
        assertEquals(20L, n(north, "referrals_received"));

        // London physical: + 8 unknown residence = 46, 26; P1/S1 and P1/S2 (ended, so not at risk)
        Row london = asset(LONDON, "physical");
        assertEquals(46L, n(london, "high_distress_concerns"));
        assertEquals(26L, n(london, "high_distress_without_action"));
        assertEquals(2L, n(london, "services_meeting"));
        assertEquals(1L, n(london, "services_at_risk"));
        assertEquals(1L, n(london, "self_referral_services"));
        assertEquals(22.0, d(london, "median_wait_days"), EPS);
        assertNull(london.getAs("referrals_received"));
        assertEquals(40L, n(london, "patients_seen"));
        // practical: B 9 / 9 + A 3 / 0; met by P1/S2 (occupational therapist) in South only
        Row londonPractical = asset(LONDON, "practical");
        assertEquals(12L, n(londonPractical, "high_distress_concerns"));
        assertEquals(75.0, d(londonPractical, "unaddressed_high_distress_pct"), EPS);
        assertEquals(1L, n(londonPractical, "services_meeting"));
    }

    @Test
    void aSmallCountIsWithheldWithTheSiblingsThatWouldGiveItAway() {
        // A practical: 3 high-distress concerns, primary suppression; a gap all the same (concerns were raised)
        Row a = asset(A, "practical");
        assertNull(a.getAs("high_distress_concerns"));
        assertNull(a.getAs("unaddressed_high_distress_pct"));
        assertNull(a.getAs("lower_ci95"));
        assertTrue(a.<Boolean>getAs("suppressed"));
        assertTrue(a.<Boolean>getAs("gap"));
        // A's domains add up to its high-distress concerns (gold.unmet_need): the next smallest goes too,
        // here family (0; tied with spiritual, first by code), while the others stay
        assertNull(asset(A, "family").getAs("high_distress_concerns"));
        assertTrue(asset(A, "family").<Boolean>getAs("suppressed"));
        assertEquals(0L, n(asset(A, "spiritual"), "high_distress_concerns"));
        assertEquals(12L, n(asset(A, "emotional"), "high_distress_concerns"));
        // North's boroughs add up to North: C practical (0, the next smallest after A) goes too, B's 9 stays
        assertNull(asset(C, "practical").getAs("high_distress_concerns"));
        assertTrue(asset(C, "practical").<Boolean>getAs("suppressed"));
        assertEquals(9L, n(asset(B, "practical"), "high_distress_concerns"));
        // and North itself is published: 12, so A's 3 cannot be had from North − B − C
        assertEquals(12L, n(asset(NORTH, "practical"), "high_distress_concerns"));
    }
}
