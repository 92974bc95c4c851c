package org.rehabmap.model;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import static org.rehabmap.model.TwoBoroughs.ALLIANCE;
import static org.rehabmap.model.TwoBoroughs.ALPHA;
import static org.rehabmap.model.TwoBoroughs.BETA;
import static org.rehabmap.model.TwoBoroughs.DIET;
import static org.rehabmap.model.TwoBoroughs.OT;
import static org.rehabmap.model.TwoBoroughs.PHYSIO;
import static org.rehabmap.model.TwoBoroughs.SLT;
import static org.rehabmap.model.TwoBoroughs.STP;

/**
 * The silver tables of {@link TwoBoroughs}, written as Delta tables into a lake, so that the
 * curate step and the what-if command collect the model's inputs from real rows.
 * <pre>
 * workforce (survey, provider, service, boroughs, profession, band, specialist, funded, in post, caseload %):
 *   W0  2024-03-31 P1 S1 [Alpha]       physio  6 spec 9.0 9.0  -    older survey of P1: not the current position
 *   W1  2025-03-31 P1 S1 [Alpha]       physio  6 spec 1.5 0.5  -    → Alpha 0.5 in post, 1.0 vacant
 *   W2  2025-03-31 P1 S2 [Alpha]       physio  7 spec 1.0 1.0  -    → Alpha 1.0
 *   W4  2025-03-31 P2 S1 [Alpha, Beta] physio  6 spec 2.5 2.5  -    → by population 60,000 : 40,000 = Alpha 1.5, Beta 1.0
 *   W5  2025-03-31 P2 S2 [Beta]        physio  6 gen  1.0 1.0  50   → Beta 0.5
 *   W6  2025-03-31 P2 S3 [Beta]        physio  5 gen  1.0 1.0  -    no caseload share: left out
 *   W3  2025-03-31 P1 S3 [Alpha]       dietitian 5 gen 6.0 5.0 50   → Alpha 2.5 in post, 0.5 vacant
 *   W8  2025-03-31 P2 S4 [Beta]        OT      6 spec 1.0 0.0  -    → Beta 0 in post, 1.0 vacant
 *   W9  2025-03-31 P1 S4 [Alpha]       SLT     7 spec 0.5 0.5  -    → Alpha 0.5
 *   W10 2025-03-31 P1 S5 [Alpha]       rehab_support_worker 3 spec 2.0 2.0 - (not a modelled profession)
 * HNA (person, assessment, residence: concern score), 2024-25 unless said:
 *   N1 A1 Alpha: pain 8, breathing 7          N2 A2 Alpha: fatigue 9 (physio and OT)
 *   N3 A3 Alpha: mobility 7, weight_change 8  N4 A4 Alpha: nausea_vomiting 10, pain 5 (not high)
 *   N5 B1 Beta: pain 9, breathing 8, mobility 7;  N5 B2 Beta: pain 8 (a second assessment of the same person)
 *   N6 B3 Beta: swelling 7, weight_change 7
 *   N7 U1 unknown: breathing 10, tingling 8   N8 U2 unknown: pain 7, nausea_vomiting 9
 *   N1 A0 Alpha, 2023-24: pain 9 (an earlier financial year: not used)
 * comorbidity 2025-03-31, register counts (60-69): Alpha female 700 + male 500 = 1,200; Beta 400 + 200 = 600
 * population 65+: census Alpha 7,200, Beta 3,600; projected 2021 8,000 / 4,000 (rebase × 0.9),
 *   2025 10,000 / 5,000, 2026 10,500 / 5,500, 2027 11,000 / 6,000
 * IMD: Alpha 30, Beta 20.  Pay and on-costs: the project's reference files.
 * </pre>
 */
final class TwoBoroughSilver {
    private TwoBoroughSilver() {}

