package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.testing.SharedSpark;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.B;
import static org.rehabmap.gold.GoldFixtures.C;
import static org.rehabmap.gold.GoldFixtures.D;
import static org.rehabmap.gold.GoldFixtures.E;
import static org.rehabmap.gold.GoldFixtures.F;
import static org.rehabmap.gold.GoldFixtures.boroughs;
import static org.rehabmap.gold.GoldFixtures.population;

/**
 * Silver tables for the six-borough London of {@link CurateFixtures}, small enough to work every
 * published number out by hand (the tests say how).
 * <pre>
 * workforce (survey, provider, service, boroughs, profession, specialist, funded, in post, caseload %)
 *   W1 2024-03-31 P1 S1  [A]    physiotherapist         spec  2.0 1.0  -
 *   W2 2024-03-31 P2 S1  [B,C]  dietitian               spec  2.0 2.0  50   (P2 not surveyed again: carried forward)
 *   W3 2025-03-31 P1 S1  [A]    physiotherapist         spec  2.0 2.0  -
 *   W4 2025-03-31 P1 S2  [A,D]  occupational_therapist  gen   1.0 0.5  -    (no caseload share: left out)
 *   W5 2025-03-31 P1 -   [D]    rehab_support_worker    spec  1.0 1.0  -
 *   W6 2025-03-31 P1 S1  [A]    dietitian               gen   1.0 1.0  40
 * comorbidity 2025-03-31 (register female/male 60-69; ANY2 with condition female/male):
 *   A 100/100, ANY2 40/* (supplier-suppressed), HYP 30/20;  B 50/50, 20/10;  C 150/150, 60/60;
 *   D 200/200, 50/50;  E 100/100, 30/30;  F 100/100, 20/20     → living with cancer A 200 … London 1,400
 * HNA 2024-25 (assessment, residence: concern score action)
 *   H1 A: fatigue 8 no_action, pain 3 discussed      H2 A: fatigue 9 referred, worry_anxiety 2 declined
 *   H3 B: eating_appetite 7 no_action, money_housing 8 declined
 *   H4 D: sore_dry_mouth 5 information_given        H5 unknown: breathing 10 no_action
 * HNA 2023-24: H0 A: fatigue 8 referred
 * services 2025-Q1: P1/S1 [A,B] all [preventative,restorative] community, funding ends 2025-12-31
 *                   P1/S2 [D] breast [supportive] home;  P3/S1 [A] lung [palliative] hospice, ends 2027-01-01
 *          2024-Q4: P1/S1 as above;  P9/S1 [E] breast [restorative] community
 * IMD: A 20, B 10, C 30, D 40, E 10, F 10 (London, population-weighted: 19.5)
 * </pre>
 */
final class SilverFixture {
    private SilverFixture() {}

    /** The fixture as silver Delta tables in a lake, as conform would leave them. */
    static void write(org.rehabmap.lake.Lake lake) {
        SilverInputs in = inputs();
        java.util.Map<String, Dataset<Row>> silver = new java.util.LinkedHashMap<>();
        silver.put("silver.service", in.service());
        silver.put("silver.workforce", in.workforce());
        // silver holds the pseudonymised NHS number too; the model (run by the curate step) counts people by it
        silver.put(
                "silver.hna_concern",
                in.hnaConcern()
                        .withColumn(
                                "nhs_number",
                                org.apache.spark.sql.functions.concat(
                                        org.apache.spark.sql.functions.lit("pseudonym-"),
                                        org.apache.spark.sql.functions.col("assessment_id"))));
        silver.put("silver.comorbidity", in.comorbidity());
        silver.put("silver.borough", in.borough());
        // as the reference file has it: the model (run by the curate step) reads the 65+ count for its ageing scenario
        silver.put(
                "silver.population",
                in.population()
                        .withColumn(
                                "census2021_age_65_plus",
                                org.apache.spark.sql.functions.round(org.apache
                                        .spark
                                        .sql
                                        .functions
                                        .col("census2021_usual_residents")
                                        .cast("double")
                                        .multiply(0.12))));
        silver.put("silver.imd", in.imd());
        silver.put("silver.profession", in.profession());
        silver.put("silver.concern", in.concern());
        silver.put("silver.ltc_condition", in.ltcCondition());
        silver.forEach((t, df) -> df.write().format("delta").save(lake.path(t)));
    }

