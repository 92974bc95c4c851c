package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.FundingRisk;
import org.rehabmap.gold.Positions;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;

/**
 * The services active in the latest return period, one row each, with what gold.service_directory and
 * gold.asset_map say about them: the funding state ({@link FundingRisk}), self-referral, the professions
 * of the linked workforce (same provider_code and service_id, current position) with their WTE in post,
 * and the HNA concern domains those professions meet through the concern → profession mapping in conf
 * (rehabmap.curate.concern-professions) and silver.concern. A service without linked workforce meets no
 * domain: the map cannot know what it offers.
 */
final class ActiveServices {
    static final String SELF = "self";
    static final int SPECIALIST_LEVEL = 4;
    private static final String STRINGS = "array<string>";

    private ActiveServices() {}

    /**
     * @param services     {@link Positions#services} rows
     * @param latest       their latest return period ({@link Positions#latest}), null when there are none
     * @param workforceNow the rows of the current workforce position (not apportioned)
     * @param concerns     silver.concern (code, domain_code, domain)
     */
    static Dataset<Row> latest(
            Dataset<Row> services, String latest, Dataset<Row> workforceNow, Dataset<Row> concerns, CurateConfig cfg) {
        Dataset<Row> active = services.filter(
                lit(latest).isNotNull().and(col(Positions.PERIOD).equalTo(lit(latest))));

        Dataset<Row> byProfession = workforceNow
                .filter(col("service_id").isNotNull())
                .groupBy("provider_code", "service_id", "profession")
                .agg(sum(col("wte_in_post").cast(Apportionment.MEASURE_TYPE)).as("_wte"));
        Dataset<Row> domains = UnmetNeedTable.mapping(services.sparkSession(), cfg)
                .join(broadcast(concerns.select(col("code").as("concern_code"), col("domain_code"))), "concern_code")
                .select(col(UnmetNeedTable.PROFESSION).as("profession"), col("domain_code"))
                .distinct();
        Dataset<Row> linked = byProfession
                .join(broadcast(domains), Positions.usingColumns("profession"), "left")
                .groupBy("provider_code", "service_id")
                .agg(
                        // sorted by profession: the two arrays line up
                        array_sort(collect_set(struct(
                                        col("profession"),
                                        col("_wte").cast("double").as("wte"))))
                                .as("_professions"),
                        array_sort(collect_set(col("domain_code"))).as("domain_codes"));
        Column empty = array().cast(STRINGS);
        return active.join(linked, Positions.usingColumns("provider_code", "service_id"), "left")
                // every column from the joined row alone: one projection
                .withColumns(Stage.of(
                        "professions",
                        coalesce(transform(col("_professions"), p -> p.getField("profession")), empty),
                        "professions_wte_in_post",
                        coalesce(transform(col("_professions"), p -> p.getField("wte")), array().cast("array<double>")),
                        "domain_codes",
                        coalesce(col("domain_codes"), empty),
                        "self_referral",
                        coalesce(array_contains(col("referral_routes"), SELF), lit(false)),
                        "specialist",
                        coalesce(col("rehab_level").equalTo(SPECIALIST_LEVEL), lit(false)),
                        "funding_state",
                        FundingRisk.state(cfg),
                        "at_risk",
                        coalesce(FundingRisk.atRisk(cfg), lit(false)),
                        "funding_ended",
                        coalesce(FundingRisk.ended(), lit(false))))
                .drop("_professions");
    }

    /** The services' counts of people, reported per service (rehabmap.curate: referrals and patients seen). */
    static final java.util.List<String> USE = java.util.List.of("referrals_received", "patients_seen");

    /** A service's own count of people is 1–7, so gold.service_directory withholds it. */
    static Column small(Column count, CurateConfig cfg) {
        return coalesce(count.between(cfg.disclosureMin(), cfg.disclosureMax()), lit(false));
    }

    /**
     * The aggregates of a table that sums the services' use over a group: each count's sum and whether
     * any service's own count was withheld ({@code _part_<count>}), in which case {@link #withholdParts}
     * withholds the sum too, so the directory's withheld number cannot be worked out from it.
     */
    static java.util.List<Column> useAggregates(CurateConfig cfg) {
        java.util.List<Column> out = new java.util.ArrayList<>();
        for (String c : USE) {
            out.add(sum(col(c).cast("long")).as(c));
            out.add(org.apache.spark.sql.functions.max(small(col(c), cfg)).as("_part_" + c));
        }
        return out;
    }

    /** After {@link Disclosure}: a sum with a withheld part is withheld and the row marked suppressed. */
    static Dataset<Row> withholdParts(Dataset<Row> df) {
        java.util.Map<String, Column> withheld = new java.util.LinkedHashMap<>();
        Column any = lit(false);
        for (String c : USE) {
            Column part = coalesce(col("_part_" + c), lit(false));
            withheld.put(c, org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.not(part), col(c)));
            any = any.or(part);
        }
        // reads only the parts and the old flag: one projection with the sums
        withheld.put("suppressed", col("suppressed").or(any));
        return df.withColumns(withheld).drop(USE.stream().map(c -> "_part_" + c).toArray(String[]::new));
    }
}
