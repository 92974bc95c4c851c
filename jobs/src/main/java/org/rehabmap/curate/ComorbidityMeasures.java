package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Indicators of kind {@code comorbidity}: Σ numerator column / Σ denominator column over the
 * extract's rows passing the filter, by extract date. A cell with either count suppressed by the
 * supplier is left out of both and counted in {@code excluded}.
 */
final class ComorbidityMeasures {
    private ComorbidityMeasures() {}

    /** @param comorbidity {@link Positions#comorbidity} rows */
    static Dataset<Row> build(List<IndicatorDefinition> defs, Dataset<Row> comorbidity, Dataset<Row> areaMap, Dataset<Row> areaList,
                              Dataset<Row> denominatorFrame, CurateConfig cfg) {
        Dataset<Row> periods = comorbidity.select(Positions.PERIOD).distinct();
        Dataset<Row> withAreas = comorbidity.withColumn(Apportionment.LA_CODE, col("borough_code")).join(areaMap, Apportionment.LA_CODE);
        List<Dataset<Row>> out = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            Column num = expr(cfg.expand(d.input("numerator"))).cast("long");
            Column den = expr(cfg.expand(d.input("denominator"))).cast("long");
            Column kept = num.isNotNull().and(den.isNotNull());
            Dataset<Row> sums = withAreas.filter(expr(cfg.expand(d.input("filter", "true"))))
                    .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE)
                    .agg(sum(when(kept, num)).as("numerator"), sum(when(kept, den)).as("denominator"),
                            sum(when(kept, 0L).otherwise(1L)).as("excluded"));
            out.add(MeasureGrid.complete(d.id(), periods, areaList, sums, null, denominatorFrame));
        }
        return WorkforceMeasures.union(out);
    }
}