    static void write(Lake lake) {
        SparkSession spark = lake.spark();
        String a = ALPHA;
        String b = BETA;
        save(
                lake,
                "silver.borough",
                spark.createDataFrame(
                        List.of(
                                RowFactory.create(a, "Alpha", STP, "North", ALLIANCE, "Alliance"),
                                RowFactory.create(b, "Beta", STP, "North", ALLIANCE, "Alliance")),
                        new StructType()
                                .add("la_code", DataTypes.StringType)
                                .add("la_name", DataTypes.StringType)
                                .add("stp19_code", DataTypes.StringType)
                                .add("stp_footprint", DataTypes.StringType)
                                .add("cancer_alliance19_code", DataTypes.StringType)
                                .add("cancer_alliance19_name", DataTypes.StringType)));
        save(
                lake,
                "silver.population",
                spark.createDataFrame(
                        List.of(RowFactory.create(a, 60000L, 7200.0), RowFactory.create(b, 40000L, 3600.0)),
                        new StructType()
                                .add("la_code", DataTypes.StringType)
                                .add("census2021_usual_residents", DataTypes.LongType)
                                .add("census2021_age_65_plus", DataTypes.DoubleType)));
        save(
                lake,
                "silver.imd",
                spark.createDataFrame(
                        List.of(RowFactory.create(a, 30.0), RowFactory.create(b, 20.0)),
                        new StructType()
                                .add("la_code", DataTypes.StringType)
                                .add("imd_average_score", DataTypes.DoubleType)));
        save(lake, "silver.profession", reference(spark, "ahp_professions.csv"));
        save(lake, "silver.concern", reference(spark, "hna_concerns.csv"));
        save(lake, "silver.ltc_condition", reference(spark, "ltc_conditions.csv"));
        save(lake, "silver.afc_pay", reference(spark, "afc_pay_2025_26.csv"));
        save(lake, "silver.employer_oncost", reference(spark, "nhs_employer_oncosts.csv"));

        List<Row> proj = new ArrayList<>();
        int[] years = {2021, 2025, 2026, 2027};
        double[] alpha = {8000, 10000, 10500, 11000};
        double[] beta = {4000, 5000, 5500, 6000};
        for (int i = 0; i < years.length; i++) {
            proj.add(RowFactory.create(a, years[i], alpha[i] * 8, alpha[i]));
            proj.add(RowFactory.create(b, years[i], beta[i] * 8, beta[i]));
        }
        save(
                lake,
                "silver.population_projection",
                spark.createDataFrame(
                        proj,
                        new StructType()
                                .add("la_code", DataTypes.StringType)
                                .add("year", DataTypes.IntegerType)
                                .add("population_all_ages", DataTypes.DoubleType)
                                .add("population_65_plus", DataTypes.DoubleType)));

        save(
                lake,
                "silver.workforce",
                spark.createDataFrame(
                        List.of(
                                wf("2024-03-31", "P1", "S1", List.of(a), PHYSIO, "6", true, 9.0, 9.0, null),
                                wf("2025-03-31", "P1", "S1", List.of(a), PHYSIO, "6", true, 1.5, 0.5, null),
                                wf("2025-03-31", "P1", "S2", List.of(a), PHYSIO, "7", true, 1.0, 1.0, null),
                                wf("2025-03-31", "P2", "S1", List.of(a, b), PHYSIO, "6", true, 2.5, 2.5, null),
                                wf("2025-03-31", "P2", "S2", List.of(b), PHYSIO, "6", false, 1.0, 1.0, 50.0),
                                wf("2025-03-31", "P2", "S3", List.of(b), PHYSIO, "5", false, 1.0, 1.0, null),
                                wf("2025-03-31", "P1", "S3", List.of(a), DIET, "5", false, 6.0, 5.0, 50.0),
                                wf("2025-03-31", "P2", "S4", List.of(b), OT, "6", true, 1.0, 0.0, null),
                                wf("2025-03-31", "P1", "S4", List.of(a), SLT, "7", true, 0.5, 0.5, null),
                                wf(
                                        "2025-03-31",
                                        "P1",
                                        "S5",
                                        List.of(a),
                                        "rehab_support_worker",
                                        "3",
                                        true,
                                        2.0,
                                        2.0,
                                        null)),
                        SilverInputs.WORKFORCE));

        List<Row> hna = List.of(
                hna("N1", "A1", a, "pain", 8),
                hna("N1", "A1", a, "breathing", 7),
                hna("N2", "A2", a, "fatigue", 9),
                hna("N3", "A3", a, "mobility", 7),
                hna("N3", "A3", a, "weight_change", 8),
                hna("N4", "A4", a, "nausea_vomiting", 10),
                hna("N4", "A4", a, "pain", 5),
                hna("N5", "B1", b, "pain", 9),
                hna("N5", "B1", b, "breathing", 8),
                hna("N5", "B1", b, "mobility", 7),
                hna("N5", "B2", b, "pain", 8),
                hna("N6", "B3", b, "swelling", 7),
                hna("N6", "B3", b, "weight_change", 7),
                hna("N7", "U1", "unknown", "breathing", 10),
                hna("N7", "U1", "unknown", "tingling", 8),
                hna("N8", "U2", "unknown", "pain", 7),
                hna("N8", "U2", "unknown", "nausea_vomiting", 9),
                RowFactory.create(
                        "A0",
                        "pseudo-N1",
                        Date.valueOf("2023-10-01"),
                        "2023-24",
                        "P1",
                        a,
                        "60-69",
                        "female",
                        "lung",
                        "treatment",
                        "pain",
                        9,
                        "referred",
                        PHYSIO));
        StructType hnaSchema =
                new StructType().add("assessment_id", DataTypes.StringType).add("nhs_number", DataTypes.StringType);
        for (var f : SilverInputs.HNA_CONCERN.fields()) {
            if (!f.name().equals("assessment_id")) {
                hnaSchema = hnaSchema.add(f);
            }
        }
        save(lake, "silver.hna_concern", spark.createDataFrame(hna, hnaSchema));

        Date extract = Date.valueOf("2025-03-31");
        save(
                lake,
                "silver.comorbidity",
                spark.createDataFrame(
                        List.of(
                                RowFactory.create(extract, a, "ANY2", "female", "60-69", 700, 200, false, false),
                                RowFactory.create(extract, a, "ANY2", "male", "60-69", 500, 150, false, false),
                                RowFactory.create(extract, b, "ANY2", "female", "60-69", 400, 100, false, false),
                                RowFactory.create(extract, b, "ANY2", "male", "60-69", 200, 50, false, false)),
                        SilverInputs.COMORBIDITY));
    }

    private static Row wf(
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

    private static Row hna(String person, String assessment, String residence, String concern, int score) {
        return RowFactory.create(
                assessment,
                "pseudo-" + person,
                Date.valueOf("2024-10-01"),
                "2024-25",
                "P1",
                residence,
                "60-69",
                "female",
                "lung",
                "treatment",
                concern,
                score,
                score >= 7 ? "no_action" : "discussed",
                null);
    }

    private static Dataset<Row> reference(SparkSession spark, String file) {
        return spark.read()
                .option("header", "true")
                .option("multiLine", "true")
                .option("escape", "\"")
                .csv(SharedSpark.projectHome()
                        .resolve("data/reference")
                        .resolve(file)
                        .toString());
    }

    private static void save(Lake lake, String table, Dataset<Row> df) {
        df.coalesce(1).write().format("delta").mode("overwrite").save(lake.path(table));
    }
}
