package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;
import org.rehabmap.gold.SecondarySuppression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.initcap;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

/**
 * gold.unmet_need: Holistic Needs Assessment concerns by financial year and area, for all
 * concerns, by concern domain and by the profession that would meet them (the mapping in conf);
 * how many were high distress, left without action, declined. The 'all' row of the latest year
 * carries the unmet-need index and its four components.
 */
final class UnmetNeedTable {
    static final String ALL = "all";
    static final String DOMAIN = "domain";
    static final String PROFESSION = "profession";
    private static final String TAGS = "array<struct<breakdown:string,breakdown_code:string>>";
    static final List<String> COUNTS = List.of(
            "assessments",
            "assessments_with_concern",
            "concerns",
            "high_distress_concerns",
            "high_distress_without_action",
            "without_action_concerns",
            "declined_concerns");

    private UnmetNeedTable() {}

    /**
     * @param hna         {@link Positions#hna} rows
     * @param concerns    silver.concern (code, domain_code, domain)
     * @param professions silver.profession (code, label)
     */
    static Dataset<Row> build(
            Dataset<Row> hna,
            Dataset<Row> concerns,
            Dataset<Row> professions,
            Dataset<Row> areaMap,
            Dataset<Row> areaList,
            BenchmarkAssembler.Result benchmarks,
            CurateConfig cfg) {
        Dataset<Row> sums = countByAreaAndBreakdown(tagWithBreakdowns(hna, concerns, cfg), areaMap, cfg);
        Dataset<Row> grid =
                everyPeriodAreaAndBreakdown(hna, areaList, breakdownLabels(concerns, professions, cfg), sums);
        grid = withDisclosureControl(withRates(withAssessments(grid)), cfg);
        grid = grid.join(
                index(hna.sparkSession(), benchmarks, cfg),
                Positions.usingColumns(Positions.PERIOD, Geography.AREA_CODE, "breakdown"),
                "left");
        return inPublishedOrder(grid, cfg);
    }

    /** Every concern row counts for 'all', for its domain (when known) and for each profession that would meet it. */
    private static Dataset<Row> tagWithBreakdowns(Dataset<Row> hna, Dataset<Row> concerns, CurateConfig cfg) {
        Column all = struct(lit(ALL).as("breakdown"), lit(ALL).as("breakdown_code"));
        Column domain = struct(lit(DOMAIN).as("breakdown"), col("domain_code").as("breakdown_code"));
        return hna.join(
                        broadcast(concerns.select(col("code").as("concern_code"), col("domain_code"))),
                        Positions.usingColumns("concern_code"),
                        "left")
                .select(
                        col(Positions.PERIOD),
                        col("residence").as(Apportionment.LA_CODE),
                        col("assessment_id"),
                        col("concern_score"),
                        col("action"),
                        explode(concat(
                                        array(all),
                                        when(col("domain_code").isNotNull(), array(domain))
                                                .otherwise(array().cast(TAGS)),
                                        coalesce(
                                                try_element_at(professionTags(cfg), col("concern_code")),
                                                array().cast(TAGS))))
                                .as("_b"))
                .select(
                        col("*"),
                        col("_b.breakdown").as("breakdown"),
                        col("_b.breakdown_code").as("breakdown_code"))
                .drop("_b");
    }

