package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.initcap;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * gold.workforce_ratios: WTE in post, funded, vacant; vacancy rate; WTE per 100,000 population
 * and per 1,000 people living with cancer; by profession and specialist / generalist (each also
 * as 'all'), for every area and workforce position. Posts serving several boroughs are
 * apportioned; every area's sums add up from its boroughs.
 */
final class WorkforceRatios {
    static final String ALL = "all";

    private WorkforceRatios() {}

    /**
     * @param apportioned {@link Positions#workforce} rows apportioned to boroughs
     * @param professions silver.profession (code, label)
     */
    static Dataset<Row> build(
            Dataset<Row> apportioned,
            Dataset<Row> areaMap,
            Dataset<Row> areaList,
            Dataset<Row> denominatorFrame,
            Dataset<Row> professions,
            CurateConfig cfg) {
        Column share = expr(cfg.cancerCaseloadShare());
        Dataset<Row> rows = apportioned
                // every column from the apportioned row alone: one projection
                .withColumns(Stage.of(
                        "_row_key",
                        WorkforceMeasures.ROW_KEY,
                        "staff_group",
                        when(col("cancer_specialist"), "specialist").otherwise("generalist"),
                        "_in_post",
                        Apportionment.shared(col("wte_in_post")),
                        "_funded",
                        Apportionment.shared(col("wte_funded")),
                        "_vacant",
                        Apportionment.shared(greatest(col("wte_funded").minus(col("wte_in_post")), lit(0.0))),
                        "_cancer",
                        Apportionment.shared(col("wte_in_post").multiply(share)),
                        "_no_share",
                        share.isNull()))
                .join(areaMap, Apportionment.LA_CODE);

        // each row counts for its profession and for 'all', for its staff group and for 'all'
        Dataset<Row> sums = rows.withColumn("profession", explode(array(col("profession"), lit(ALL))))
                .withColumn("staff_group", explode(array(col("staff_group"), lit(ALL))))
                .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE, "profession", "staff_group")
                .agg(
                        sum("_in_post").as("wte_in_post"),
                        sum("_funded").as("wte_funded"),
                        sum("_vacant").as("vacancy_wte"),
                        sum("_cancer").as("cancer_wte"),
                        size(collect_set(when(col("_no_share"), col("_row_key"))))
                                .as("rows_without_caseload_share"));

        Dataset<Row> professionList = apportioned
                .select("profession")
                .distinct()
                .union(areaMap.sparkSession().sql("SELECT 'all' AS profession"));
        Dataset<Row> groups =
                areaMap.sparkSession().sql("SELECT explode(array('specialist', 'generalist', 'all')) AS staff_group");
        Dataset<Row> grid = apportioned
                .select(Positions.PERIOD)
                .distinct()
                .crossJoin(areaList)
                .crossJoin(professionList)
                .crossJoin(groups)
                .join(
                        sums,
                        Positions.usingColumns(
                                Positions.PERIOD,
                                Geography.AREA_LEVEL,
                                Geography.AREA_CODE,
                                "profession",
                                "staff_group"),
                        "left")
                .join(denominatorFrame, Positions.usingColumns(Geography.AREA_LEVEL, Geography.AREA_CODE), "left")
                .join(
                        professions.select(
                                col("code").as("profession"), col("label").as("_label")),
                        Positions.usingColumns("profession"),
                        "left");

        Column inPost = coalesce(col("wte_in_post").cast("double"), lit(0.0));
        Column funded = coalesce(col("wte_funded").cast("double"), lit(0.0));
        Column vacant = coalesce(col("vacancy_wte").cast("double"), lit(0.0));
        Column cancer = coalesce(col("cancer_wte").cast("double"), lit(0.0));
        Column pop = col(Denominators.POPULATION);
        Column lwc = col(Denominators.LIVING_WITH_CANCER);
        return grid.select(
                        col(Positions.PERIOD),
                        col(Geography.AREA_LEVEL),
                        col(Geography.AREA_CODE),
                        col(Geography.AREA_NAME),
                        col("profession"),
                        when(col("profession").equalTo(ALL), lit("All professions"))
                                .otherwise(
                                        coalesce(col("_label"), initcap(regexp_replace(col("profession"), "_", " "))))
                                .as("profession_label"),
                        col("staff_group"),
                        inPost.as("wte_in_post"),
                        funded.as("wte_funded"),
                        vacant.as("vacancy_wte"),
                        when(funded.gt(0), vacant.multiply(100.0).divide(funded))
                                .as("vacancy_rate_pct"),
                        pop.as("population"),
                        when(pop.gt(0), inPost.multiply(100000.0).divide(pop)).as("wte_in_post_per_100k"),
                        lwc.as("living_with_cancer"),
                        when(lwc.gt(0), inPost.multiply(1000.0).divide(lwc))
                                .as("wte_in_post_per_1k_living_with_cancer"),
                        cancer.as("cancer_wte"),
                        when(lwc.gt(0), cancer.multiply(1000.0).divide(lwc)).as("cancer_wte_per_1k_living_with_cancer"),
                        coalesce(col("rows_without_caseload_share"), lit(0L)).as("rows_without_caseload_share"),
                        col(Geography.LEVEL_ORDER))
                .orderBy(
                        col(Positions.PERIOD),
                        col(Geography.LEVEL_ORDER),
                        col(Geography.AREA_CODE),
                        when(col("profession").equalTo(ALL), 1).otherwise(0),
                        col("profession"),
                        when(col("staff_group").equalTo(ALL), 1).otherwise(0),
                        col("staff_group"))
                .drop(Geography.LEVEL_ORDER);
    }
}
