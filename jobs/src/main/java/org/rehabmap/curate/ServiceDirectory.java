package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Positions;

import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;

/**
 * gold.service_directory: one row per service active in the latest return period, what a clinical nurse
 * specialist or a patient navigator looks up: who runs it, where, for whom, how to refer (self-referral
 * or not), the professions of its linked workforce, the HNA concern domains they meet, its funding state
 * and its use and wait as returned ({@link ActiveServices}). A service's referrals or patients seen of
 * 1–7 are withheld.
 */
final class ServiceDirectory {
    private ServiceDirectory() {}

    static Dataset<Row> build(Dataset<Row> active, CurateConfig cfg) {
        Dataset<Row> rows = active.select(
                col(Positions.PERIOD),
                col("provider_code"),
                col("provider_name"),
                col("service_id"),
                col("service_name"),
                col("setting"),
                array_sort(array_distinct(col("borough_codes"))).as("borough_codes"),
                col("tumour_groups"),
                col("pathway_stages"),
                col("rehab_level"),
                col("referral_routes"),
                col("self_referral"),
                col("professions"),
                col("professions_wte_in_post"),
                col("domain_codes"),
                col("funding_source"),
                col("funding_end_date"),
                col("at_risk"),
                col("funding_ended"),
                col("referrals_received").cast("long").as("referrals_received"),
                col("patients_seen").cast("long").as("patients_seen"),
                col("median_wait_days"));
        return new Disclosure(cfg.disclosureMin(), cfg.disclosureMax())
                .apply(rows, ActiveServices.USE, Map.of(), null, List.of(), List.of())
                .orderBy(col("provider_code"), col("service_id"));
    }
}
