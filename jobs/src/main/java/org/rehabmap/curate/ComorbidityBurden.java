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
import org.rehabmap.gold.LivingWithCancer;
import org.rehabmap.gold.Positions;
import org.rehabmap.gold.SecondarySuppression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * gold.comorbidity_burden: per extract, area and condition, how many people on the cancer
 * register have the condition. Cells the supplier suppressed are left out of both counts, and
 * the row says how many there were.
 */
final class ComorbidityBurden {
    private ComorbidityBurden() {}

    /**
     * @param comorbidity  {@link Positions#comorbidity} rows
     * @param ltcCondition silver.ltc_condition (code, description)
     */
    static Dataset<Row> build(
            Dataset<Row> comorbidity,
            Dataset<Row> ltcCondition,
            Dataset<Row> areaMap,
            Dataset<Row> areaList,
            CurateConfig cfg) {
        SparkSession spark = comorbidity.sparkSession();
        Column supplierSuppressed = coalesce(col("cancer_register_count_suppressed"), lit(false))
                .or(coalesce(col("with_condition_count_suppressed"), lit(false)))
                .or(col("cancer_register_count").isNull())
                .or(col("with_condition_count").isNull());
        Dataset<Row> sums = comorbidity
                .withColumns(Stage.of("_supp", supplierSuppressed, Apportionment.LA_CODE, col("borough_code")))
                .join(areaMap, Apportionment.LA_CODE)
                .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE, "condition_code")
                .agg(
                        count(lit(1)).as("cells"),
                        sum(when(col("_supp"), 1L).otherwise(0L)).as("cells_supplier_suppressed"),
                        sum(when(not(col("_supp")), col("cancer_register_count").cast("long")))
                                .as("cancer_register_count"),
                        sum(when(not(col("_supp")), col("with_condition_count").cast("long")))
                                .as("with_condition_count"));

        Dataset<Row> lwc = LivingWithCancer.byBorough(comorbidity)
                .join(areaMap, Apportionment.LA_CODE)
                .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE)
                .agg(sum("living_with_cancer").as("living_with_cancer"));

        Dataset<Row> labels = ltcCondition
                .select(col("code").as("condition_code"), col("description").as("_description"))
                .unionByName(summaryLabels(spark, cfg.conditionLabels()));
        Dataset<Row> grid = comorbidity
                .select(Positions.PERIOD, "condition_code")
                .distinct()
                .crossJoin(areaList)
                .join(
                        sums,
                        Positions.usingColumns(
                                Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE, "condition_code"),
                        "left")
                .join(lwc, Positions.usingColumns(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE), "left")
                .join(labels, Positions.usingColumns("condition_code"), "left")
                // the zero-filled counts, then the rate made from them: two projections, not one per column
                .withColumns(Stage.of(
                        "cells", coalesce(col("cells"), lit(0L)),
                        "cells_supplier_suppressed", coalesce(col("cells_supplier_suppressed"), lit(0L)),
                        "cancer_register_count", coalesce(col("cancer_register_count"), lit(0L)),
                        "with_condition_count", coalesce(col("with_condition_count"), lit(0L)),
                        "living_with_cancer", coalesce(col("living_with_cancer"), lit(0L))))
                .withColumns(Stage.of(
                        "with_condition_pct",
                        when(
                                col("cancer_register_count").gt(0),
                                col("with_condition_count")
                                        .cast("double")
                                        .multiply(100.0)
                                        .divide(col("cancer_register_count").cast("double"))),
                        "lower_ci95",
                        WilsonColumns.lower95(col("with_condition_count"), col("cancer_register_count")),
                        "upper_ci95",
                        WilsonColumns.upper95(col("with_condition_count"), col("cancer_register_count"))));

        Map<String, List<String>> dependants = new LinkedHashMap<>();
        for (String rate : List.of("with_condition_pct", "lower_ci95", "upper_ci95")) {
            dependants.put(rate, List.of("with_condition_count", "cancer_register_count"));
        }
        grid = new Disclosure(cfg.disclosureMin(), cfg.disclosureMax())
                .apply(
                        grid,
                        List.of("cancer_register_count", "with_condition_count", "living_with_cancer"),
                        dependants,
                        null,
                        List.of(new SecondarySuppression.Siblings(
                                List.of(Positions.PERIOD, "condition_code", Geography.PARENT_CODE),
                                col(Geography.AREA_LEVEL).equalTo(Geography.BOROUGH))),
                        List.of(Geography.AREA_CODE));

        return grid.orderBy(
                        col(Positions.PERIOD),
                        col(Geography.LEVEL_ORDER),
                        col(Geography.AREA_CODE),
                        col("condition_code"))
                .select(
                        col(Positions.PERIOD),
                        col(Geography.AREA_LEVEL),
                        col(Geography.AREA_CODE),
                        col(Geography.AREA_NAME),
                        col("condition_code"),
                        coalesce(col("_description"), col("condition_code")).as("condition_description"),
                        col("living_with_cancer"),
                        col("cancer_register_count"),
                        col("with_condition_count"),
                        col("with_condition_pct"),
                        col("lower_ci95"),
                        col("upper_ci95"),
                        col("cells"),
                        col("cells_supplier_suppressed"),
                        col("cells_supplier_suppressed").gt(0).as("supplier_suppressed"),
                        col("suppressed"));
    }

    private static Dataset<Row> summaryLabels(SparkSession spark, Map<String, String> labels) {
        List<Row> rows = new ArrayList<>();
        labels.forEach((k, v) -> rows.add(RowFactory.create(k, v)));
        StructType schema = new StructType()
                .add("condition_code", DataTypes.StringType, false)
                .add("_description", DataTypes.StringType, true);
        return spark.createDataFrame(rows, schema);
    }
}
