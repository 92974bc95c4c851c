package org.rehabmap.model;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.SilverInputs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Collects {@link ModelInputs} from silver with the curate job's building blocks: its geography
 * (area roll-ups), its people living with cancer ({@link Denominators}), its apportioned
 * workforce position and its cancer caseload share. Three small Spark aggregations (HNA by area,
 * workforce by area × profession × band, projections), collected; the rest is Java.
 */
public final class ModelInputsReader {
    private ModelInputsReader() {}

    /**
     * What the reader takes from the curate job.
     *
     * @param apportionedNow     the current workforce position's survey rows, apportioned to boroughs
     *                           ({@link Apportionment#apportion}: la_code, share), or null when there is no survey
     * @param workforcePosition  the current position's date, or null
     * @param caseloadShareSql   the share of a row's time on people with cancer (rehabmap.curate.cancer-caseload-share)
     * @param concernProfessions profession → concern codes it meets
     * @param professionLabels   profession code → label (silver.profession)
     */
    public record Curated(
            Geography geography,
            Denominators denominators,
            Dataset<Row> apportionedNow,
            String workforcePosition,
            String caseloadShareSql,
            int highDistressScore,
            Map<String, List<String>> concernProfessions,
            Map<String, String> professionLabels) {}

    public static ModelInputs read(
            Curated c, ModelSilver silver, Integer configuredBaseYear, java.time.LocalDate asOf) {
        Geography geo = c.geography();
        List<String> professions = new ArrayList<>(new TreeMap<>(c.concernProfessions()).keySet());
        List<ModelInputs.Area> areas = areas(geo);
        int baseYear = configuredBaseYear != null
                ? configuredBaseYear
                : c.denominators().extract() != null
                        ? Integer.parseInt(c.denominators().extract().substring(0, 4))
                        : asOf.getYear();

        Dataset<Row> areaMap = geo.areaMap(silver.hna().sparkSession());
        String hnaPeriod = latest(silver.hna(), "financial_year");
        Map<String, ModelInputs.Hna> hna = hnaPeriod == null
                ? Map.of()
                : hna(
                        silver.hna().filter(col("financial_year").equalTo(hnaPeriod)),
                        areaMap,
                        professions,
                        c.concernProfessions(),
                        c.highDistressScore());

        Map<String, Map<String, ModelInputs.Supply>> supply =
                c.workforcePosition() == null || c.apportionedNow() == null
                        ? Map.of()
                        : supply(c.apportionedNow(), areaMap, professions, c.caseloadShareSql());

        Map<String, Long> lwc = new TreeMap<>();
        for (String b : geo.boroughCodes()) {
            Long v = c.denominators().livingWithCancer().get(b);
            if (v != null) {
                lwc.put(b, v);
            }
        }
        Map<String, Map<Integer, Double>> pop65 = silver.projection() == null ? Map.of() : population65(silver, geo);
        ModelInputs.PayTable pay = pay(silver);
        return new ModelInputs(
                baseYear,
                areas,
                List.copyOf(professions),
                c.professionLabels(),
                lwc,
                hna,
                supply,
                pop65,
                pay,
                hnaPeriod,
                c.workforcePosition());
    }

    /** Every area of the geography with the areas above it and the boroughs in it. */
    static List<ModelInputs.Area> areas(Geography geo) {
        Map<String, List<String>> ancestors = new LinkedHashMap<>();
        Map<String, List<String>> boroughs = new LinkedHashMap<>();
        for (String b : geo.boroughCodes()) {
            List<String> chain = geo.parents(b);
            for (int i = 0; i < chain.size(); i++) {
                ancestors.putIfAbsent(chain.get(i), List.copyOf(chain.subList(i + 1, chain.size())));
                boroughs.computeIfAbsent(chain.get(i), k -> new ArrayList<>()).add(b);
            }
        }
        List<ModelInputs.Area> out = new ArrayList<>();
        for (Geography.Area a : geo.areas()) {
            out.add(new ModelInputs.Area(
                    a.level(),
                    a.code(),
                    a.name(),
                    ancestors.getOrDefault(a.code(), List.of()),
                    List.copyOf(boroughs.getOrDefault(a.code(), List.of()))));
        }
        return out;
    }

    /** Assessed people and high-distress concerns per profession, by area of residence (unknown residence: London only). */
    static Map<String, ModelInputs.Hna> hna(
            Dataset<Row> rows,
            Dataset<Row> areaMap,
            List<String> professions,
            Map<String, List<String>> concernProfessions,
            int highDistress) {
        List<Column> aggs = new ArrayList<>();
        aggs.add(countDistinct(col("nhs_number")).as("people"));
        Column high = coalesce(col("concern_score").geq(highDistress), lit(false));
        for (String p : professions) {
            Column meets = col("concern_code").isin(concernProfessions.get(p).toArray());
            aggs.add(sum(when(high.and(meets), 1L).otherwise(0L)).as("p_" + p));
        }
        List<Row> result = rows.withColumn(
                        Apportionment.LA_CODE, coalesce(col("residence_borough_code"), lit(Geography.UNKNOWN)))
                .join(areaMap, Apportionment.LA_CODE)
                .groupBy(Geography.AREA_CODE)
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .orderBy(Geography.AREA_CODE)
                .collectAsList();
        Map<String, ModelInputs.Hna> out = new TreeMap<>();
        for (Row r : result) {
            Map<String, Long> concerns = new LinkedHashMap<>();
            for (int i = 0; i < professions.size(); i++) {
                concerns.put(professions.get(i), r.getLong(2 + i));
            }
            out.put(r.getString(0), new ModelInputs.Hna(r.getLong(1), concerns));
        }
        return out;
    }

