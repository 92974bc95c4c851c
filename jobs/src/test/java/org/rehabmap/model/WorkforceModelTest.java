package org.rehabmap.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.model.TwoBoroughs.ALPHA;
import static org.rehabmap.model.TwoBoroughs.BETA;
import static org.rehabmap.model.TwoBoroughs.DIET;
import static org.rehabmap.model.TwoBoroughs.LONDON;
import static org.rehabmap.model.TwoBoroughs.MIN_PEOPLE;
import static org.rehabmap.model.TwoBoroughs.OT;
import static org.rehabmap.model.TwoBoroughs.PHYSIO;
import static org.rehabmap.model.TwoBoroughs.PROFESSIONS;
import static org.rehabmap.model.TwoBoroughs.SLT;
import static org.rehabmap.model.TwoBoroughs.STP;
import static org.rehabmap.model.TwoBoroughs.assumptions;
import static org.rehabmap.model.TwoBoroughs.inputs;
import static org.rehabmap.model.TwoBoroughs.model;
import static org.rehabmap.model.TwoBoroughs.row;

/**
 * The model of {@link TwoBoroughs} worked out by hand. Test assumption set: 4 contacts × 45
 * minutes = 180 minutes an episode; 1,500 h × 60 min × 60% = 54,000 clinical minutes a WTE; so
 * required WTE = episodes ÷ 300. Prevalence grows 10% a year: ×1.1 in 2026, ×1.21 in 2027.
 */
class WorkforceModelTest {
    static final double EPS = 1e-9;

    @Test
    void alphaUsesItsOwnRateAndTheGapIsRequiredMinusAvailable() {
        List<ModelRow> rows = model().rows("baseline", assumptions());
        ModelRow p = row(rows, ALPHA, PHYSIO, 2025);
        // rate 4 concerns ÷ 4 people = 1.0; need 1.0 × 1,200 = 1,200 episodes; required 1,200 ÷ 300 = 4.0 WTE
        assertEquals(1.0, p.concernsPerPerson(), EPS);
        assertEquals(ALPHA, p.rateAreaCode());
        assertEquals(1200.0, p.livingWithCancer(), EPS);
        assertEquals(1200.0, p.needEpisodes(), EPS);
        assertEquals(54000.0, p.clinicalMinutesPerWte(), EPS);
        assertEquals(4.0, p.requiredWte(), EPS);
        // available 3.0 in post; gap 4.0 − 3.0 = 1.0 WTE = 25% of required
        assertEquals(3.0, p.availableWte(), EPS);
        assertEquals(1.0, p.gapWte(), EPS);
        assertEquals(25.0, p.gapPctOfRequired(), EPS);
        assertEquals("assumptions-test", p.assumptionSet());
        assertEquals("Physiotherapists", p.professionLabel());
        assertNull(p.note());

        // dietitian: 0.5 × 1,200 = 600 episodes → 2.0 WTE; 2.5 in post → gap −0.5 (−25%)
        ModelRow d = row(rows, ALPHA, DIET, 2025);
        assertEquals(2.0, d.requiredWte(), EPS);
        assertEquals(-0.5, d.gapWte(), EPS);
        assertEquals(-25.0, d.gapPctOfRequired(), EPS);
        // occupational therapist (fatigue): 1 ÷ 4 = 0.25 × 1,200 = 300 episodes → 1.0 WTE, none in post: gap 1.0 = 100%
        ModelRow o = row(rows, ALPHA, OT, 2025);
        assertEquals(0.25, o.concernsPerPerson(), EPS);
        assertEquals(1.0, o.gapWte(), EPS);
        assertEquals(100.0, o.gapPctOfRequired(), EPS);
        // SLT: no concerns → required 0; 0.5 in post → gap −0.5; % of nothing required: null
        ModelRow s = row(rows, ALPHA, SLT, 2025);
        assertEquals(0.0, s.requiredWte(), EPS);
        assertEquals(-0.5, s.gapWte(), EPS);
        assertNull(s.gapPctOfRequired());
        // all: required 4 + 2 + 1 + 0 = 7.0; available 3 + 2.5 + 0 + 0.5 = 6.0; gap 1.0 = 14.2857…%
        ModelRow all = row(rows, ALPHA, ModelRow.ALL, 2025);
        assertEquals(7.0, all.requiredWte(), EPS);
        assertEquals(6.0, all.availableWte(), EPS);
        assertEquals(1.0, all.gapWte(), EPS);
        assertEquals(100.0 / 7.0, all.gapPctOfRequired(), EPS);
        assertEquals(1.0 + 0.5 + 0.25, all.concernsPerPerson(), EPS);
        assertNull(all.contactsPerEpisode());
    }

