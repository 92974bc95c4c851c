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

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Indicators over the services active in each return period. Kind {@code services} counts
 * distinct services serving the area (a service serving two boroughs of one STP is one service of
 * that STP), so the counts stay whole for a Wilson interval. Kind {@code service_coverage} counts
 * (borough, value) pairs with a service, which do add up from boroughs; its denominator (boroughs
 * × values) is filled in by the caller from {@link #coverageValues}.
 */
final class ServiceMeasures {
    private ServiceMeasures() {}

    /** @param services {@link Positions#services} rows; returns sparse sums */
    static Dataset<Row> services(
            List<IndicatorDefinition> defs, Dataset<Row> services, Dataset<Row> areaMap, CurateConfig cfg) {
        if (defs.isEmpty()) {
            return null;
        }
        List<MeasureGrid.Sums> sums = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            Column in = coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false));
            Column num = in.and(coalesce(expr(cfg.expand(d.input("numerator"))), lit(false)));
            Column den = in.and(coalesce(expr(cfg.expand(d.input("denominator"))), lit(false)));
            sums.add(new MeasureGrid.Sums(
                    d.id(),
                    size(collect_set(when(num, col("service_key")))),
                    size(collect_set(when(den, col("service_key")))),
                    lit(0L)));
        }
        return MeasureGrid.longForm(
                services.withColumn(Apportionment.LA_CODE, explode(array_distinct(col("borough_codes"))))
                        .join(areaMap, Apportionment.LA_CODE)
                        .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE),
                sums);
    }

    /** @param services {@link Positions#services} rows; returns sparse covered-pair counts, denominator null */
    static Dataset<Row> coverage(
            List<IndicatorDefinition> defs, Dataset<Row> services, Dataset<Row> areaMap, CurateConfig cfg) {
        List<Dataset<Row>> out = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            String dimension = d.input("dimension");
            Column valueArray = array(coverageValues(d, cfg).stream()
                    .map(org.apache.spark.sql.functions::lit)
                    .toArray(Column[]::new));
            // a service listing 'all' serves every value
            Column served =
                    when(array_contains(col(dimension), "all"), valueArray).otherwise(col(dimension));
            Dataset<Row> pairs = services.filter(coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false)))
                    .select(
                            col(Positions.PERIOD),
                            explode(array_distinct(col("borough_codes"))).as(Apportionment.LA_CODE),
                            array_intersect(served, valueArray).as("_values"))
                    .groupBy(Positions.PERIOD, Apportionment.LA_CODE)
                    .agg(size(array_distinct(flatten(collect_list("_values")))).as("_covered"));
            out.add(MeasureGrid.longForm(
                    pairs.join(areaMap, Apportionment.LA_CODE)
                            .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE),
                    List.of(new MeasureGrid.Sums(
                            d.id(), sum("_covered"), lit(null).cast("double"), lit(0L)))));
        }
        return MeasureGrid.union(out);
    }

    /** The values whose (borough, value) pairs a coverage indicator counts. */
    static List<String> coverageValues(IndicatorDefinition d, CurateConfig cfg) {
        if (d.inputs().hasPath("values")) {
            return d.inputs().getStringList("values");
        }
        return switch (d.input("dimension")) {
            case "pathway_stages" -> cfg.pathwayStages();
            case "tumour_groups" -> cfg.tumourGroups();
            default ->
                throw new org.rehabmap.config.ConfigError("configuration error: indicator " + d.id()
                        + ": service_coverage over " + d.input("dimension") + " needs inputs.values");
        };
    }
}
