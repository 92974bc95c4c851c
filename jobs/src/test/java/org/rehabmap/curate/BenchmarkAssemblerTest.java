package org.rehabmap.curate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.testing.SharedSpark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.curate.CurateFixtures.indicator;
import static org.rehabmap.curate.CurateFixtures.m;
import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.ALLIANCE;
import static org.rehabmap.gold.GoldFixtures.B;
import static org.rehabmap.gold.GoldFixtures.C;
import static org.rehabmap.gold.GoldFixtures.D;
import static org.rehabmap.gold.GoldFixtures.E;
import static org.rehabmap.gold.GoldFixtures.F;
import static org.rehabmap.gold.GoldFixtures.LONDON;
import static org.rehabmap.gold.GoldFixtures.NORTH;
import static org.rehabmap.gold.GoldFixtures.SOUTH;
import static org.rehabmap.gold.GoldFixtures.config;
import static org.rehabmap.gold.GoldFixtures.geography;
import static org.rehabmap.gold.GoldFixtures.withComponents;

/**
 * gold.benchmarks statistics on hand-made sums (Spark only for secondary suppression). Expected limits come from the
 * METHODS.md formulas evaluated by hand (z = 1.959964 and 3.090232), written out next to each.
 */
@ExtendWith(SharedSpark.class)
class BenchmarkAssemblerTest {
    static final double EPS = 1e-9;
    static final String FY = "2024-25";
    static final String PREV = "2023-24";
    static final String POS = "2025-03-31";

    static BenchmarkAssembler.Result result;

    @BeforeAll
    static void assemble() {
        IndicatorDefinition pct = indicator(
                "id = t_pct, multiplier = 100, ci = wilson, polarity = high_is_good, disclosure = true, kind = hna_concerns");
        IndicatorDefinition rate = indicator(
                "id = t_rate, multiplier = 100, ci = byar, polarity = low_is_good, disclosure = false, kind = hna_assessments, "
                        + "inputs { denominator = living_with_cancer }");
        IndicatorDefinition wte = indicator(
                "id = t_wte, multiplier = 100000, ci = none, polarity = high_is_good, disclosure = false, kind = workforce, "
                        + "inputs { excluded-note = \"{n} generalist row(s) left out\" }");
        IndicatorDefinition index = indicator(
                "id = t_index, multiplier = 100, ci = none, polarity = low_is_good, disclosure = false, kind = unmet_need_index");
        IndicatorCatalogue catalogue = new IndicatorCatalogue(List.of(pct, rate, wte, index));
        CurateConfig cfg = withComponents(
                config(LocalDate.of(2025, 6, 30)),
                List.of(
                        new CurateConfig.IndexComponent("c1", "t_pct", null, false, 0.4),
                        new CurateConfig.IndexComponent("c3", null, CurateConfig.IMD_SOURCE, false, 0.2),
                        new CurateConfig.IndexComponent("c4", "t_wte", null, true, 0.2)));
        Geography geo = geography();
        Denominators den = new Denominators(Map.of(), Map.of(), Map.of(), null);

        List<Measure> ms = new ArrayList<>();
        // t_pct x/n: A 5/20 (a count of 1–7), B 30/60, C 40/80, D 20/100, E 45/90, F 60/100;
        // North 75/160, South 125/290, alliance and London 200/450
        for (String p : List.of(FY, PREV)) {
            ms.add(m("t_pct", p, "borough", A, 5, 20.0));
            ms.add(m("t_pct", p, "borough", B, 30, 60.0));
            ms.add(m("t_pct", p, "borough", C, 40, 80.0));
            ms.add(m("t_pct", p, "borough", D, p.equals(FY) ? 20 : 10, 100.0));
            ms.add(m("t_pct", p, "borough", E, 45, 90.0));
            ms.add(m("t_pct", p, "borough", F, 60, 100.0));
            ms.add(m("t_pct", p, "stp", NORTH, 75, 160.0));
            ms.add(m("t_pct", p, "stp", SOUTH, p.equals(FY) ? 125 : 115, 290.0));
            ms.add(m("t_pct", p, "alliance", ALLIANCE, p.equals(FY) ? 200 : 190, 450.0));
            ms.add(m("t_pct", p, "london", LONDON, p.equals(FY) ? 200 : 190, 450.0));
        }
        // t_rate: London 12 per 1,000 living with cancer; A 0 per 100
        ms.add(m("t_rate", FY, "london", LONDON, 12, 1000.0));
        ms.add(m("t_rate", FY, "borough", A, 0, 100.0));
        // t_wte WTE / population: A 1 (10 per 100k), B 1 (5), C 6 (20), D 2 (5), E 20 (40), F 10 (20); London 40 /
        // 200,000 = 20
        ms.add(new Measure("t_wte", POS, "borough", A, 1.0, 10_000.0, 2));
        ms.add(m("t_wte", POS, "borough", B, 1, 20_000.0));
        ms.add(m("t_wte", POS, "borough", C, 6, 30_000.0));
        ms.add(m("t_wte", POS, "borough", D, 2, 40_000.0));
        ms.add(m("t_wte", POS, "borough", E, 20, 50_000.0));
        ms.add(m("t_wte", POS, "borough", F, 10, 50_000.0));
        ms.add(m("t_wte", POS, "stp", NORTH, 8, 60_000.0));
        ms.add(m("t_wte", POS, "stp", SOUTH, 32, 0.0));
        ms.add(m("t_wte", POS, "alliance", ALLIANCE, 40, 200_000.0));
        ms.add(m("t_wte", POS, "london", LONDON, 40, 200_000.0));
        // IMD: A 10, D 30, London 20
        result = new BenchmarkAssembler(
                        SharedSpark.session(),
                        Contracts.load(SharedSpark.projectHome().resolve("data-contracts"))
                                .gold("gold.benchmarks"),
                        catalogue,
                        geo,
                        den,
                        cfg)
                .assemble(ms, Map.of(A, 10.0, D, 30.0, LONDON, 20.0));
    }

