package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * gold.asset_map: every area (each level) × HNA concern domain, the high-distress concerns people raised
 * in the latest financial year beside the services active in the latest return period whose professions
 * meet the domain ({@link ActiveServices}). unaddressed_high_distress_pct is of the domain's high-distress
 * concerns, the percentage left without action, with its Wilson 95% interval; a gap is a domain where
 * high-distress concerns were raised and no service meets it. Two aggregations over all levels at once
 * (the concerns, the services), each joined to the area map; services count once per area however many
 * of its boroughs they serve.
 */
final class AssetMap {
    private static final String STRINGS = "array<string>";

    private AssetMap() {}

    /**
     * @param hna      {@link Positions#hna} rows
     * @param concerns silver.concern (code, domain_code, domain)
     * @param year     the latest HNA financial year ({@link Positions#latest}), null when there is none
     * @param active   {@link ActiveServices#latest}
     * @param returns  the return period of {@code active}: the services' latest
     */
    static Dataset<Row> build(
            Dataset<Row> hna,
            String year,
            Dataset<Row> concerns,
            Dataset<Row> active,
            String returns,
            Dataset<Row> areaMap,
            Dataset<Row> areaList,
            CurateConfig cfg) {
        Dataset<Row> domains = concerns.select(col("domain_code"), col("domain"))
                .distinct()
                .filter(col("domain_code").isNotNull());

        Column high = coalesce(col("concern_score").geq(cfg.highDistressScore()), lit(false));
        Dataset<Row> need = hna.filter(
                        lit(year).isNotNull().and(col(Positions.PERIOD).equalTo(lit(year))))
                .join(broadcast(concerns.select(col("code").as("concern_code"), col("domain_code"))), "concern_code")
                .withColumn(Apportionment.LA_CODE, col("residence"))
                .join(areaMap, Apportionment.LA_CODE)
                .groupBy(Geography.AREA_CODE, "domain_code")
                .agg(
                        sum(when(high, 1L).otherwise(0L)).as("high_distress_concerns"),
                        sum(when(high.and(col("action").equalTo("no_action")), 1L)
                                        .otherwise(0L))
                                .as("high_distress_without_action"));

        List<Column> aggs = new ArrayList<>(List.of(
                array_sort(collect_set(col("service_key"))).as("service_keys"),
                size(collect_set(when(col("self_referral"), col("service_key"))))
                        .cast("long")
                        .as("self_referral_services"),
                size(collect_set(when(col("specialist"), col("service_key"))))
                        .cast("long")
                        .as("specialist_services"),
                size(collect_set(when(col("at_risk"), col("service_key"))))
                        .cast("long")
                        .as("services_at_risk"),
                median(col("median_wait_days")).as("median_wait_days")));
        aggs.addAll(ActiveServices.useAggregates(cfg));
        Dataset<Row> offer = active.withColumn(Apportionment.LA_CODE, explode(array_distinct(col("borough_codes"))))
                .withColumn("domain_code", explode(col("domain_codes")))
                .join(areaMap, Apportionment.LA_CODE)
                .dropDuplicates(Geography.AREA_CODE, "domain_code", "service_key")
                .groupBy(Geography.AREA_CODE, "domain_code")
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));

        Column empty = array().cast(STRINGS);
        Column has = col("high_distress_concerns").gt(0);
        Column mult = lit(100.0);
        Dataset<Row> rows = areaList.crossJoin(broadcast(domains))
                .join(need, Positions.usingColumns(Geography.AREA_CODE, "domain_code"), "left")
                .join(offer, Positions.usingColumns(Geography.AREA_CODE, "domain_code"), "left")
                // the zero-filled counts, then what is made from them: two projections, not one per column
                .withColumns(Stage.of(
                        "high_distress_concerns", coalesce(col("high_distress_concerns"), lit(0L)),
                        "high_distress_without_action", coalesce(col("high_distress_without_action"), lit(0L)),
                        "service_keys", coalesce(col("service_keys"), empty),
                        "services_meeting",
                                size(coalesce(col("service_keys"), empty)).cast("long"),
                        "self_referral_services", coalesce(col("self_referral_services"), lit(0L)),
                        "specialist_services", coalesce(col("specialist_services"), lit(0L)),
                        "services_at_risk", coalesce(col("services_at_risk"), lit(0L))))
                .withColumns(Stage.of(
                        "unaddressed_high_distress_pct",
                        when(
                                has,
                                col("high_distress_without_action")
                                        .cast("double")
                                        .divide(col("high_distress_concerns"))
                                        .multiply(mult)),
                        "lower_ci95",
                        WilsonColumns.lower95(col("high_distress_without_action"), col("high_distress_concerns")),
                        "upper_ci95",
                        WilsonColumns.upper95(col("high_distress_without_action"), col("high_distress_concerns")),
                        // decided before disclosure control: that concerns were raised is not a count
                        "gap",
                        has.and(col("services_meeting").equalTo(0))));

        Map<String, List<String>> dependants = new LinkedHashMap<>();
        for (String c : List.of("unaddressed_high_distress_pct", "lower_ci95", "upper_ci95")) {
            dependants.put(c, List.of("high_distress_without_action", "high_distress_concerns"));
        }
        rows = new Disclosure(cfg.disclosureMin(), cfg.disclosureMax())
                .apply(
                        rows,
                        List.of("high_distress_concerns", "high_distress_without_action"),
                        dependants,
                        null,
                        List.of(
                                // a concern has one domain: an area's domains add up to its high-distress
                                // concerns in gold.unmet_need
                                new SecondarySuppression.Siblings(List.of(Geography.AREA_CODE), lit(true)),
                                // boroughs add up to their STP
                                new SecondarySuppression.Siblings(
                                        List.of("domain_code", Geography.PARENT_CODE),
                                        col(Geography.AREA_LEVEL).equalTo(Geography.BOROUGH))),
                        List.of(Geography.AREA_CODE, "domain_code"));
        rows = ActiveServices.withholdParts(rows);
        Column note = concat_ws(
                "; ",
                when(
                        col("suppressed"),
                        lit("suppressed: a count of " + cfg.disclosureMin() + "–" + cfg.disclosureMax()
                                + ", or protecting one (disclosure control)")),
                when(
                        col("gap"),
                        lit("gap: high-distress concerns raised and no active service whose linked professions meet"
                                + " this domain")));
        return rows.withColumn("note", when(note.notEqual(""), note))
                .orderBy(col(Geography.LEVEL_ORDER), col(Geography.AREA_CODE), col("domain_code"))
                .select(
                        lit(year).cast("string").as(Positions.PERIOD),
                        lit(returns).cast("string").as("return_period"),
                        col(Geography.AREA_LEVEL),
                        col(Geography.AREA_CODE),
                        col(Geography.AREA_NAME),
                        col("domain_code"),
                        col("domain"),
                        col("high_distress_concerns"),
                        col("high_distress_without_action"),
                        col("unaddressed_high_distress_pct"),
                        col("lower_ci95"),
                        col("upper_ci95"),
                        col("services_meeting"),
                        col("self_referral_services"),
                        col("specialist_services"),
                        col("services_at_risk"),
                        col("referrals_received"),
                        col("patients_seen"),
                        col("median_wait_days"),
                        col("gap"),
                        col("service_keys"),
                        col("suppressed"),
                        col("note"))
                // no needs assessments yet: nothing to set the services against
                .filter(lit(year != null));
    }
}
