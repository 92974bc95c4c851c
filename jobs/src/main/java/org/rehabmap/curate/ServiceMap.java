package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.FundingRisk;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;

import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * gold.service_map: for the latest return period, every area × pathway stage × tumour group ×
 * setting with the active services serving it (distinct services, so an STP counts a service
 * once however many of its boroughs it serves), the gaps (none), the services whose funding ends
 * within the risk window after the period's end and those whose funding has already ended
 * ({@link FundingRisk}), the single-handed ones (linked workforce of one WTE or less), and the
 * services' referrals, patients seen (summed) and median wait (median of the services' medians).
 */
final class ServiceMap {
    private ServiceMap() {}

    /**
     * @param services       {@link Positions#services} rows
     * @param latest         their latest return period ({@link Positions#latest}), null when there are none
     * @param workforceNow   the rows of the current workforce position (not apportioned)
     */
    static Dataset<Row> build(
            Dataset<Row> services,
            String latest,
            Dataset<Row> workforceNow,
            Dataset<Row> areaMap,
            Dataset<Row> areaList,
            CurateConfig cfg) {
        SparkSession spark = services.sparkSession();
        Dataset<Row> active = latest == null
                ? services
                : services.filter(col(Positions.PERIOD).equalTo(latest));

        Dataset<Row> linked = workforceNow
                .filter(col("service_id").isNotNull())
                .groupBy("provider_code", "service_id")
                .agg(sum(col("wte_in_post").cast(Apportionment.MEASURE_TYPE)).as("_linked_wte"));
        Column single = coalesce(
                col("_linked_wte").leq(lit(cfg.singleHandedMaxWte()).cast(Apportionment.MEASURE_TYPE)), lit(false));

        Column stages = literalArray(cfg.pathwayStages());
        Column tumours = literalArray(cfg.tumourGroups());
        Dataset<Row> cells = active.join(linked, Positions.usingColumns("provider_code", "service_id"), "left")
                .withColumns(
                        Stage.of("_at_risk", FundingRisk.atRisk(cfg), "_ended", FundingRisk.ended(), "_single", single))
                .withColumn(Apportionment.LA_CODE, explode(array_distinct(col("borough_codes"))))
                .withColumn("pathway_stage", explode(array_intersect(col("pathway_stages"), stages)))
                // a service for 'all' tumour groups serves each of them
                .withColumn(
                        "tumour_group",
                        explode(when(array_contains(col("tumour_groups"), "all"), tumours)
                                .otherwise(array_intersect(col("tumour_groups"), tumours))))
                .join(areaMap, Apportionment.LA_CODE)
                // a service serving two boroughs of one STP is one service of that STP: its use counts once
                .dropDuplicates(Geography.AREA_CODE, "pathway_stage", "tumour_group", "setting", "service_key")
                .groupBy(Geography.AREA_LEVEL, Geography.AREA_CODE, "pathway_stage", "tumour_group", "setting")
                .agg(
                        array_sort(collect_set(col("service_key"))).as("service_keys"),
                        array_sort(collect_set(when(col("_at_risk"), col("service_key"))))
                                .as("at_risk_service_keys"),
                        array_sort(collect_set(when(col("_ended"), col("service_key"))))
                                .as("funding_ended_service_keys"),
                        ActiveServices.useAggregates(cfg).get(0),
                        ActiveServices.useAggregates(cfg).get(1),
                        ActiveServices.useAggregates(cfg).get(2),
                        ActiveServices.useAggregates(cfg).get(3),
                        median(col("median_wait_days")).as("median_wait_days"),
                        array_sort(collect_set(when(col("_single"), col("service_key"))))
                                .as("single_handed_service_keys"))
                .withColumns(Stage.of(
                        "active_services", size(col("service_keys")).cast("long"),
                        "services_at_risk", size(col("at_risk_service_keys")).cast("long"),
                        "services_funding_ended",
                                size(col("funding_ended_service_keys")).cast("long"),
                        "single_handed_services",
                                size(col("single_handed_service_keys")).cast("long")));

        Dataset<Row> grid = areaList.crossJoin(
                        spark.range(1).select(explode(stages).as("pathway_stage")))
                .crossJoin(spark.range(1).select(explode(tumours).as("tumour_group")))
                .crossJoin(spark.range(1)
                        .select(explode(literalArray(cfg.settings())).as("setting")))
                .join(
                        cells,
                        Positions.usingColumns(
                                Geography.AREA_LEVEL, Geography.AREA_CODE, "pathway_stage", "tumour_group", "setting"),
                        "left");
        Column empty = array().cast("array<string>");
        Dataset<Row> out = grid.select(
                        lit(latest).cast("string").as(Positions.PERIOD),
                        col(Geography.AREA_LEVEL),
                        col(Geography.AREA_CODE),
                        col(Geography.AREA_NAME),
                        col("pathway_stage"),
                        col("tumour_group"),
                        col("setting"),
                        coalesce(col("active_services"), lit(0L)).as("active_services"),
                        coalesce(col("active_services"), lit(0L)).equalTo(0).as("gap"),
                        coalesce(col("services_at_risk"), lit(0L)).as("services_at_risk"),
                        coalesce(col("services_funding_ended"), lit(0L)).as("services_funding_ended"),
                        coalesce(col("single_handed_services"), lit(0L)).as("single_handed_services"),
                        col("referrals_received"),
                        col("patients_seen"),
                        col("_part_referrals_received"),
                        col("_part_patients_seen"),
                        col("median_wait_days"),
                        coalesce(col("service_keys"), empty).as("service_keys"),
                        coalesce(col("at_risk_service_keys"), empty).as("at_risk_service_keys"),
                        coalesce(col("funding_ended_service_keys"), empty).as("funding_ended_service_keys"),
                        coalesce(col("single_handed_service_keys"), empty).as("single_handed_service_keys"),
                        col(Geography.LEVEL_ORDER))
                .filter(lit(latest != null));
        // referrals and patients count people: 1–7 withheld, and a sum with a withheld service in it
        out = ActiveServices.withholdParts(new Disclosure(cfg.disclosureMin(), cfg.disclosureMax())
                .apply(out, ActiveServices.USE, Map.of(), null, List.of(), List.of()));
        return out.orderBy(
                        col(Geography.LEVEL_ORDER),
                        col(Geography.AREA_CODE),
                        col("pathway_stage"),
                        col("tumour_group"),
                        col("setting"))
                .drop(Geography.LEVEL_ORDER);
    }

    static Column literalArray(List<String> values) {
        return array(values.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new));
    }
}