    @Test
    void theAllRowPublishesShortfallAndSurplusSeparately() {
        List<ModelRow> rows = model().rows("baseline", assumptions());
        // Alpha 2025: physio +1.0, diet −0.5, OT +1.0, SLT −0.5. Net gap 1.0 would say one WTE is missing;
        // two are (physio 1.0 + OT 1.0), and 1.0 WTE (0.5 dietitian, 0.5 SLT) is beyond the modelled need
        ModelRow all = row(rows, ALPHA, ModelRow.ALL, 2025);
        assertEquals(1.0, all.gapWte(), EPS);
        assertEquals(2.0, all.shortfallWte(), EPS);
        assertEquals(1.0, all.surplusWte(), EPS);
        ModelRow d = row(rows, ALPHA, DIET, 2025);
        assertEquals(0.0, d.shortfallWte(), EPS);
        assertEquals(0.5, d.surplusWte(), EPS);
        ModelRow p = row(rows, ALPHA, PHYSIO, 2025);
        assertEquals(1.0, p.shortfallWte(), EPS);
        assertEquals(0.0, p.surplusWte(), EPS);
    }

    @Test
    void hcasByBoroughAddsEachZonesSupplementWithinItsLimits() {
        List<ModelRow> rows = model().rows("baseline", assumptions().with("hcas", "by-borough", PROFESSIONS));
        // Alpha (E09000001, City of London): Inner London, 20% of basic pay, £5,415–£8,171 a year.
        //   band 6 midpoint 42,631 × 20% = 8,526.20 > 8,171 → pay 50,802:
        //     50,802 × 1.237 + 0.15 × 45,802 = 62,842.074 + 6,870.30 = 69,712.374
        //   band 7 midpoint 51,260 × 20% = 10,252 > 8,171 → pay 59,431:
        //     59,431 × 1.237 + 0.15 × 54,431 = 73,516.147 + 8,164.65 = 81,680.797
        //   physio mix 3.0 × band 6 + 1.0 × band 7: (209,137.122 + 81,680.797) ÷ 4 = 72,704.47975
        ModelRow a = row(rows, ALPHA, PHYSIO, 2025);
        assertEquals(72704.47975, a.costPerWteGbp(), 1e-6);
        assertEquals(72704.47975, a.shortfallCostGbp(), 1e-6); // shortfall 1.0 WTE
        // Beta (E09000002, Barking and Dagenham): Outer London, 15%, £4,552–£5,735.
        //   band 6: 42,631 × 15% = 6,394.65 > 5,735 → pay 48,366: 48,366 × 1.237 + 0.15 × 43,366 = 66,333.642
        assertEquals(66333.642, row(rows, BETA, PHYSIO, 2025).costPerWteGbp(), 1e-6);
        //   band 5 (London's dietitian mix): 34,422.50 × 15% = 5,163.375, inside the limits → pay 39,585.875:
        //     39,585.875 × 1.237 + 0.15 × 34,585.875 = 48,967.727375 + 5,187.88125 = 54,155.608625
        assertEquals(54155.608625, row(rows, BETA, DIET, 2025).costPerWteGbp(), 1e-6);
        // The STP (physio mix 4.5 × band 6 + 1.0 × band 7) is costed at each borough's zone, weighted by people
        // living with cancer (Alpha 1,200, Beta 600). Beta's band 7: 51,260 × 15% = 7,689 > 5,735 → pay 56,995:
        //   56,995 × 1.237 + 0.15 × 51,995 = 70,502.815 + 7,799.25 = 78,302.065
        double inner = (4.5 * 69712.374 + 81680.797) / 5.5;
        double outer = (4.5 * 66333.642 + 78302.065) / 5.5;
        assertEquals(
                (1200 * inner + 600 * outer) / 1800,
                row(rows, STP, PHYSIO, 2025).costPerWteGbp(),
                1e-6);
        // flat (the fixture's own setting, hcas-pct 0) keeps the basic-pay cost of the test above
        assertEquals(
                61371.30275,
                row(model().rows("baseline", assumptions()), ALPHA, PHYSIO, 2025)
                        .costPerWteGbp(),
                1e-6);
    }