    static BenchmarkRow row(String id, String period, String code) {
        return result.rows().stream()
                .filter(r -> r.indicatorId().equals(id)
                        && r.period().equals(period)
                        && r.areaCode().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " " + period + " " + code));
    }

    @Test
    void wilsonPercentageWithLimitsAtBothLevels() {
        BenchmarkRow d = row("t_pct", FY, D);
        assertEquals(20.0, d.value(), EPS); // 100 × 20 / 100
        assertEquals(20.0, d.numerator(), EPS);
        assertEquals(100.0, d.denominator(), EPS);
        // (2·20 + z² ∓ z·√(z² + 4·20·(1 − 0.2))) / (2·(100 + z²)) × 100
        assertEquals(13.336693289714836, d.lowerCi95(), 1e-9);
        assertEquals(28.882916636424937, d.upperCi95(), 1e-9);
        assertEquals(10.519162738775707, d.lowerCi998(), 1e-9);
        assertEquals(34.71109255197878, d.upperCi998(), 1e-9);
        assertEquals(100.0 * 200 / 450, d.londonValue(), EPS);
    }

    @Test
    void significanceFollowsPolarityAndLevel() {
        // London 44.44: D's 95% CI (13.3, 28.9) lies below it and high is good → worse; 99.8% (10.5, 34.7) too
        assertEquals("worse", row("t_pct", FY, D).significance());
        assertEquals("worse", row("t_pct", FY, D).significance998());
        // F 60/100: 95% (50.2, 69.1) and 99.8% (44.64, 73.6) both above 44.44 → better
        assertEquals("better", row("t_pct", FY, F).significance());
        assertEquals("better", row("t_pct", FY, F).significance998());
        // E 45/90 = 50%: (39.9, 60.1) spans London → similar
        assertEquals("similar", row("t_pct", FY, E).significance());
        // London's own row, and an indicator without a CI, are never compared
        assertEquals("not_compared", row("t_pct", FY, LONDON).significance());
        assertEquals("not_compared", row("t_wte", POS, E).significance());
        assertNull(row("t_wte", POS, E).lowerCi95());
    }

    @Test
    void smallCountIsSuppressedWithTheNextSmallestSibling() {
        BenchmarkRow a = row("t_pct", FY, A);
        assertTrue(a.suppressed());
        assertNull(a.value());
        assertNull(a.numerator());
        assertNull(a.denominator());
        assertNull(a.lowerCi95());
        assertEquals("not_compared", a.significance());
        assertTrue(a.note().contains("disclosure control"));
        // North = A + B + C is published, so A = North − B − C; B (30) is the smallest sibling left
        BenchmarkRow b = row("t_pct", FY, B);
        assertTrue(b.suppressed());
        assertNull(b.value());
        assertTrue(b.note().contains("neighbouring"));
        assertFalse(row("t_pct", FY, C).suppressed());
        assertFalse(row("t_pct", FY, NORTH).suppressed());
        assertFalse(row("t_pct", FY, D).suppressed());
        // disclosure off: the same small counts are published
        assertFalse(row("t_rate", FY, A).suppressed());
    }

    @Test
    void byarAboveTenAndExactPoissonAtZero() {
        BenchmarkRow l = row("t_rate", FY, LONDON);
        assertEquals(1.2, l.value(), EPS); // 12 / 1000 × 100
        // Byar: 12·(1 − 1/108 − z/(3√12))³ = 6.193509808620055; 13·(1 − 1/117 + z/(3√13))³ = 20.962858130267684; ÷ 1000
        // × 100
        assertEquals(0.6193509808620055, l.lowerCi95(), 1e-9);
        assertEquals(2.0962858130267684, l.upperCi95(), 1e-9);
        BenchmarkRow a = row("t_rate", FY, A);
        assertEquals(0.0, a.value(), EPS);
        // O = 0: lower 0; upper χ²⁻¹(0.975, 2)/2 = 3.6888794541139354 (99.8%: χ²⁻¹(0.999, 2)/2 = 6.907755278982137), ÷
        // 100 × 100
        assertEquals(0.0, a.lowerCi95(), EPS);
        assertEquals(3.6888794541139354, a.upperCi95(), 1e-6);
        assertEquals(6.907755278982137, a.upperCi998(), 1e-6);
        // low is good; (0, 3.69) spans London's 1.2
        assertEquals("similar", a.significance());
    }

    @Test
    void rankAndQuintileAmongAreasOfOneLevel() {
        // per 100k: A 10, B 5, C 20, D 5, E 40, F 20 (high is good); equal values share a rank
        assertEquals(4, row("t_wte", POS, A).rank());
        assertEquals(5, row("t_wte", POS, B).rank());
        assertEquals(2, row("t_wte", POS, C).rank());
        assertEquals(5, row("t_wte", POS, D).rank());
        assertEquals(1, row("t_wte", POS, E).rank());
        assertEquals(2, row("t_wte", POS, F).rank());
        // NTILE(5) over E, C, F, A, B, D (ties in code order): 6 areas, the first tile takes two
        assertEquals(1, row("t_wte", POS, E).quintile());
        assertEquals(1, row("t_wte", POS, C).quintile());
        assertEquals(2, row("t_wte", POS, F).quintile());
        assertEquals(3, row("t_wte", POS, A).quintile());
        assertEquals(4, row("t_wte", POS, B).quintile());
        assertEquals(5, row("t_wte", POS, D).quintile());
        // t_pct boroughs: A and B suppressed, four values left → ranks but no quintiles
        assertEquals(1, row("t_pct", FY, F).rank());
        assertEquals(2, row("t_pct", FY, C).rank());
        assertEquals(2, row("t_pct", FY, E).rank());
        assertEquals(4, row("t_pct", FY, D).rank());
        assertNull(row("t_pct", FY, F).quintile());
        assertNull(row("t_pct", FY, A).rank());
        // one London: rank 1, never a quintile
        assertEquals(1, row("t_pct", FY, LONDON).rank());
        assertNull(row("t_pct", FY, LONDON).quintile());
    }

    @Test
    void trendAgainstThePreviousPeriod() {
        assertEquals(10.0, row("t_pct", FY, D).previousValue(), EPS);
        assertEquals("increasing", row("t_pct", FY, D).trend());
        assertEquals("no_change", row("t_pct", FY, C).trend());
        // South 115/290 → 125/290
        assertEquals("increasing", row("t_pct", FY, SOUTH).trend());
        assertNull(row("t_pct", PREV, D).previousValue());
        assertNull(row("t_pct", PREV, D).trend());
        // suppressed in both years: nothing to compare
        assertNull(row("t_pct", FY, A).previousValue());
        assertNull(row("t_pct", FY, A).trend());
    }

    @Test
    void notesSayWhatWasLeftOutAndWhyThereIsNoValue() {
        assertEquals("2 generalist row(s) left out", row("t_wte", POS, A).note());
        BenchmarkRow south = row("t_wte", POS, SOUTH);
        assertNull(south.value());
        assertNull(south.rank());
        assertEquals("no value: the denominator is 0", south.note());
    }

    @Test
    void unmetNeedIndexWithComponentsRelativeToLondon() {
        // D: C1 20 / 44.44 = 0.45; C3 30 / 20 = 1.5; C4 = (20 per 100k in London / 5 in D) / 1 = 4
        // 100 × (0.4·0.45 + 0.2·1.5 + 0.2·4) / 0.8 = 160
        BenchmarkRow d = row("t_index", FY, D);
        assertEquals(160.0, d.value(), 1e-9);
        assertNull(d.note());
        assertEquals(100.0, d.londonValue(), 1e-12);
        assertEquals(100.0, row("t_index", FY, LONDON).value(), 1e-12);
        // A: C1 suppressed → left out; C3 10/20 = 0.5; C4 20/10 = 2; 100 × (0.2·0.5 + 0.2·2) / 0.4 = 125
        BenchmarkRow a = row("t_index", FY, A);
        assertEquals(125.0, a.value(), 1e-9);
        assertEquals("left out, weights renormalised: c1 (missing)", a.note());
        // the components sit beside the index for gold.unmet_need
        UnmetNeedIndex.Entry e = result.index().stream()
                .filter(x -> x.areaCode().equals(D))
                .findFirst()
                .orElseThrow();
        assertEquals(20.0, e.components().get("c1"), EPS);
        assertEquals(30.0, e.components().get("c3"), EPS);
        assertEquals(4.0, e.components().get("c4"), EPS);
        assertEquals(FY, result.indexPeriod());
        // C has no IMD score: C1 50 / 44.44 = 1.125, C4 20 / 20 = 1; 100 × (0.4·1.125 + 0.2·1) / 0.6 = 108.33…
        assertEquals(108.33333333333333, row("t_index", FY, C).value(), 1e-9);
        assertEquals(
                "left out, weights renormalised: c3 (missing)",
                row("t_index", FY, C).note());
    }

    @Test
    void rowsComeInCatalogueThenPeriodThenLevelOrder() {
        List<BenchmarkRow> rows = result.rows();
        assertEquals("t_pct", rows.get(0).indicatorId());
        assertEquals(PREV, rows.get(0).period());
        assertEquals("london", rows.get(0).areaLevel());
        assertEquals("t_index", rows.get(rows.size() - 1).indicatorId());
        assertEquals(F, rows.get(rows.size() - 1).areaCode());
    }
}
