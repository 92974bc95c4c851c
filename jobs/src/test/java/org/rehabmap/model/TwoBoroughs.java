package org.rehabmap.model;

import org.rehabmap.testing.SharedSpark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A London of two boroughs, small enough to work the whole model out by hand. The same world is
 * given twice: as collected {@link ModelInputs} here (for the pure model tests), and as silver rows
 * in {@link TwoBoroughSilver} (for the Spark tests, which must collect exactly these inputs).
 * <pre>
 * London E12000007 ── alliance E56000020 ── STP E54000027 "North" ── Alpha E09000001 (60,000 residents)
 *                                                                  └─ Beta  E09000002 (40,000 residents)
 *
 * HNA 2024-25, high distress = score ≥ 7; a concern under two professions counts for each
 * (fatigue: physiotherapist and occupational therapist):
 *   area     people  physio  dietitian  OT   SLT
 *   Alpha      4       4        2        1    0      rate: physio 1.0, diet 0.5, OT 0.25
 *   Beta       2       5        1        0    0      fewer than 3 people: borrows the STP's rate
 *   unknown    2       3        1        0    0      (residence unknown: London only)
 *   STP        6       9        3        1    0      rate: physio 1.5, diet 0.5, OT 1/6
 *   London     8      12        4        1    0      rate: physio 1.5, diet 0.5, OT 0.125
 *
 * People living with cancer (comorbidity extract 2025-03-31, so base year 2025): Alpha 1,200, Beta 600.
 *
 * Cancer WTE at the position 2025-03-31 (in post / vacant / funded by band, after caseload share):
 *   Alpha physiotherapist  3.0 / 1.0 / band 6: 3.0, band 7: 1.0
 *   Alpha dietitian        2.5 / 0.5 / band 5: 3.0
 *   Alpha SLT              0.5 / 0   / band 7: 0.5
 *   Beta  physiotherapist  1.5 / 0   / band 6: 1.5   (1 generalist row without a caseload share left out)
 *   Beta  OT               0   / 1.0 / band 6: 1.0
 *
 * Projected 65+ (already rebased): Alpha 9,000 (2025) → 9,900 (2027), Beta 4,500 → 5,400.
 * Pay 2025/26 midpoints: band 5 £34,422.50, band 6 £42,631, band 7 £51,260; pension 23.7%, NI 15% over £5,000.
 * </pre>
 */
final class TwoBoroughs {
    static final String LONDON = "E12000007";
    static final String ALLIANCE = "E56000020";
    static final String STP = "E54000027";
    static final String ALPHA = "E09000001";
    static final String BETA = "E09000002";
    static final String PHYSIO = "physiotherapist";
    static final String DIET = "dietitian";
    static final String OT = "occupational_therapist";
    static final String SLT = "speech_and_language_therapist";
    static final List<String> PROFESSIONS = List.of(DIET, OT, PHYSIO, SLT);
    static final int MIN_PEOPLE = 3;

    private TwoBoroughs() {}

    static Path assumptionFile() {
        return SharedSpark.projectHome().resolve("jobs/src/test/resources/model/assumptions-test.conf");
    }

    static AssumptionSet set() {
        return AssumptionSet.load(assumptionFile());
    }

    static Assumptions assumptions() {
        return Assumptions.of(set());
    }

