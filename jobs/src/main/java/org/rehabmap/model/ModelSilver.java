package org.rehabmap.model;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.lake.Lake;

/**
 * The silver tables the model reads besides the curate job's {@code SilverInputs}: HNA rows with
 * the (pseudonymised) NHS number to count people, Census 2021 population with the 65+ count,
 * and the reference tables for projections and costing. HNA rows and the population are required
 * in the sense that a missing table reads as empty (the model then says so in its notes); the
 * projection, pay and on-cost tables are optional (null when absent: no ageing scenario, no costing).
 * A column a table lacks reads as null (unknown), never as an error: people are then not counted,
 * 65+ shares and projections not known, and the model's notes say which figures are missing.
 */
public record ModelSilver(
        Dataset<Row> hna, Dataset<Row> population, Dataset<Row> projection, Dataset<Row> afcPay, Dataset<Row> oncost) {

    static final StructType HNA = SilverInputs.schema(
            "nhs_number",
            DataTypes.StringType,
            "financial_year",
            DataTypes.StringType,
            "residence_borough_code",
            DataTypes.StringType,
            "concern_code",
            DataTypes.StringType,
            "concern_score",
            DataTypes.IntegerType);
    static final StructType POPULATION = SilverInputs.CENSUS_POPULATION;
    static final StructType PROJECTION = SilverInputs.schema(
            "la_code",
            DataTypes.StringType,
            "year",
            DataTypes.IntegerType,
            "population_all_ages",
            DataTypes.DoubleType,
            "population_65_plus",
            DataTypes.DoubleType);
    static final StructType AFC_PAY = SilverInputs.schema(
            "band",
            DataTypes.StringType,
            "entry_gbp",
            DataTypes.DoubleType,
            "intermediate_gbp",
            DataTypes.DoubleType,
            "top_gbp",
            DataTypes.DoubleType);
    static final StructType ONCOST = SilverInputs.schema(
            "item",
            DataTypes.StringType,
            "period",
            DataTypes.StringType,
            "rate_pct",
            DataTypes.DoubleType,
            "threshold_gbp_per_year",
            DataTypes.DoubleType);

    public static ModelSilver read(Lake lake) {
        return new ModelSilver(
                SilverInputs.lenient(lake, "silver.hna_concern", HNA, true),
                SilverInputs.lenient(lake, "silver.population", POPULATION, true),
                SilverInputs.lenient(lake, "silver.population_projection", PROJECTION, false),
                SilverInputs.lenient(lake, "silver.afc_pay", AFC_PAY, false),
                SilverInputs.lenient(lake, "silver.employer_oncost", ONCOST, false));
    }
}
