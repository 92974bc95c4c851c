package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The numerator and denominator of every catalogue indicator for every period of its source and
 * every area: one Spark aggregation per kind, collected (a few hundred rows), then completed on
 * the grid by {@link MeasureGrid}.
 *
 * @param positions   {@link Positions#workforce} rows
 * @param apportioned the same, apportioned to boroughs
 * @param hna         {@link Positions#hna} rows
 * @param comorbidity {@link Positions#comorbidity} rows
 * @param services    {@link Positions#services} rows
 */
record IndicatorMeasures(
        Dataset<Row> positions,
        Dataset<Row> apportioned,
        Dataset<Row> hna,
        Dataset<Row> comorbidity,
        Dataset<Row> services) {

    List<Measure> collect(
            IndicatorCatalogue catalogue,
            CurateConfig cfg,
            Geography geo,
            Denominators denominators,
            Dataset<Row> areaMap) {
        Dataset<Row> sparse = MeasureGrid.union(java.util.Arrays.asList(
                WorkforceMeasures.build(catalogue.ofKind(IndicatorCatalogue.WORKFORCE), apportioned, areaMap, cfg),
                HnaMeasures.assessments(catalogue.ofKind(IndicatorCatalogue.HNA_ASSESSMENTS), hna, areaMap, cfg),
                HnaMeasures.concerns(catalogue.ofKind(IndicatorCatalogue.HNA_CONCERNS), hna, areaMap, cfg),
                ComorbidityMeasures.build(catalogue.ofKind(IndicatorCatalogue.COMORBIDITY), comorbidity, areaMap, cfg),
                ServiceMeasures.services(catalogue.ofKind(IndicatorCatalogue.SERVICES), services, areaMap, cfg),
                ServiceMeasures.coverage(
                        catalogue.ofKind(IndicatorCatalogue.SERVICE_COVERAGE), services, areaMap, cfg)));
        Map<String, List<Measure>> byIndicator = new LinkedHashMap<>();
        if (sparse != null) {
            for (Row r : sparse.collectAsList()) {
                Measure m = Measure.of(r);
                byIndicator
                        .computeIfAbsent(m.indicatorId(), k -> new ArrayList<>())
                        .add(m);
            }
        }
        Map<String, TreeSet<String>> periods = periods();
        List<Measure> out = new ArrayList<>();
        for (IndicatorDefinition d : catalogue.all()) {
            String source = switch (d.kind()) {
                case IndicatorCatalogue.WORKFORCE -> "workforce";
                case IndicatorCatalogue.HNA_ASSESSMENTS, IndicatorCatalogue.HNA_CONCERNS -> "hna";
                case IndicatorCatalogue.COMORBIDITY -> "comorbidity";
                case IndicatorCatalogue.SERVICES, IndicatorCatalogue.SERVICE_COVERAGE -> "services";
                default -> null;
            };
            if (source == null) {
                continue;
            }
            out.addAll(MeasureGrid.complete(
                    d.id(),
                    byIndicator.getOrDefault(d.id(), List.of()),
                    periods.getOrDefault(source, new TreeSet<>()),
                    geo.areas(),
                    denominator(d, cfg, geo, denominators)));
        }
        return out;
    }

    /** Where an indicator's denominator comes from when it is not summed from its rows. */
    private static Function<String, Double> denominator(
            IndicatorDefinition d, CurateConfig cfg, Geography geo, Denominators denominators) {
        if (d.kind().equals(IndicatorCatalogue.SERVICE_COVERAGE)) {
            int values = ServiceMeasures.coverageValues(d, cfg).size();
            return code -> (double) geo.boroughCount(code) * values;
        }
        String spec = d.input("denominator", "");
        if (Denominators.isNamed(spec)) {
            return code -> {
                Long v = denominators.of(spec, code);
                return v == null ? null : v.doubleValue();
            };
        }
        return null;
    }

    /** The periods of each source, from its rows (one small job for all four). */
    private Map<String, TreeSet<String>> periods() {
        Dataset<Row> all = positions
                .select(lit("workforce").as("source"), col(Positions.PERIOD))
                .union(hna.select(lit("hna"), col(Positions.PERIOD)))
                .union(comorbidity.select(lit("comorbidity"), col(Positions.PERIOD)))
                .union(services.select(lit("services"), col(Positions.PERIOD)))
                .distinct();
        Map<String, TreeSet<String>> out = new LinkedHashMap<>();
        for (Row r : all.collectAsList()) {
            if (!r.isNullAt(1)) {
                out.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getString(1));
            }
        }
        return out;
    }
}
