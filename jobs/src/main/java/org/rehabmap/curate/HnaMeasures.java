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
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Indicators of kinds {@code hna_assessments} (distinct assessments with any concern matching a
 * predicate) and {@code hna_concerns} (concern rows matching a predicate), by financial year and
 * the person's borough of residence; an unknown residence counts towards London only.
 */
final class HnaMeasures {
    private HnaMeasures() {}

    /** @param hna {@link Positions#hna} rows; returns sparse sums, a named denominator left null */
    static Dataset<Row> assessments(
            List<IndicatorDefinition> defs, Dataset<Row> hna, Dataset<Row> areaMap, CurateConfig cfg) {
        if (defs.isEmpty()) {
            return null;
        }
        List<Column> perAssessment = new ArrayList<>();
        List<MeasureGrid.Sums> sums = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            IndicatorDefinition d = defs.get(i);
            Column in = coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false));
            String denSpec = d.input("denominator");
            boolean named = Denominators.isNamed(denSpec);
            perAssessment.add(
                    max(flag(in.and(expr(cfg.expand(d.input("numerator")))))).as("_an" + i));
            perAssessment.add(
                    max(flag(named ? in : in.and(expr(cfg.expand(denSpec))))).as("_ad" + i));
            sums.add(new MeasureGrid.Sums(
                    d.id(), sum("_an" + i), named ? lit(null).cast("double") : sum("_ad" + i), lit(0L)));
        }
        // one residence per assessment: a known borough wins over 'unknown' ('E09…' sorts first)
        perAssessment.add(0, min("residence").as(Apportionment.LA_CODE));
        Dataset<Row> assessed = hna.groupBy(col(Positions.PERIOD), col("assessment_id"))
                .agg(
                        perAssessment.get(0),
                        perAssessment.subList(1, perAssessment.size()).toArray(Column[]::new));
        return MeasureGrid.longForm(
                assessed.join(areaMap, Apportionment.LA_CODE)
                        .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE),
                sums);
    }

    /** @param hna {@link Positions#hna} rows; returns sparse sums, a named denominator left null */
    static Dataset<Row> concerns(
            List<IndicatorDefinition> defs, Dataset<Row> hna, Dataset<Row> areaMap, CurateConfig cfg) {
        if (defs.isEmpty()) {
            return null;
        }
        List<MeasureGrid.Sums> sums = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            Column in = coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false));
            String denSpec = d.input("denominator");
            boolean named = Denominators.isNamed(denSpec);
            sums.add(new MeasureGrid.Sums(
                    d.id(),
                    sum(flag(in.and(expr(cfg.expand(d.input("numerator")))))),
                    named ? lit(null).cast("double") : sum(flag(in.and(expr(cfg.expand(denSpec))))),
                    lit(0L)));
        }
        return MeasureGrid.longForm(
                hna.withColumn(Apportionment.LA_CODE, col("residence"))
                        .join(areaMap, Apportionment.LA_CODE)
                        .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE),
                sums);
    }

    /** A predicate as 1/0, null counting as not matching. */
    static Column flag(Column predicate) {
        return when(coalesce(predicate, lit(false)), 1L).otherwise(0L);
    }
}
