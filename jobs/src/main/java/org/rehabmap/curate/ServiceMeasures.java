package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Indicators over the services active in each return period. Kind {@code services} counts
 * distinct services serving the area (a service serving two boroughs of one STP is one service of
 * that STP), so the counts stay whole for a Wilson interval. Kind {@code service_coverage} counts
 * (borough, value) pairs with a service, which do add up from boroughs.
 */
final class ServiceMeasures {
    private ServiceMeasures() {}

    /** @param services {@link Positions#services} rows */
    static Dataset<Row> services(List<IndicatorDefinition> defs, Dataset<Row> services, Dataset<Row> areaMap, Dataset<Row> areaList,
                                 Dataset<Row> denominatorFrame, CurateConfig cfg) {
        Dataset<Row> periods = services.select(Positions.PERIOD).distinct();
        Dataset<Row> withAreas = services.withColumn(Apportionment.LA_CODE, explode(array_distinct(col("borough_codes"))))
                .join(areaMap, Apportionment.LA_CODE);
        List<Dataset<Row>> out = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            Column num = coalesce(expr(cfg.expand(d.input("numerator"))), lit(false));
            Column den = coalesce(expr(cfg.expand(d.input("denominator"))), lit(false));
            Dataset<Row> sums = withAreas.filter(expr(cfg.expand(d.input("filter", "true"))))
                    .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE)
                    .agg(countDistinct(when(num, col("service_key"))).as("numerator"),
                            countDistinct(when(den, col("service_key"))).as("denominator"), lit(0L).as("excluded"));
            out.add(MeasureGrid.complete(d.id(), periods, areaList, sums, null, denominatorFrame));
        }
        return WorkforceMeasures.union(out);
    }

    /**
     * @param services {@link Positions#services} rows
     * @param boroughs every borough code (a borough no service serves still has its pairs)
     */
    static Dataset<Row> coverage(List<IndicatorDefinition> defs, Dataset<Row> services, Dataset<Row> areaMap, Dataset<Row> areaList,
                                 List<String> boroughs, Dataset<Row> denominatorFrame, CurateConfig cfg) {
        Dataset<Row> periods = services.select(Positions.PERIOD).distinct();
        List<Dataset<Row>> out = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            String dimension = d.input("dimension");
            List<String> values = d.inputs().hasPath("values") ? d.inputs().getStringList("values") : defaultValues(dimension, cfg);
            Column valueArray = array(values.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new));
            // a service listing 'all' serves every value
            Column served = when(array_contains(col(dimension), "all"), valueArray).otherwise(col(dimension));
            Dataset<Row> pairs = services.filter(expr(cfg.expand(d.input("filter", "true"))))
                    .select(col(Positions.PERIOD), explode(array_distinct(col("borough_codes"))).as(Apportionment.LA_CODE), served.as("_values"))
                    .select(col(Positions.PERIOD), col(Apportionment.LA_CODE), explode(array_intersect(col("_values"), valueArray)).as("_value"))
                    .distinct();
            Dataset<Row> boroughGrid = periods.crossJoin(areaMap.select(Apportionment.LA_CODE).filter(col(Apportionment.LA_CODE).isin(boroughs.toArray())).distinct())
                    .join(pairs.groupBy(Positions.PERIOD, Apportionment.LA_CODE).agg(count(lit(1)).as("covered")),
                            Positions.usingColumns(Positions.PERIOD, Apportionment.LA_CODE), "left");
            Dataset<Row> sums = boroughGrid.join(areaMap, Apportionment.LA_CODE)
                    .groupBy(Positions.PERIOD, Geography.AREA_LEVEL, Geography.AREA_CODE)
                    .agg(sum(coalesce(col("covered"), lit(0L))).as("numerator"), sum(lit((long) values.size())).as("denominator"), lit(0L).as("excluded"));
            out.add(MeasureGrid.complete(d.id(), periods, areaList, sums, null, denominatorFrame));
        }
        return WorkforceMeasures.union(out);
    }

    private static List<String> defaultValues(String dimension, CurateConfig cfg) {
        return switch (dimension) {
            case "pathway_stages" -> cfg.pathwayStages();
            case "tumour_groups" -> cfg.tumourGroups();
            default -> throw new org.rehabmap.config.ConfigError("configuration error: service_coverage over " + dimension + " needs inputs.values");
        };
    }
}
