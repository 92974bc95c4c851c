package org.rehabmap.publish;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.DisclosureSpec;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.Geography;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** METHODS.md disclosure control on the fixture tables that trip each rule. */
@ExtendWith(SharedSpark.class)
class DisclosureTest {
    static PublishedTable bench;
    static PublishedTable unmet;
    static PublishedTable workforce;
    static Disclosure disclosure;

    @BeforeAll
    static void publish() throws Exception {
        Path ws = SharedSpark.newWorkspace("disclosure");
        Settings s = SampleGold.settings(ws, "", "", "");
        Lake lake = new Lake(SharedSpark.session(), s.location("paths.lake"));
        Map<String, GoldContract> contracts =
                Contracts.load(Path.of(s.location("paths.contracts"))).gold();
        Catalogue cat = Catalogue.from(s);
        Geography areas = SampleGold.areas();
        disclosure = new Disclosure(s.getInt("disclosure.min"), s.getInt("disclosure.max"));
        bench = PublishJob.read(
                lake, "gold.benchmarks", contracts.get("gold.benchmarks"), cat, areas, disclosure, 100_000);
        unmet = PublishJob.read(
                lake, "gold.unmet_need", contracts.get("gold.unmet_need"), cat, areas, disclosure, 100_000);
        workforce = PublishJob.read(
                lake, "gold.workforce_ratios", contracts.get("gold.workforce_ratios"), cat, areas, disclosure, 100_000);
    }

    static Object[] row(PublishedTable t, String indicator, String period, String area) {
        for (Object[] r : t.rows()) {
            if (r[t.index("indicator_id")].equals(indicator)
                    && r[t.index("period")].equals(period)
                    && r[t.index("area_code")].equals(area)) {
                return r;
            }
        }
        throw new AssertionError("no row " + indicator + " " + period + " " + area);
    }

    static boolean masked(PublishedTable t, Object[] r, String col) {
        return t.masked().get(t.rows().indexOf(r))[t.index(col)];
    }

    @Test
    void aSmallCountAndEverythingBuiltOnItIsWithheld() {
        Object[] r = row(bench, SampleGold.PEOPLE, "2024-25", SampleGold.SMALL);
        for (String c : List.of("numerator", "value", "lower_ci95", "upper_ci95", "significance")) {
            assertNull(r[bench.index(c)], c);
            assertTrue(masked(bench, r, c), c);
        }
        assertEquals(true, r[bench.index("suppressed")]);
        // the denominator (40) is not small: it stays, as METHODS.md suppresses counts 1–7 only
        assertEquals(40.0, r[bench.index("denominator")]);
        assertEquals(SampleGold.SMALL, r[bench.index("area_code")]);
    }

    @Test
    void zeroIsShown() {
        Object[] r = row(bench, SampleGold.PEOPLE, "2024-25", SampleGold.ZERO);
        assertEquals(0.0, r[bench.index("numerator")]);
        assertEquals(0.0, r[bench.index("value")]);
        assertFalse(masked(bench, r, "numerator"));
    }

    @Test
    void aTinyDenominatorTakesTheRateWithIt() {
        Object[] r = row(bench, SampleGold.MULTI, "2024-25", SampleGold.TINY);
        assertNull(r[bench.index("numerator")]);
        assertNull(r[bench.index("denominator")]);
        assertNull(r[bench.index("value")]);
        assertTrue(masked(bench, r, "value"));
    }