    static ModelInputs inputs() {
        List<ModelInputs.Area> areas = List.of(
                new ModelInputs.Area("london", LONDON, "London", List.of(), List.of(ALPHA, BETA)),
                new ModelInputs.Area("alliance", ALLIANCE, "Alliance", List.of(LONDON), List.of(ALPHA, BETA)),
                new ModelInputs.Area("stp", STP, "North", List.of(ALLIANCE, LONDON), List.of(ALPHA, BETA)),
                new ModelInputs.Area("borough", ALPHA, "Alpha", List.of(STP, ALLIANCE, LONDON), List.of(ALPHA)),
                new ModelInputs.Area("borough", BETA, "Beta", List.of(STP, ALLIANCE, LONDON), List.of(BETA)));
        Map<String, ModelInputs.Hna> hna = new LinkedHashMap<>();
        hna.put(LONDON, hna(8, 4, 1, 12, 0));
        hna.put(ALLIANCE, hna(6, 3, 1, 9, 0));
        hna.put(STP, hna(6, 3, 1, 9, 0));
        hna.put(ALPHA, hna(4, 2, 1, 4, 0));
        hna.put(BETA, hna(2, 1, 0, 5, 0));
        Map<String, Map<String, ModelInputs.Supply>> supply = new LinkedHashMap<>();
        Map<String, ModelInputs.Supply> alpha = new LinkedHashMap<>();
        alpha.put(PHYSIO, new ModelInputs.Supply(3.0, 1.0, Map.of("6", 3.0, "7", 1.0), 0));
        alpha.put(DIET, new ModelInputs.Supply(2.5, 0.5, Map.of("5", 3.0), 0));
        alpha.put(SLT, new ModelInputs.Supply(0.5, 0.0, Map.of("7", 0.5), 0));
        Map<String, ModelInputs.Supply> beta = new LinkedHashMap<>();
        beta.put(PHYSIO, new ModelInputs.Supply(1.5, 0.0, Map.of("6", 1.5), 1));
        beta.put(OT, new ModelInputs.Supply(0.0, 1.0, Map.of("6", 1.0), 0));
        Map<String, ModelInputs.Supply> all = new LinkedHashMap<>();
        all.put(PHYSIO, new ModelInputs.Supply(4.5, 1.0, Map.of("6", 4.5, "7", 1.0), 1));
        all.put(DIET, new ModelInputs.Supply(2.5, 0.5, Map.of("5", 3.0), 0));
        all.put(OT, new ModelInputs.Supply(0.0, 1.0, Map.of("6", 1.0), 0));
        all.put(SLT, new ModelInputs.Supply(0.5, 0.0, Map.of("7", 0.5), 0));
        supply.put(LONDON, all);
        supply.put(ALLIANCE, all);
        supply.put(STP, all);
        supply.put(ALPHA, alpha);
        supply.put(BETA, beta);
        Map<String, Map<Integer, Double>> pop65 = Map.of(
                ALPHA, Map.of(2025, 9000.0, 2026, 9450.0, 2027, 9900.0),
                BETA, Map.of(2025, 4500.0, 2026, 4950.0, 2027, 5400.0));
        Map<String, ModelInputs.PayBand> bands = Map.of(
                "5", new ModelInputs.PayBand(31049, 33487.0, 37796),
                "6", new ModelInputs.PayBand(38682, 40823.0, 46580),
                "7", new ModelInputs.PayBand(47810, 50273.0, 54710));
        Map<String, ModelInputs.OnCost> oncosts = Map.of(
                "nhs_pension_employer_contribution|from 2024-04-01", new ModelInputs.OnCost(23.7, 0),
                "employer_national_insurance_secondary_class1|from 2025-04-06", new ModelInputs.OnCost(15.0, 5000));
        return new ModelInputs(
                2025,
                areas,
                PROFESSIONS,
                Map.of(PHYSIO, "Physiotherapists"),
                Map.of(ALPHA, 1200L, BETA, 600L),
                hna,
                supply,
                pop65,
                new ModelInputs.PayTable(bands, oncosts),
                "2024-25",
                "2025-03-31");
    }

    private static ModelInputs.Hna hna(long people, long diet, long ot, long physio, long slt) {
        return new ModelInputs.Hna(people, Map.of(DIET, diet, OT, ot, PHYSIO, physio, SLT, slt));
    }

    static WorkforceModel model() {
        return new WorkforceModel(inputs(), MIN_PEOPLE, 2027);
    }

    static ModelRow row(List<ModelRow> rows, String area, String profession, int year) {
        for (ModelRow r : rows) {
            if (r.areaCode().equals(area) && r.profession().equals(profession) && r.year() == year) {
                return r;
            }
        }
        throw new AssertionError("no row " + area + " " + profession + " " + year);
    }
}
