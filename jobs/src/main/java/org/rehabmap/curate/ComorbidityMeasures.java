package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Indicators of kind {@code comorbidity}: Σ numerator column / Σ denominator column over the
 * extract's rows passing the filter, by extract date. A cell with either count suppressed by the
 * supplier is left out of both and counted.
 */
final class ComorbidityMeasures {
    private ComorbidityMeasures() {}

    /** @param comorbidity {@link Positions#comorbidity} rows; returns sparse sums */
    static Dataset<Row> build(
            List<IndicatorDefinition> defs, Dataset<Row> comorbidity, Dataset<Row> areaMap, CurateConfig cfg) {
        if (defs.isEmpty()) {
            return null;
        }
        List<MeasureGrid.Sums> sums = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            Column in = coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false));
            Column num = expr(cfg.expand(d.input("numerator"))).cast("long");
            Column den = expr(cfg.expand(d.input("denominator"))).cast("long");
            Column kept = in.and(num.isNotNull()).and(den.isNotNull());
            sums.add(new MeasureGrid.Sums(
                    d.id(),
                    sum(when(kept, num)),
                    sum(when(kept, den)),
                    sum(when(in.and(not(kept)), 1L).otherwise(0L))));
        }
        return MeasureGrid.longForm(
                comorbidity
                        .withColumn(Apportionment.LA_CODE, col("borough_code"))
                        .join(areaMap, Apportionment.LA_CODE)
                        .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE),
                sums);
    }
}
