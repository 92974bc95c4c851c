package org.rehabmap.model;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of gold.workforce_model: a scenario's demand and capacity for one area, profession
 * (or {@code all}) and year. Columns in the order of data-contracts/gold/workforce_model.odcs.yaml.
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
 * @param gapWte                required − available (negative: more than the need requires)
 * @param gapPctOfRequired      100 × gap ÷ required
 * @param costPerWteGbp         annual cost of one WTE at the area's band mix: pay + on-costs, 2025/26 prices
 * @param gapCostGbp            gap × costPerWte
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
        Double costPerWteGbp,
        Double gapCostGbp,
        String hnaPeriod,
        String workforcePosition,
        String note) {

    public static final String ALL = "all";

    public static final StructType SCHEMA = new StructType()
            .add("scenario", DataTypes.StringType, false)
            .add("assumption_set", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("area_level", DataTypes.StringType, false)
            .add("area_code", DataTypes.StringType, false)
            .add("area_name", DataTypes.StringType, false)
            .add("profession", DataTypes.StringType, false)
            .add("profession_label", DataTypes.StringType, false)
            .add("living_with_cancer", DataTypes.DoubleType, true)
            .add("population_65_plus", DataTypes.DoubleType, true)
            .add("growth_factor", DataTypes.DoubleType, true)
            .add("high_distress_concerns_per_person", DataTypes.DoubleType, true)
            .add("rate_area_code", DataTypes.StringType, true)
            .add("need_episodes", DataTypes.DoubleType, true)
            .add("contacts_per_episode", DataTypes.DoubleType, true)
            .add("minutes_per_contact", DataTypes.DoubleType, true)
            .add("clinical_minutes_per_wte", DataTypes.DoubleType, false)
            .add("required_wte", DataTypes.DoubleType, true)
            .add("available_wte", DataTypes.DoubleType, true)
            .add("gap_wte", DataTypes.DoubleType, true)
            .add("gap_pct_of_required", DataTypes.DoubleType, true)
            .add("cost_per_wte_gbp", DataTypes.DoubleType, true)
            .add("gap_cost_gbp", DataTypes.DoubleType, true)
            .add("hna_period", DataTypes.StringType, true)
            .add("workforce_position", DataTypes.StringType, true)
            .add("note", DataTypes.StringType, true);

    public Row toRow() {
        return RowFactory.create(
                scenario,
                assumptionSet,
                year,
                areaLevel,
                areaCode,
                areaName,
                profession,
                professionLabel,
                livingWithCancer,
                population65Plus,
                growthFactor,
                concernsPerPerson,
                rateAreaCode,
                needEpisodes,
                contactsPerEpisode,
                minutesPerContact,
                clinicalMinutesPerWte,
                requiredWte,
                availableWte,
                gapWte,
                gapPctOfRequired,
                costPerWteGbp,
                gapCostGbp,
                hnaPeriod,
                workforcePosition,
                note);
    }
}