    @Test
    void prevalenceGrowsNeedAndNotTheWorkforce() {
        List<ModelRow> rows = model().rows("baseline", assumptions());
        assertEquals(List.of(2025, 2026, 2027), model().years());
        // 2027: 1,200 × 1.1² = 1,452 living with cancer → 1,452 physio episodes → 4.84 WTE; gap 4.84 − 3.0 = 1.84
        // (38.0165…%)
        ModelRow p = row(rows, ALPHA, PHYSIO, 2027);
        assertEquals(1.21, p.growthFactor(), EPS);
        assertEquals(1452.0, p.livingWithCancer(), EPS);
        assertEquals(4.84, p.requiredWte(), EPS);
        assertEquals(3.0, p.availableWte(), EPS);
        assertEquals(1.84, p.gapWte(), EPS);
        assertEquals(100 * 1.84 / 4.84, p.gapPctOfRequired(), EPS);
        // 65+ published beside it (rebased levels, summed over the area's boroughs): STP 9,900 + 5,400 = 15,300
        assertEquals(15300.0, row(rows, STP, PHYSIO, 2027).population65Plus(), EPS);
    }

    @Test
    void aBoroughWithFewAssessedPeopleBorrowsItsStpsRate() {
        List<ModelRow> rows = model().rows("baseline", assumptions());
        // Beta: 2 people < 3 → STP rate 9 ÷ 6 = 1.5 (its own would be 5 ÷ 2 = 2.5)
        ModelRow p = row(rows, BETA, PHYSIO, 2025);
        assertEquals(STP, p.rateAreaCode());
        assertEquals(1.5, p.concernsPerPerson(), EPS);
        // need 1.5 × 600 = 900 → 3.0 WTE; 1.5 in post → gap 1.5 (50%)
        assertEquals(3.0, p.requiredWte(), EPS);
        assertEquals(1.5, p.gapWte(), EPS);
        assertEquals(50.0, p.gapPctOfRequired(), EPS);
        assertTrue(
                p.note().contains("concern rate of stp North (E54000027): fewer than 3 assessed people resident here"),
                p.note());
        assertTrue(p.note().contains("1 generalist post row(s) without a cancer caseload share left out"), p.note());
        // OT: 1 ÷ 6 × 600 = 100 episodes → 1/3 WTE
        assertEquals(1.0 / 3.0, row(rows, BETA, OT, 2025).requiredWte(), EPS);
    }

    @Test
    void areasAboveBoroughPoolTheirBoroughsAndDoNotAverageRates() {
        List<ModelRow> rows = model().rows("baseline", assumptions());
        // STP: 9 concerns ÷ 6 people = 1.5 × (1,200 + 600) = 2,700 episodes → 9.0 WTE; available 3.0 + 1.5 = 4.5; gap
        // 4.5.
        // (Alpha's 4.0 + Beta's 3.0 = 7.0 would mix Alpha's own rate with a borrowed one: each area uses its pooled
        // rate.)
        ModelRow s = row(rows, STP, PHYSIO, 2025);
        assertEquals(1800.0, s.livingWithCancer(), EPS);
        assertEquals(9.0, s.requiredWte(), EPS);
        assertEquals(4.5, s.availableWte(), EPS);
        assertEquals(4.5, s.gapWte(), EPS);
        // London counts the 2 people of unknown residence: OT 1 ÷ 8 = 0.125 × 1,800 = 225 episodes → 0.75 WTE (STP:
        // 1.0)
        assertEquals(0.75, row(rows, LONDON, OT, 2025).requiredWte(), EPS);
        assertEquals(1.0, row(rows, STP, OT, 2025).requiredWte(), EPS);
        // London all 2027: physio 10.89 + diet 3.63 + OT 0.9075 + SLT 0 = 15.4275 required; 7.5 available; gap 7.9275
        ModelRow l = row(rows, LONDON, ModelRow.ALL, 2027);
        assertEquals(15.4275, l.requiredWte(), EPS);
        assertEquals(7.5, l.availableWte(), EPS);
        assertEquals(7.9275, l.gapWte(), EPS);
    }

