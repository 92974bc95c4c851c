package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Indicators of kind {@code workforce}: sums of share × expression over the apportioned rows of
 * each workforce position. A row whose numerator is null (a generalist without a caseload share)
 * is left out of numerator and denominator and counted, once however many boroughs share it.
 */
final class WorkforceMeasures {
    /** A workforce row's identity in silver (its key). */
    static final Column ROW_KEY = concat_ws(
            "|",
            col("survey_date").cast("string"),
            col("provider_code"),
            coalesce(col("service_id"), lit("")),
            col("profession"),
            col("afc_band"),
            col("cancer_specialist").cast("string"));

    private WorkforceMeasures() {}

    /**
     * @param apportioned {@link Positions#workforce} rows, apportioned to boroughs ({@link Apportionment})
     * @return sparse sums (see {@link MeasureGrid#longForm}); a named denominator is left null
     */
    static Dataset<Row> build(
            List<IndicatorDefinition> defs, Dataset<Row> apportioned, Dataset<Row> areaMap, CurateConfig cfg) {
        if (defs.isEmpty()) {
            return null;
        }
        List<MeasureGrid.Sums> sums = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            Column in = coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false));
            Column num = expr(cfg.expand(d.input("numerator")));
            String denSpec = d.input("denominator");
            Column kept = in.and(num.isNotNull());
            Column den = Denominators.isNamed(denSpec)
                    ? lit(null).cast("double")
                    : sum(when(kept, Apportionment.shared(expr(cfg.expand(denSpec)))));
            sums.add(new MeasureGrid.Sums(
                    d.id(),
                    sum(when(kept, Apportionment.shared(num))),
                    den,
                    size(collect_set(when(in.and(num.isNull()), col("_row_key"))))));
        }
        return MeasureGrid.longForm(
                apportioned
                        .withColumn("_row_key", ROW_KEY)
                        .join(areaMap, Apportionment.LA_CODE)
                        .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE),
                sums);
    }
}