    /**
     * The counts of each area, period and breakdown: assessments with a concern (distinct), concerns,
     * high-distress concerns (score at or above the threshold), those left without action, declined.
     * Two aggregations rather than one: the concern rows (about eight to an assessment) first become
     * one row per assessment and breakdown in its borough, so the fan-out to every area level and the
     * distinct count run on those instead of on every concern; it was half of a curate rebuild's
     * executor time. The distinct count stays a distinct count, so an assessment whose concerns name
     * two boroughs still counts once in their STP.
     */
    static Dataset<Row> countByAreaAndBreakdown(Dataset<Row> tagged, Dataset<Row> areaMap, CurateConfig cfg) {
        Column high = coalesce(col("concern_score").geq(cfg.highDistressScore()), lit(false));
        Column noAction = col("action").equalTo("no_action");
        Dataset<Row> perAssessment = tagged.groupBy(
                        Positions.PERIOD, Apportionment.LA_CODE, "breakdown", "breakdown_code", "assessment_id")
                .agg(
                        count(lit(1)).as("concerns"),
                        sum(when(high, 1L).otherwise(0L)).as("high_distress_concerns"),
                        sum(when(high.and(noAction), 1L).otherwise(0L)).as("high_distress_without_action"),
                        sum(when(noAction, 1L).otherwise(0L)).as("without_action_concerns"),
                        sum(when(col("action").equalTo("declined"), 1L).otherwise(0L))
                                .as("declined_concerns"));
        return perAssessment
                .join(areaMap, Apportionment.LA_CODE)
                .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE, "breakdown", "breakdown_code")
                .agg(
                        countDistinct("assessment_id").as("assessments_with_concern"),
                        sum("concerns").as("concerns"),
                        sum("high_distress_concerns").as("high_distress_concerns"),
                        sum("high_distress_without_action").as("high_distress_without_action"),
                        sum("without_action_concerns").as("without_action_concerns"),
                        sum("declined_concerns").as("declined_concerns"));
    }

    /**
     * Every breakdown a row can have, with its label: all concerns, each concern domain, and each
     * profession the mapping in conf names (labelled from silver.profession, else from its code).
     */
    private static Dataset<Row> breakdownLabels(Dataset<Row> concerns, Dataset<Row> professions, CurateConfig cfg) {
        SparkSession spark = concerns.sparkSession();
        Dataset<Row> mapping = mapping(spark, cfg)
                .join(
                        professions.select(col("code").as(PROFESSION), col("label")),
                        Positions.usingColumns(PROFESSION),
                        "left");
        return spark.createDataFrame(List.of(RowFactory.create(ALL, ALL, "All concerns")), labels())
                .unionByName(concerns.select(
                                lit(DOMAIN).as("breakdown"),
                                col("domain_code").as("breakdown_code"),
                                col("domain").as("breakdown_label"))
                        .distinct())
                .unionByName(mapping.select(
                                lit(PROFESSION).as("breakdown"),
                                col(PROFESSION).as("breakdown_code"),
                                coalesce(col("label"), initcap(regexp_replace(col(PROFESSION), "_", " ")))
                                        .as("breakdown_label"))
                        .distinct());
    }

    /** A row for every HNA period, area and breakdown, so an area without concerns reads 0, not nothing. */
    private static Dataset<Row> everyPeriodAreaAndBreakdown(
            Dataset<Row> hna, Dataset<Row> areaList, Dataset<Row> breakdowns, Dataset<Row> sums) {
        Dataset<Row> grid = hna.select(Positions.PERIOD)
                .distinct()
                .crossJoin(areaList)
                .crossJoin(breakdowns)
                .join(
                        sums,
                        Positions.usingColumns(
                                Positions.PERIOD,
                                Geography.AREA_LEVEL,
                                Geography.AREA_CODE,
                                "breakdown",
                                "breakdown_code"),
                        "left");
        Map<String, Column> zeros = new LinkedHashMap<>();
        for (String c : COUNTS) {
            if (!c.equals("assessments")) {
                zeros.put(c, coalesce(col(c), lit(0L)));
            }
        }
        // one projection, not one per count: each withColumn analyses the whole plan again
        return grid.withColumns(zeros);
    }

    /** The area's distinct assessments (its 'all' row) beside every breakdown: a concern may count under several. */
    private static Dataset<Row> withAssessments(Dataset<Row> grid) {
        return grid.withColumn(
                "assessments",
                max(when(col("breakdown").equalTo(ALL), col("assessments_with_concern")))
                        .over(org.apache.spark.sql.expressions.Window.partitionBy(
                                Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE)));
    }

    /** Each rate and the two counts it is made from (part, whole): it is withheld when either is. */
    private static Map<String, List<String>> rates() {
        Map<String, List<String>> rates = new LinkedHashMap<>();
        rates.put("concerns_per_100_assessments", List.of("concerns", "assessments"));
        rates.put("high_distress_pct", List.of("high_distress_concerns", "concerns"));
        rates.put("without_action_pct", List.of("without_action_concerns", "concerns"));
        rates.put("declined_pct", List.of("declined_concerns", "concerns"));
        rates.put(
                "high_distress_without_action_pct", List.of("high_distress_without_action", "high_distress_concerns"));
        return rates;
    }

    /** The rates that are percentages of a whole (a part can be at most its whole), which get Wilson limits. */
    private static final List<String> PROPORTIONS =
            List.of("high_distress_pct", "without_action_pct", "declined_pct", "high_distress_without_action_pct");

    /**
     * Every rate and each percentage's Wilson 95% limits ({@code <rate>_lower_ci95}, {@code
     * <rate>_upper_ci95}), with the counts they are made from: withheld when either count is.
     */
    private static Map<String, List<String>> ratesAndLimits() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        rates().forEach((rate, counts) -> {
            out.put(rate, counts);
            if (PROPORTIONS.contains(rate)) {
                out.put(rate + "_lower_ci95", counts);
                out.put(rate + "_upper_ci95", counts);
            }
        });
        return out;
    }

    /** Every rate as 100 × part ÷ whole, null where the whole is 0; percentages with their Wilson 95% limits. */
    private static Dataset<Row> withRates(Dataset<Row> grid) {
        Map<String, Column> rates = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> r : rates().entrySet()) {
            Column part = col(r.getValue().get(0));
            Column whole = col(r.getValue().get(1));
            rates.put(r.getKey(), pct(part, whole));
            if (PROPORTIONS.contains(r.getKey())) {
                rates.put(r.getKey() + "_lower_ci95", WilsonColumns.lower95(part, whole));
                rates.put(r.getKey() + "_upper_ci95", WilsonColumns.upper95(part, whole));
            }
        }
        // every rate is made from the counts alone: one projection
        return grid.withColumns(rates);
    }

    /**
     * Counts of min–max people withheld with the rates made from them; a row describing fewer
     * assessments withheld whole; and secondary suppression where one withheld cell could be recovered
     * from a published total: an area's domains add up to its 'all' row (a concern has one domain),
     * boroughs add up to their STP.
     */
    private static Dataset<Row> withDisclosureControl(Dataset<Row> grid, CurateConfig cfg) {
        return new Disclosure(cfg.disclosureMin(), cfg.disclosureMax())
                .apply(
                        grid,
                        COUNTS,
                        ratesAndLimits(),
                        "assessments_with_concern",
                        List.of(
                                new SecondarySuppression.Siblings(
                                        List.of(Positions.PERIOD, Geography.AREA_CODE),
                                        col("breakdown").equalTo(DOMAIN)),
                                new SecondarySuppression.Siblings(
                                        List.of(Positions.PERIOD, "breakdown", "breakdown_code", Geography.PARENT_CODE),
                                        col(Geography.AREA_LEVEL).equalTo(Geography.BOROUGH))),
                        List.of(Geography.AREA_CODE, "breakdown_code"));
    }

    /**
     * The contract's columns, by period, area level, area code and breakdown ('all', then domains,
     * then professions).
     */
    private static Dataset<Row> inPublishedOrder(Dataset<Row> grid, CurateConfig cfg) {
        List<Column> out = new ArrayList<>(List.of(
                col(Positions.PERIOD),
                col(Geography.AREA_LEVEL),
                col(Geography.AREA_CODE),
                col(Geography.AREA_NAME),
                col("breakdown"),
                col("breakdown_code"),
                col("breakdown_label")));
        for (String c : COUNTS) {
            out.add(col(c));
        }
        for (String c : ratesAndLimits().keySet()) {
            out.add(col(c));
        }
        out.add(col("suppressed"));
        out.add(col("unmet_need_index"));
        for (CurateConfig.IndexComponent k : cfg.indexComponents()) {
            out.add(col(k.name()));
        }
        out.add(col("index_note"));
        return grid.orderBy(
                        col(Positions.PERIOD),
                        col(Geography.LEVEL_ORDER),
                        col(Geography.AREA_CODE),
                        when(col("breakdown").equalTo(ALL), 0)
                                .when(col("breakdown").equalTo(DOMAIN), 1)
                                .otherwise(2),
                        col("breakdown_code"))
                .select(out.toArray(Column[]::new));
    }

    /**
     * concern_code → its profession breakdowns (breakdown 'profession', breakdown_code the profession),
     * from conf. A literal map of literal structs rather than a lambda over profession names: Spark
     * evaluates higher-order functions row by row outside generated code, and this runs once for
     * every concern row.
     */
    static Column professionTags(CurateConfig cfg) {
        java.util.Map<String, java.util.List<String>> byConcern = new java.util.TreeMap<>();
        cfg.concernProfessions()
                .forEach((prof, codes) -> codes.forEach(code ->
                        byConcern.computeIfAbsent(code, k -> new ArrayList<>()).add(prof)));
        List<Column> kv = new ArrayList<>();
        byConcern.forEach((code, profs) -> {
            kv.add(lit(code));
            kv.add(array(profs.stream()
                    .sorted()
                    .map(p -> struct(lit(PROFESSION).as("breakdown"), lit(p).as("breakdown_code")))
                    .toArray(Column[]::new)));
        });
        return kv.isEmpty() ? map().cast("map<string," + TAGS + ">") : map(kv.toArray(Column[]::new));
    }

    /** concern_code → profession pairs from conf (a concern under two professions appears twice). */
    static Dataset<Row> mapping(SparkSession spark, CurateConfig cfg) {
        List<Row> rows = new ArrayList<>();
        cfg.concernProfessions()
                .forEach((prof, codes) -> codes.forEach(code -> rows.add(RowFactory.create(prof, code))));
        StructType schema = new StructType()
                .add(PROFESSION, DataTypes.StringType, false)
                .add("concern_code", DataTypes.StringType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static Dataset<Row> index(SparkSession spark, BenchmarkAssembler.Result b, CurateConfig cfg) {
        StructType schema = new StructType()
                .add(Positions.PERIOD, DataTypes.StringType, false)
                .add(Geography.AREA_CODE, DataTypes.StringType, false)
                .add("breakdown", DataTypes.StringType, false)
                .add("unmet_need_index", DataTypes.DoubleType, true);
        for (CurateConfig.IndexComponent k : cfg.indexComponents()) {
            schema = schema.add(k.name(), DataTypes.DoubleType, true);
        }
        schema = schema.add("index_note", DataTypes.StringType, true);
        List<Row> rows = new ArrayList<>();
        for (UnmetNeedIndex.Entry e : b.index()) {
            List<Object> v = new ArrayList<>(List.of(b.indexPeriod(), e.areaCode(), ALL));
            v.add(e.index());
            for (CurateConfig.IndexComponent k : cfg.indexComponents()) {
                v.add(e.components().get(k.name()));
            }
            v.add(e.note());
            rows.add(RowFactory.create(v.toArray()));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static StructType labels() {
        return new StructType()
                .add("breakdown", DataTypes.StringType, false)
                .add("breakdown_code", DataTypes.StringType, false)
                .add("breakdown_label", DataTypes.StringType, true);
    }

    private static Column pct(Column part, Column whole) {
        return when(whole.gt(0), part.cast("double").multiply(100.0).divide(whole.cast("double")));
    }
}
