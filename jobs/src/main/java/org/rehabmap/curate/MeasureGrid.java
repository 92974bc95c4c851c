package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.*;

/**
 * Puts a kind's sums on the full grid of periods × areas, so that an area with no rows still gets
 * its row (a zero numerator, or no value when the denominator is zero too).
 */
final class MeasureGrid {
    private MeasureGrid() {}

    /**
     * @param periods     one column {@code period}: every period of the indicator's source
     * @param sums        period, area_level, area_code, numerator, denominator (ignored when a named
     *                    denominator is given), excluded
     * @param denominator "population", "living_with_cancer", or null to use the sums' own denominator
     */
    static Dataset<Row> complete(String indicatorId, Dataset<Row> periods, Dataset<Row> areaList, Dataset<Row> sums,
                                 String denominator, Dataset<Row> denominatorFrame) {
        Dataset<Row> grid = periods.crossJoin(areaList.select(Geography.AREA_LEVEL, Geography.AREA_CODE))
                .join(sums, Positions.usingColumns(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE), "left");
        Column den;
        if (denominator != null) {
            grid = grid.drop("denominator").join(denominatorFrame, Positions.usingColumns(Geography.AREA_LEVEL, Geography.AREA_CODE), "left");
            den = col(denominator).cast("double");
        } else {
            den = coalesce(col("denominator").cast("double"), lit(0.0));
        }
        return grid.select(lit(indicatorId).as("indicator_id"), col(Positions.PERIOD), col(Geography.AREA_LEVEL), col(Geography.AREA_CODE),
                coalesce(col("numerator").cast("double"), lit(0.0)).as("numerator"),
                den.as("denominator"),
                coalesce(col("excluded").cast("long"), lit(0L)).as("excluded"));
    }
}