    @Test
    void theGapIsCostedAtTheBandMixWithOnCosts() {
        List<ModelRow> rows = model().rows("baseline", assumptions());
        // one WTE, midpoint pay, + 23.7% pension + 15% NI over £5,000:
        //   band 6: 42,631 × 1.237 + 0.15 × 37,631 = 52,734.547 + 5,644.65 = 58,379.197
        //   band 7: 51,260 × 1.237 + 0.15 × 46,260 = 63,408.62 + 6,939 = 70,347.62
        //   band 5: 34,422.5 × 1.237 + 0.15 × 29,422.5 = 42,580.6325 + 4,413.375 = 46,994.0075
        // Alpha physio mix 3.0 × band 6 + 1.0 × band 7: (175,137.591 + 70,347.62) ÷ 4 = 61,371.30275; gap 1.0 WTE
        ModelRow p = row(rows, ALPHA, PHYSIO, 2025);
        assertEquals(61371.30275, p.costPerWteGbp(), 1e-6);
        assertEquals(61371.30275, p.shortfallCostGbp(), 1e-6);
        // Beta has no dietitian posts: London's dietitian mix (band 5) → 46,994.0075 × gap 1.0
        ModelRow d = row(rows, BETA, DIET, 2025);
        assertEquals(46994.0075, d.costPerWteGbp(), 1e-6);
        assertEquals(46994.0075, d.shortfallCostGbp(), 1e-6);
        assertTrue(d.note().contains("London's band mix"), d.note());
        // all: the cost to close the gap is the shortfalls' cost, physio 1.0 × 61,371.30275 + OT 1.0 × 58,379.197
        // (London's OT mix, band 6); the dietitians' and SLTs' surpluses (0.5 WTE each) are not netted against it
        // (the old netted figure, 61,371.30275 − 23,497.00375 + 58,379.197 − 35,173.81, understated it by £58,670.81)
        ModelRow all = row(rows, ALPHA, ModelRow.ALL, 2025);
        assertEquals(61371.30275 + 58379.197, all.shortfallCostGbp(), 1e-6);
        // a profession with a surplus costs nothing to close
        assertEquals(0.0, row(rows, ALPHA, DIET, 2025).shortfallCostGbp(), 1e-9);
        assertNull(all.costPerWteGbp());
        // top of the band instead: band 6 46,580 × 1.237 + 0.15 × 41,580 = 57,619.46 + 6,237 = 63,856.46
        List<ModelRow> top = model().rows("baseline", assumptions().with("pay-point", "top", PROFESSIONS));
        assertEquals(63856.46, row(top, BETA, PHYSIO, 2025).costPerWteGbp(), 1e-6);
    }