    @Test
    void theNextSmallestSiblingIsWithheldSoTheSmallCountCannotBeWorkedOut() {
        // City of London's STP is North East London (E54000029); its total is published
        Geography areas = SampleGold.areas();
        String stp = areas.area(SampleGold.SMALL).parentCode();
        Object[] total = row(bench, SampleGold.PEOPLE, "2024-25", stp);
        assertNotNull(total[bench.index("numerator")]);
        List<Object[]> siblings = new ArrayList<>();
        for (Geography.Area b : areas.ofLevel("borough")) {
            if (b.parentCode().equals(stp)) {
                siblings.add(row(bench, SampleGold.PEOPLE, "2024-25", b.code()));
            }
        }
        long withheld =
                siblings.stream().filter(r -> masked(bench, r, "numerator")).count();
        assertEquals(2, withheld, "the small count and one sibling");
        // the one chosen is the smallest of the rest in gold
        double smallestShown = siblings.stream()
                .filter(r -> !masked(bench, r, "numerator"))
                .mapToDouble(r -> (Double) r[bench.index("numerator")])
                .min()
                .orElseThrow();
        Map<String, double[]> raw = new java.util.HashMap<>();
        for (org.apache.spark.sql.Row g : SampleGold.benchmarks(areas)) {
            if (g.getString(0).equals(SampleGold.PEOPLE) && g.getString(1).equals("2024-25") && !g.isNullAt(5)) {
                raw.put(g.getString(3), new double[] {g.getDouble(5)});
            }
        }
        Object[] second = siblings.stream()
                .filter(r -> masked(bench, r, "numerator") && !r[bench.index("area_code")].equals(SampleGold.SMALL))
                .findFirst()
                .orElseThrow();
        assertTrue(raw.get((String) second[bench.index("area_code")])[0] <= smallestShown);
    }

    @Test
    void whatGoldAlreadySuppressedStaysWithheld() {
        Object[] r = row(bench, SampleGold.PEOPLE, "2024-25", SampleGold.UPSTREAM);
        assertTrue(masked(bench, r, "numerator"));
        assertTrue(masked(bench, r, "value"));
        assertEquals(true, r[bench.index("suppressed")]);
    }

    @Test
    void workforceFiguresAreNotPeopleAndAreNotSuppressed() {
        for (Object[] r : bench.rows()) {
            if (!r[bench.index("indicator_id")].equals(SampleGold.WTE)) {
                continue;
            }
            assertNotNull(r[bench.index("numerator")]);
            assertEquals(false, r[bench.index("suppressed")]);
        }
        assertTrue(workforce.rows().stream().anyMatch(r -> (Double) r[workforce.index("wte_in_post")] < 8));
        assertFalse(workforce.has("suppressed"), "a table that counts nobody gets no suppressed column");
    }

    @Test
    void aRowDescribingFewerThanEightPeopleLosesEveryNumber() {
        for (int i = 0; i < unmet.rows().size(); i++) {
            Object[] r = unmet.rows().get(i);
            if (!r[unmet.index("area_code")].equals("E09000009")) {
                continue;
            }
            for (String c : List.of("assessments", "concerns", "declined_concerns", "declined_pct")) {
                assertNull(r[unmet.index(c)], c);
                assertTrue(unmet.masked().get(i)[unmet.index(c)], c);
            }
        }
    }

    @Test
    void aWithheldDomainTakesTheNextSmallestDomainWithIt() {
        List<Object[]> domains = unmet.rows().stream()
                .filter(r ->
                        r[unmet.index("area_code")].equals("E09000010") && r[unmet.index("breakdown")].equals("domain"))
                .toList();
        assertEquals(3, domains.size());
        assertEquals(
                2,
                domains.stream()
                        .filter(r -> r[unmet.index("declined_concerns")] == null)
                        .count());
        for (Object[] r : domains) {
            assertEquals(r[unmet.index("declined_concerns")] == null, r[unmet.index("declined_pct")] == null);
        }
    }

    @Test
    void noPublishedCountOfPeopleIsBetweenOneAndSeven() {
        for (PublishedTable t : List.of(bench, unmet)) {
            DisclosureSpec spec = t.contract().disclosure();
            for (Object[] r : t.rows()) {
                if (t == bench && r[t.index("indicator_id")].equals(SampleGold.WTE)) {
                    continue;
                }
                for (String c : spec.counts()) {
                    Object v = r[t.index(c)];
                    if (v == null) {
                        continue;
                    }
                    double d = ((Number) v).doubleValue();
                    assertFalse(d >= disclosure.min() && d <= disclosure.max(), t.name() + "." + c + " = " + d);
                }
            }
        }
    }

    @Test
    void rowsKeepGoldsOrder() {
        assertEquals(
                SampleGold.benchmarks(SampleGold.areas()).size(), bench.rows().size());
        assertEquals(SampleGold.WTE, bench.rows().get(0)[bench.index("indicator_id")]);
        assertEquals(SampleGold.INDEX, bench.rows().get(bench.rows().size() - 1)[bench.index("indicator_id")]);
    }
}
