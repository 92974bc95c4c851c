package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Indicators of kinds {@code hna_assessments} (distinct assessments with any concern matching a
 * predicate) and {@code hna_concerns} (concern rows matching a predicate), by financial year and
 * the person's borough of residence; an unknown residence counts towards London only.
 */
final class HnaMeasures {
    private HnaMeasures() {}

    /** @param hna {@link Positions#hna} rows */
    static Dataset<Row> assessments(List<IndicatorDefinition> defs, Dataset<Row> hna, Dataset<Row> areaMap, Dataset<Row> areaList,
                                    Dataset<Row> denominatorFrame, CurateConfig cfg) {
        Dataset<Row> periods = hna.select(Positions.PERIOD).distinct();
        List<Dataset<Row>> out = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            String denSpec = d.input("denominator");
            boolean named = Denominators.isNamed(denSpec);
            Column num = flag(expr(cfg.expand(d.input("numerator"))));
            Column den = named ? lit(0) : flag(expr(cfg.expand(denSpec)));
            // one residence per assessment: a known borough wins over 'unknown' ('E09…' sorts first)
            Dataset<Row> perAssessment = hna.filter(expr(cfg.expand(d.input("filter", "true"))))
                    .groupBy(col(Positions.PERIOD), col("assessment_id"))
                    .agg(min("residence").as(Apportionment.LA_CODE), max(num).as("n"), max(den).as("d"));
            Dataset<Row> sums = perAssessment.join(areaMap, Apportionment.LA_CODE)
                    .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE)
                    .agg(sum("n").as("numerator"), sum("d").as("denominator"), lit(0L).as("excluded"));
            out.add(MeasureGrid.complete(d.id(), periods, areaList, sums, named ? denSpec : null, denominatorFrame));
        }
        return WorkforceMeasures.union(out);
    }

    /** @param hna {@link Positions#hna} rows */
    static Dataset<Row> concerns(List<IndicatorDefinition> defs, Dataset<Row> hna, Dataset<Row> areaMap, Dataset<Row> areaList,
                                 Dataset<Row> denominatorFrame, CurateConfig cfg) {
        Dataset<Row> periods = hna.select(Positions.PERIOD).distinct();
        Dataset<Row> withAreas = hna.withColumn(Apportionment.LA_CODE, col("residence")).join(areaMap, Apportionment.LA_CODE);
        List<Dataset<Row>> out = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            String denSpec = d.input("denominator");
            boolean named = Denominators.isNamed(denSpec);
            Column den = named ? lit(0) : flag(expr(cfg.expand(denSpec)));
            Dataset<Row> sums = withAreas.filter(expr(cfg.expand(d.input("filter", "true"))))
                    .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE)
                    .agg(sum(flag(expr(cfg.expand(d.input("numerator"))))).as("numerator"), sum(den).as("denominator"), lit(0L).as("excluded"));
            out.add(MeasureGrid.complete(d.id(), periods, areaList, sums, named ? denSpec : null, denominatorFrame));
        }
        return WorkforceMeasures.union(out);
    }

    /** A predicate as 1/0, null counting as not matching. */
    static Column flag(Column predicate) {
        return when(coalesce(predicate, lit(false)), 1L).otherwise(0L);
    }
}