    @Test
    void scenarioArithmetic() {
        WorkforceModel m = model();
        Assumptions base = assumptions();
        // vacancies filled: Alpha physio available 3.0 + 1.0 vacant = 4.0 → gap 0; Beta OT 0 + 1.0 = 1.0
        List<ModelRow> filled = m.rows("vacancies_filled", base.with("vacancy-fill-pct", "100", PROFESSIONS));
        assertEquals(4.0, row(filled, ALPHA, PHYSIO, 2025).availableWte(), EPS);
        assertEquals(0.0, row(filled, ALPHA, PHYSIO, 2025).gapWte(), EPS);
        assertEquals(1.0, row(filled, BETA, OT, 2025).availableWte(), EPS);
        assertEquals("vacancies_filled", row(filled, BETA, OT, 2025).scenario());
        // half filled: 3.0 + 0.5 × 1.0 = 3.5
        assertEquals(
                3.5,
                row(m.rows("x", base.with("vacancy-fill-pct", "50", PROFESSIONS)), ALPHA, PHYSIO, 2025)
                        .availableWte(),
                EPS);
        // productivity +10%: 54,000 × 1.1 = 59,400 clinical minutes; required 1,200 × 180 ÷ 59,400 = 3.6364; gap 0.6364
        ModelRow prod = row(
                m.rows("productivity", base.with("productivity-change-pct", "10", PROFESSIONS)), ALPHA, PHYSIO, 2025);
        assertEquals(59400.0, prod.clinicalMinutesPerWte(), EPS);
        assertEquals(1200.0 * 180 / 59400, prod.requiredWte(), EPS);
        assertEquals(1200.0 * 180 / 59400 - 3.0, prod.gapWte(), EPS);
        // ageing: Alpha 65+ 9,000 → 9,900 (×1.1), Beta 4,500 → 5,400 (×1.2); STP factor (1,200 × 1.1 + 600 × 1.2) ÷
        // 1,800 = 1.1333…
        // STP physio 2027: 1.5 × 2,040 = 3,060 episodes → 10.2 WTE
        List<ModelRow> ageing = m.rows("ageing", base.with("growth", "ageing", PROFESSIONS));
        assertEquals(2040.0 / 1800.0, row(ageing, STP, PHYSIO, 2027).growthFactor(), EPS);
        assertEquals(3060.0, row(ageing, STP, PHYSIO, 2027).needEpisodes(), EPS);
        assertEquals(10.2, row(ageing, STP, PHYSIO, 2027).requiredWte(), EPS);
        assertEquals(1.2, row(ageing, BETA, PHYSIO, 2027).growthFactor(), EPS);
        // no growth: 2027 = 2025
        assertEquals(
                4.0,
                row(m.rows("flat", base.with("growth", "none", PROFESSIONS)), ALPHA, PHYSIO, 2027)
                        .requiredWte(),
                EPS);
        // workforce growth 5% a year: 3.0 × 1.05² = 3.3075 in 2027
        assertEquals(
                3.3075,
                row(m.rows("grow", base.with("workforce-growth-pct", "5", PROFESSIONS)), ALPHA, PHYSIO, 2027)
                        .availableWte(),
                EPS);
        // a per-profession value: dietitians 2 contacts → 600 × 2 × 45 ÷ 54,000 = 1.0 WTE; physio unchanged at 4.0
        List<ModelRow> diet2 = m.rows("x", base.with("contacts-per-episode.dietitian", "2", PROFESSIONS));
        assertEquals(1.0, row(diet2, ALPHA, DIET, 2025).requiredWte(), EPS);
        assertEquals(2.0, row(diet2, ALPHA, DIET, 2025).contactsPerEpisode(), EPS);
        assertEquals(4.0, row(diet2, ALPHA, PHYSIO, 2025).requiredWte(), EPS);
        // changes combine: 60-minute contacts and every vacancy filled → 1,200 × 240 ÷ 54,000 = 5.3333 − 4.0 = 1.3333
        Assumptions both =
                base.with("minutes-per-contact", "60", PROFESSIONS).with("vacancy-fill-pct", "100", PROFESSIONS);
        assertEquals(
                1200.0 * 240 / 54000 - 4.0,
                row(m.rows("x", both), ALPHA, PHYSIO, 2025).gapWte(),
                EPS);
        assertEquals("assumptions-test + minutes-per-contact=60, vacancy-fill-pct=100", both.label());
    }