    /** Cancer WTE in post, vacant and funded by band, per area and profession. */
    static Map<String, Map<String, ModelInputs.Supply>> supply(
            Dataset<Row> apportioned, Dataset<Row> areaMap, List<String> professions, String caseloadShareSql) {
        Column share = expr(caseloadShareSql);
        Column kept = col("_cs").isNotNull();
        Column rowKey = concat_ws(
                "|",
                col("survey_date").cast("string"),
                col("provider_code"),
                coalesce(col("service_id"), lit("")),
                col("profession"),
                col("afc_band"),
                col("cancer_specialist").cast("string"));
        List<Row> result = apportioned
                .filter(col("profession").isin(professions.toArray()))
                .withColumn("_cs", share)
                .withColumn("_key", rowKey)
                .join(areaMap, Apportionment.LA_CODE)
                .groupBy(col(Geography.AREA_CODE), col("profession"), col("afc_band"))
                .agg(
                        sum(when(kept, Apportionment.shared(col("wte_in_post").multiply(col("_cs")))))
                                .cast("double")
                                .as("in_post"),
                        sum(when(
                                        kept,
                                        Apportionment.shared(
                                                greatest(col("wte_funded").minus(col("wte_in_post")), lit(0.0))
                                                        .multiply(col("_cs")))))
                                .cast("double")
                                .as("vacant"),
                        sum(when(kept, Apportionment.shared(col("wte_funded").multiply(col("_cs")))))
                                .cast("double")
                                .as("funded"),
                        collect_set(when(not(kept), col("_key"))).as("no_share"))
                .orderBy(Geography.AREA_CODE, "profession", "afc_band")
                .collectAsList();
        Map<String, Map<String, double[]>> sums = new TreeMap<>();
        Map<String, Map<String, Map<String, Double>>> bands = new TreeMap<>();
        Map<String, Map<String, Set<String>>> noShare = new TreeMap<>();
        for (Row r : result) {
            String area = r.getString(0);
            String prof = r.getString(1);
            double[] s = sums.computeIfAbsent(area, k -> new TreeMap<>()).computeIfAbsent(prof, k -> new double[2]);
            s[0] += r.isNullAt(3) ? 0 : r.getDouble(3);
            s[1] += r.isNullAt(4) ? 0 : r.getDouble(4);
            if (!r.isNullAt(5) && r.getDouble(5) > 0) {
                bands.computeIfAbsent(area, k -> new TreeMap<>())
                        .computeIfAbsent(prof, k -> new TreeMap<>())
                        .merge(r.getString(2), r.getDouble(5), Double::sum);
            }
            Set<String> ns =
                    noShare.computeIfAbsent(area, k -> new TreeMap<>()).computeIfAbsent(prof, k -> new HashSet<>());
            ns.addAll(r.getList(6));
        }
        Map<String, Map<String, ModelInputs.Supply>> out = new TreeMap<>();
        sums.forEach((area, byProf) -> byProf.forEach((prof, s) -> out.computeIfAbsent(area, k -> new TreeMap<>())
                .put(
                        prof,
                        new ModelInputs.Supply(
                                s[0],
                                s[1],
                                bands.getOrDefault(area, Map.of()).getOrDefault(prof, Map.of()),
                                noShare.get(area).get(prof).size()))));
        return out;
    }

    /** Projected residents aged 65+ per borough and year, rebased to Census 2021. */
    static Map<String, Map<Integer, Double>> population65(ModelSilver silver, Geography geo) {
        Set<String> boroughs = new HashSet<>(geo.boroughCodes());
        Map<String, Map<Integer, Double>> projected = new TreeMap<>();
        for (Row r : silver.projection()
                .select("la_code", "year", "population_65_plus")
                .collectAsList()) {
            if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(2) || !boroughs.contains(r.getString(0))) {
                continue;
            }
            projected.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getInt(1), r.getDouble(2));
        }
        return Projections.rebase(projected, SilverInputs.byLaCode(silver.population(), "census2021_age_65_plus"));
    }

    /** Pay and on-costs, or null when either reference table is absent. */
    static ModelInputs.PayTable pay(ModelSilver silver) {
        if (silver.afcPay() == null || silver.oncost() == null) {
            return null;
        }
        Map<String, ModelInputs.PayBand> bands = new TreeMap<>();
        for (Row r : silver.afcPay().collectAsList()) {
            if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(3)) {
                continue;
            }
            bands.put(
                    r.getString(0).trim().toLowerCase(java.util.Locale.ROOT),
                    new ModelInputs.PayBand(r.getDouble(1), r.isNullAt(2) ? null : r.getDouble(2), r.getDouble(3)));
        }
        Map<String, ModelInputs.OnCost> oncosts = new TreeMap<>();
        for (Row r : silver.oncost().collectAsList()) {
            if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(2)) {
                continue;
            }
            oncosts.put(
                    r.getString(0) + "|" + r.getString(1),
                    new ModelInputs.OnCost(r.getDouble(2), r.isNullAt(3) ? 0.0 : r.getDouble(3)));
        }
        return bands.isEmpty() ? null : new ModelInputs.PayTable(bands, oncosts);
    }

    private static String latest(Dataset<Row> df, String column) {
        Row r = df.agg(max(col(column))).first();
        return r.isNullAt(0) ? null : r.getString(0);
    }
}
