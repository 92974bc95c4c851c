package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Indicators of kind {@code workforce}: sums of share × expression over the apportioned rows of
 * each workforce position. A row whose numerator is null (a generalist without a caseload share)
 * is left out of numerator and denominator and counted in {@code excluded}.
 */
final class WorkforceMeasures {
    /** A workforce row's identity in silver (its key), to count rows left out once however many boroughs share it. */
    static final Column ROW_KEY = concat_ws("|", col("survey_date").cast("string"), col("provider_code"), coalesce(col("service_id"), lit("")),
            col("profession"), col("afc_band"), col("cancer_specialist").cast("string"));

    private WorkforceMeasures() {}

    /**
     * @param apportioned {@link Positions#workforce} rows, apportioned to boroughs ({@link Apportionment})
     */
    static Dataset<Row> build(List<IndicatorDefinition> defs, Dataset<Row> apportioned, Dataset<Row> areaMap, Dataset<Row> areaList,
                              Denominators denominators, Dataset<Row> denominatorFrame, CurateConfig cfg) {
        Dataset<Row> periods = apportioned.select(Positions.PERIOD).distinct();
        Dataset<Row> withAreas = apportioned.withColumn("_row_key", ROW_KEY).join(areaMap, Apportionment.LA_CODE);
        List<Dataset<Row>> out = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            Column num = expr(cfg.expand(d.input("numerator")));
            String denSpec = d.input("denominator");
            boolean named = Denominators.isNamed(denSpec);
            Column den = named ? lit(null).cast(Apportionment.MEASURE_TYPE) : expr(cfg.expand(denSpec));
            Column kept = num.isNotNull();
            Dataset<Row> sums = withAreas.filter(expr(cfg.expand(d.input("filter", "true"))))
                    .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE)
                    .agg(sum(when(kept, Apportionment.shared(num))).as("numerator"),
                            sum(when(kept, Apportionment.shared(den))).as("denominator"),
                            countDistinct(when(not(kept), col("_row_key"))).as("excluded"));
            out.add(MeasureGrid.complete(d.id(), periods, areaList, sums, named ? denSpec : null, denominatorFrame));
        }
        return union(out);
    }

    static Dataset<Row> union(List<Dataset<Row>> parts) {
        Dataset<Row> u = null;
        for (Dataset<Row> p : parts) u = u == null ? p : u.unionByName(p);
        return u;
    }
}