    static SilverInputs inputs() {
        SparkSession spark = SharedSpark.session();
        List<Row> wf = List.of(
                wf("2024-03-31", "P1", "S1", List.of(A), "physiotherapist", "6", true, 2.0, 1.0, null),
                wf("2024-03-31", "P2", "S1", List.of(B, C), "dietitian", "7", true, 2.0, 2.0, 50.0),
                wf("2025-03-31", "P1", "S1", List.of(A), "physiotherapist", "6", true, 2.0, 2.0, null),
                wf("2025-03-31", "P1", "S2", List.of(A, D), "occupational_therapist", "5", false, 1.0, 0.5, null),
                wf("2025-03-31", "P1", null, List.of(D), "rehab_support_worker", "3", true, 1.0, 1.0, null),
                wf("2025-03-31", "P1", "S1", List.of(A), "dietitian", "6", false, 1.0, 1.0, 40.0));
        List<Row> co = new ArrayList<>();
        co.addAll(cell(A, "female", 100, 40, 30));
        co.addAll(cell(A, "male", 100, null, 20));
        for (Object[] c :
                new Object[][] {{B, 50, 20, 10}, {C, 150, 60, 60}, {D, 200, 50, 50}, {E, 100, 30, 30}, {F, 100, 20, 20}
                }) {
            co.addAll(cell((String) c[0], "female", (Integer) c[1], (Integer) c[2], null));
            co.addAll(cell((String) c[0], "male", (Integer) c[1], (Integer) c[3], null));
        }
        List<Row> hna = List.of(
                hna("H1", "2024-10-01", A, "fatigue", 8, "no_action", null),
                hna("H1", "2024-10-01", A, "pain", 3, "discussed", null),
                hna("H2", "2025-01-15", A, "fatigue", 9, "referred", "physiotherapist"),
                hna("H2", "2025-01-15", A, "worry_anxiety", 2, "declined", null),
                hna("H3", "2024-04-01", B, "eating_appetite", 7, "no_action", null),
                hna("H3", "2024-04-01", B, "money_housing", 8, "declined", null),
                hna("H4", "2025-03-31", D, "sore_dry_mouth", 5, "information_given", null),
                hna("H5", "2024-06-01", "unknown", "breathing", 10, "no_action", null),
                hna("H0", "2024-03-31", A, "fatigue", 8, "referred", "physiotherapist"));
        List<Row> svc = List.of(
                svc(
                        "P1",
                        "S1",
                        "2025-Q1",
                        "community",
                        List.of(A, B),
                        List.of("all"),
                        List.of("preventative", "restorative"),
                        "2025-12-31"),
                svc("P1", "S2", "2025-Q1", "home", List.of(D), List.of("breast"), List.of("supportive"), null),
                svc("P3", "S1", "2025-Q1", "hospice", List.of(A), List.of("lung"), List.of("palliative"), "2027-01-01"),
                svc(
                        "P1",
                        "S1",
                        "2024-Q4",
                        "community",
                        List.of(A, B),
                        List.of("all"),
                        List.of("preventative", "restorative"),
                        "2025-12-31"),
                svc("P9", "S1", "2024-Q4", "community", List.of(E), List.of("breast"), List.of("restorative"), null));
        List<Row> boroughs = new ArrayList<>();
        boroughs().forEach((code, v) -> boroughs.add(RowFactory.create(code, v[0], v[1], v[2], v[3], v[4])));
        List<Row> pop = new ArrayList<>();
        population().forEach((code, p) -> pop.add(RowFactory.create(code, p)));
        List<Row> imd = List.of(
                RowFactory.create(A, 20.0),
                RowFactory.create(B, 10.0),
                RowFactory.create(C, 30.0),
                RowFactory.create(D, 40.0),
                RowFactory.create(E, 10.0),
                RowFactory.create(F, 10.0));
        String ref = SharedSpark.projectHome().resolve("data/reference").toString();
        return new SilverInputs(
                        spark.createDataFrame(svc, SilverInputs.SERVICE),
                        spark.createDataFrame(wf, SilverInputs.WORKFORCE),
                        spark.createDataFrame(hna, SilverInputs.HNA_CONCERN),
                        spark.createDataFrame(co, SilverInputs.COMORBIDITY),
                        spark.createDataFrame(boroughs, SilverInputs.BOROUGH),
                        spark.createDataFrame(pop, SilverInputs.POPULATION),
                        spark.createDataFrame(imd, SilverInputs.IMD),
                        reference(spark, ref + "/ahp_professions.csv", SilverInputs.PROFESSION),
                        reference(spark, ref + "/hna_concerns.csv", SilverInputs.CONCERN),
                        reference(spark, ref + "/ltc_conditions.csv", SilverInputs.LTC_CONDITION),
                        List.of())
                .cached();
    }

    static Dataset<Row> reference(SparkSession spark, String csv, org.apache.spark.sql.types.StructType schema) {
        return SilverInputs.typed(spark.read().option("header", "true").csv(csv), schema, csv);
    }

    static Row wf(
            String date,
            String provider,
            String service,
            List<String> boroughs,
            String profession,
            String band,
            boolean specialist,
            double funded,
            double inPost,
            Double caseload) {
        return RowFactory.create(
                Date.valueOf(date),
                provider,
                service,
                boroughs,
                profession,
                band,
                specialist,
                funded,
                inPost,
                caseload);
    }

    /** Rows of one sex × 60-69 cell: ANY2 with its count (null = supplier-suppressed), and HYP when given. */
    static List<Row> cell(String borough, String sex, int register, Integer any2, Integer hyp) {
        List<Row> out = new ArrayList<>();
        Date d = Date.valueOf("2025-03-31");
        out.add(RowFactory.create(d, borough, "ANY2", sex, "60-69", register, any2, false, any2 == null));
        if (hyp != null) {
            out.add(RowFactory.create(d, borough, "HYP", sex, "60-69", register, hyp, false, false));
        }
        return out;
    }

    static Row hna(
            String id, String date, String residence, String concern, int score, String action, String referredTo) {
        Date d = Date.valueOf(date);
        int y = d.toLocalDate().getMonthValue() >= 4
                ? d.toLocalDate().getYear()
                : d.toLocalDate().getYear() - 1;
        String fy = y + "-" + String.format("%02d", (y + 1) % 100);
        return RowFactory.create(
                id, d, fy, "P1", residence, "60-69", "female", "lung", "treatment", concern, score, action, referredTo);
    }

    static Row svc(
            String provider,
            String service,
            String period,
            String setting,
            List<String> boroughs,
            List<String> tumours,
            List<String> stages,
            String fundingEnd) {
        return RowFactory.create(
                provider,
                service,
                period,
                "Provider " + provider,
                "hospice",
                "Service " + service,
                setting,
                boroughs,
                tumours,
                stages,
                3,
                List.of("gp"),
                "charity",
                fundingEnd == null ? null : Date.valueOf(fundingEnd),
                10,
                10,
                20);
    }
}
