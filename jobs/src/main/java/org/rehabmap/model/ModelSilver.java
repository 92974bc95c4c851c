package org.rehabmap.model;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.lake.Lake;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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

    static final StructType HNA = schema(
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
    static final StructType POPULATION = schema(
            "la_code",
            DataTypes.StringType,
            "census2021_usual_residents",
            DataTypes.DoubleType,
            "census2021_age_65_plus",
            DataTypes.DoubleType);
    static final StructType PROJECTION = schema(
            "la_code",
            DataTypes.StringType,
            "year",
            DataTypes.IntegerType,
            "population_all_ages",
            DataTypes.DoubleType,
            "population_65_plus",
            DataTypes.DoubleType);
    static final StructType AFC_PAY = schema(
            "band",
            DataTypes.StringType,
            "entry_gbp",
            DataTypes.DoubleType,
            "intermediate_gbp",
            DataTypes.DoubleType,
            "top_gbp",
            DataTypes.DoubleType);
    static final StructType ONCOST = schema(
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
                table(lake, "silver.hna_concern", HNA, true),
                table(lake, "silver.population", POPULATION, true),
                table(lake, "silver.population_projection", PROJECTION, false),
                table(lake, "silver.afc_pay", AFC_PAY, false),
                table(lake, "silver.employer_oncost", ONCOST, false));
    }

    private static Dataset<Row> table(Lake lake, String name, StructType schema, boolean emptyWhenMissing) {
        if (!lake.exists(name)) {
            return emptyWhenMissing ? lake.spark().createDataFrame(new ArrayList<Row>(), schema) : null;
        }
        Dataset<Row> df = lake.read(name);
        List<String> have = List.of(df.columns());
        List<Column> cols = new ArrayList<>();
        for (StructField f : schema.fields()) {
            // a column the table lacks reads as unknown (e.g. a silver table written before the
            // column existed): the model then reports the figure as not known instead of failing the step
            Column c = have.contains(f.name()) ? col(f.name()) : lit(null);
            cols.add(c.cast(f.dataType()).as(f.name()));
        }
        return df.select(cols.toArray(Column[]::new));
    }

    static StructType schema(Object... nameType) {
        StructType s = new StructType();
        for (int i = 0; i < nameType.length; i += 2) {
            s = s.add((String) nameType[i], (org.apache.spark.sql.types.DataType) nameType[i + 1], true);
        }
        return s;
    }
}