    @Test
    void missingInputsGiveNullsAndSayWhy() {
        ModelInputs in = inputs();
        // Beta not in the comorbidity extract: Beta, and every area containing it, have no need
        ModelInputs noBeta = new ModelInputs(
                in.baseYear(),
                in.areas(),
                in.professions(),
                in.professionLabels(),
                java.util.Map.of(ALPHA, 1200L),
                in.hna(),
                in.supply(),
                in.population65(),
                in.pay(),
                in.hnaPeriod(),
                in.workforcePosition());
        List<ModelRow> rows = new WorkforceModel(noBeta, MIN_PEOPLE, 2027).rows("baseline", assumptions());
        assertNull(row(rows, BETA, PHYSIO, 2025).requiredWte());
        assertNull(row(rows, STP, PHYSIO, 2025).gapWte());
        assertTrue(
                row(rows, STP, PHYSIO, 2025).note().contains("1 of its 2 boroughs are not in the comorbidity extract"));
        assertEquals(4.0, row(rows, ALPHA, PHYSIO, 2025).requiredWte(), EPS);
        assertNull(row(rows, STP, ModelRow.ALL, 2025).requiredWte());
        // no pay tables: nothing costed, nothing else changes
        ModelInputs noPay = new ModelInputs(
                in.baseYear(),
                in.areas(),
                in.professions(),
                in.professionLabels(),
                in.livingWithCancer(),
                in.hna(),
                in.supply(),
                in.population65(),
                null,
                in.hnaPeriod(),
                in.workforcePosition());
        ModelRow p =
                row(new WorkforceModel(noPay, MIN_PEOPLE, 2027).rows("baseline", assumptions()), ALPHA, PHYSIO, 2025);
        assertNull(p.shortfallCostGbp());
        assertEquals(1.0, p.gapWte(), EPS);
        // too few people anywhere (minimum 9 > London's 8): no rate at all
        ModelRow none = row(new WorkforceModel(in, 9, 2027).rows("baseline", assumptions()), LONDON, PHYSIO, 2025);
        assertNull(none.needEpisodes());
        assertTrue(none.note().startsWith("no concern rate"), none.note());
    }

    @Test
    void sensitivityOneAtATime() {
        // Alpha physio 2027, base gap 4.84 − 3.0 = 1.84:
        //   contacts 3.2 / 4.8 (±20%): required 3.872 / 5.808 → gap 0.872 / 2.808, swing 1.936 (minutes the same)
        //   hours 1,200 / 1,800: required 4.84 ÷ 0.8 = 6.05 / 4.84 ÷ 1.2 = 4.0333 → gap 3.05 / 1.0333, swing 2.01667
        // (clinical % the same)
        //   prevalence 8% / 12%: 1,200 × 1.08² = 1,399.68 → 4.6656; 1,200 × 1.12² = 1,505.28 → 5.0176; swing 0.352
        //   productivity, vacancy fill, workforce growth are 0 in the scenario: not varied
        List<Sensitivity.Entry> s = Sensitivity.run(model(), "baseline", assumptions(), 20, 2027);
        List<Sensitivity.Entry> cell = s.stream()
                .filter(e -> e.areaCode().equals(ALPHA) && e.profession().equals(PHYSIO))
                .toList();
        assertEquals(
                List.of(
                        "hours-per-wte-year",
                        "clinical-time-pct",
                        "contacts-per-episode",
                        "minutes-per-contact",
                        "prevalence-growth-pct"),
                cell.stream().map(Sensitivity.Entry::assumption).toList());
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                cell.stream().map(Sensitivity.Entry::rank).toList());
        Sensitivity.Entry hours = cell.get(0);
        assertEquals(1500.0, hours.baseValue(), EPS);
        assertEquals(1200.0, hours.lowValue(), EPS);
        assertEquals(1800.0, hours.highValue(), EPS);
        assertEquals(1.84, hours.gapBase(), EPS);
        assertEquals(3.05, hours.gapLow(), EPS);
        assertEquals(4.84 / 1.2 - 3.0, hours.gapHigh(), EPS);
        assertEquals(4.84 / 0.8 - 4.84 / 1.2, hours.swing(), EPS);
        assertEquals(1.936, cell.get(2).swing(), EPS);
        assertEquals(0.872, cell.get(2).gapLow(), EPS);
        Sensitivity.Entry prev = cell.get(4);
        assertEquals(8.0, prev.lowValue(), EPS);
        assertEquals(12.0, prev.highValue(), EPS);
        assertEquals(4.0 * 1.12 * 1.12 - 4.0 * 1.08 * 1.08, prev.swing(), EPS);
        // a change that would leave the range is kept inside it: clinical time 90% × 1.2 = 108 → 100
        Sensitivity.Entry clinical =
                Sensitivity.run(model(), "b", assumptions().with("clinical-time-pct", "90", PROFESSIONS), 20, 2025)
                        .stream()
                        .filter(e -> e.assumption().equals("clinical-time-pct"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(72.0, clinical.lowValue(), EPS);
        assertEquals(100.0, clinical.highValue(), EPS);
        // every area and profession (and all) has one row per varied assumption
        assertEquals(5 * 5 * 5, s.size());
    }
}
