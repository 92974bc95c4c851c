package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

/**
 * Sums of several indicators in one pass, and the full grid of periods × areas they are published
 * on. Spark only sums the rows that exist (one aggregation per kind, one column set per indicator,
 * exploded to long form); the grid is filled here, so an area with no rows still gets its row
 * with a zero numerator, and the named denominators come straight from {@link Denominators}.
 */
final class MeasureGrid {
    private MeasureGrid() {}

    /** The union of the kinds' sums, skipping kinds with no indicator (null). */
    static Dataset<Row> union(List<Dataset<Row>> parts) {
        Dataset<Row> u = null;
        for (Dataset<Row> p : parts) {
            if (p != null) {
                u = u == null ? p : u.unionByName(p);
            }
        }
        return u;
    }

    /** The aggregate columns of one indicator: numerator, denominator (may be null) and rows left out. */
    record Sums(String indicatorId, Column numerator, Column denominator, Column excluded) {}

    /**
     * Long form of a grouped frame: one row per (group, indicator) with
     * indicator_id, period, area_level, area_code, numerator, denominator, excluded.
     */
    static Dataset<Row> longForm(org.apache.spark.sql.RelationalGroupedDataset grouped, List<Sums> sums) {
        List<Column> aggs = new ArrayList<>();
        List<Column> structs = new ArrayList<>();
        for (int i = 0; i < sums.size(); i++) {
            Sums s = sums.get(i);
            aggs.add(s.numerator().as("_n" + i));
            aggs.add(s.denominator().as("_d" + i));
            aggs.add(s.excluded().as("_e" + i));
            structs.add(struct(
                    lit(s.indicatorId()).as("indicator_id"),
                    col("_n" + i).cast("double").as("numerator"),
                    col("_d" + i).cast("double").as("denominator"),
                    coalesce(col("_e" + i).cast("long"), lit(0L)).as("excluded")));
        }
        return grouped.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .select(
                        col(Positions.PERIOD),
                        col(Geography.AREA_LEVEL),
                        col(Geography.AREA_CODE),
                        explode(array(structs.toArray(Column[]::new))).as("_m"))
                .select(
                        col("_m.indicator_id"),
                        col(Positions.PERIOD),
                        col(Geography.AREA_LEVEL),
                        col(Geography.AREA_CODE),
                        col("_m.numerator"),
                        col("_m.denominator"),
                        col("_m.excluded"));
    }

    /**
     * Every period × area of one indicator.
     *
     * @param sparse      the indicator's sums where rows exist
     * @param periods     the periods of its source
     * @param denominator area code → the denominator when it does not come from the rows (named
     *                    denominators, pairs of coverage), or null to take the rows' own (0 when none)
     */
    static List<Measure> complete(
            String indicatorId,
            List<Measure> sparse,
            Collection<String> periods,
            List<Geography.Area> areas,
            Function<String, Double> denominator) {
        Map<String, Measure> byKey = new HashMap<>();
        for (Measure m : sparse) {
            byKey.put(m.period() + "|" + m.areaCode(), m);
        }
        List<Measure> out = new ArrayList<>();
        for (String p : periods) {
            for (Geography.Area a : areas) {
                Measure m = byKey.get(p + "|" + a.code());
                double num = m == null || m.numerator() == null ? 0.0 : m.numerator();
                Double den;
                if (denominator != null) {
                    den = denominator.apply(a.code()); // null: not known for this area
                } else {
                    den = m == null || m.denominator() == null ? Double.valueOf(0.0) : m.denominator();
                }
                out.add(new Measure(indicatorId, p, a.level(), a.code(), num, den, m == null ? 0 : m.excluded()));
            }
        }
        return out;
    }
}
