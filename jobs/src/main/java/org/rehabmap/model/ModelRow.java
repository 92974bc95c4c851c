package org.rehabmap.model;

import org.apache.spark.sql.Row;
import org.rehabmap.contracts.GoldContract;

/**
 * One row of gold.workforce_model: a scenario's demand and capacity for one area, profession
 * (or {@code all}) and year; its row is built by column name against
 * data-contracts/gold/workforce_model.odcs.yaml.
 *
 * @param livingWithCancer      people living with cancer in the year (base-year count × growth)
 * @param population65Plus      projected residents aged 65+ (ONS 2018-based SNPP rebased to Census 2021)
 * @param growthFactor          living with cancer in the year ÷ in the base year
 * @param concernsPerPerson     high-distress concerns the profession meets per assessed person (FY)
 * @param rateAreaCode          the area whose assessments give that rate (the row's own, or one above it)
 * @param needEpisodes          concernsPerPerson × livingWithCancer: episodes of care a year
 * @param clinicalMinutesPerWte hours × 60 × clinical share × (1 + productivity change)
 * @param requiredWte           needEpisodes × contacts × minutes ÷ clinicalMinutesPerWte
 * @param availableWte          (in post + fill × vacant) × caseload share, grown by workforce growth
 * @param gapWte                required − available (negative: more than the need requires); on the
 *                              {@code all} row the net balance, which a surplus in one profession can hide
 *                              a shortfall in another behind
 * @param gapPctOfRequired      100 × gap ÷ required
 * @param shortfallWte          max(gap, 0); {@code all}: the sum of the professions' shortfalls
 * @param surplusWte            max(−gap, 0); {@code all}: the sum of the professions' surpluses
 * @param costPerWteGbp         annual cost of one WTE at the area's band mix: pay + HCAS + on-costs, 2025/26 prices
 * @param shortfallCostGbp      shortfall × costPerWte, the cost a year of closing the gap ({@code all}: the
 *                              sum over professions, never netted against a surplus)
 */
public record ModelRow(
        String scenario,
        String assumptionSet,
        int year,
        String areaLevel,
        String areaCode,
        String areaName,
        String profession,
        String professionLabel,
        Double livingWithCancer,
        Double population65Plus,
        Double growthFactor,
        Double concernsPerPerson,
        String rateAreaCode,
        Double needEpisodes,
        Double contactsPerEpisode,
        Double minutesPerContact,
        Double clinicalMinutesPerWte,
        Double requiredWte,
        Double availableWte,
        Double gapWte,
        Double gapPctOfRequired,
        Double shortfallWte,
        Double surplusWte,
        Double costPerWteGbp,
        Double shortfallCostGbp,
        String hnaPeriod,
        String workforcePosition,
        String note) {

    public static final String ALL = "all";

    /** This row of gold.workforce_model, by column name. */
    public Row toRow(GoldContract workforceModel) {
        return workforceModel
                .newRow()
                .set("scenario", scenario)
                .set("assumption_set", assumptionSet)
                .set("year", year)
                .set("area_level", areaLevel)
                .set("area_code", areaCode)
                .set("area_name", areaName)
                .set("profession", profession)
                .set("profession_label", professionLabel)
                .set("living_with_cancer", livingWithCancer)
                .set("population_65_plus", population65Plus)
                .set("growth_factor", growthFactor)
                .set("high_distress_concerns_per_person", concernsPerPerson)
                .set("rate_area_code", rateAreaCode)
                .set("need_episodes", needEpisodes)
                .set("contacts_per_episode", contactsPerEpisode)
                .set("minutes_per_contact", minutesPerContact)
                .set("clinical_minutes_per_wte", clinicalMinutesPerWte)
                .set("required_wte", requiredWte)
                .set("available_wte", availableWte)
                .set("gap_wte", gapWte)
                .set("gap_pct_of_required", gapPctOfRequired)
                .set("shortfall_wte", shortfallWte)
                .set("surplus_wte", surplusWte)
                .set("cost_per_wte_gbp", costPerWteGbp)
                .set("shortfall_cost_gbp", shortfallCostGbp)
                .set("hna_period", hnaPeriod)
                .set("workforce_position", workforcePosition)
                .set("note", note)
                .toRow();
    }
}
