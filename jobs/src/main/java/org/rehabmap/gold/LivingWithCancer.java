package org.rehabmap.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * People living with cancer in a borough: Σ over its sex × age-band cells of
 * cancer_register_count, one count per cell (every row of a cell repeats it). A cell whose rows
 * disagree is quarantined by conform (COMORB_DENOMINATOR_MISMATCH); one that still disagrees here,
 * or whose count is suppressed in every row, is left out and counted, never guessed at.
 */
public final class LivingWithCancer {
    private LivingWithCancer() {}

    /**
     * @param comorbidity {@link Positions#comorbidity} rows
     * @return period, la_code, living_with_cancer (long), cells_left_out (long)
     */
    public static Dataset<Row> byBorough(Dataset<Row> comorbidity) {
        return comorbidity
                .groupBy(
                        col(Positions.PERIOD),
                        col("borough_code").as(Apportionment.LA_CODE),
                        col("sex"),
                        col("age_band"))
                .agg(
                        min("cancer_register_count").as("lo"),
                        max("cancer_register_count").as("hi"))
                .groupBy(Positions.PERIOD, Apportionment.LA_CODE)
                .agg(
                        coalesce(
                                        sum(when(
                                                col("lo").equalTo(col("hi")),
                                                col("lo").cast("long"))),
                                        lit(0L))
                                .as("living_with_cancer"),
                        sum(when(col("lo").isNull().or(col("lo").notEqual(col("hi"))), 1L)
                                        .otherwise(0L))
                                .as("cells_left_out"));
    }
}
