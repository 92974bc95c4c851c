package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.Geography;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/**
 * IMD 2019 average score of every area: a borough's own, and for areas above borough the
 * population-weighted mean of their boroughs' scores (METHODS.md, unmet-need index C3).
 */
public final class Deprivation {
    private Deprivation() {}

    /** @param imd silver.imd (la_code, imd_average_score) */
    public static Map<String, Double> byArea(Geography geo, Dataset<Row> imd) {
        List<Row> rows = imd.select("la_code", "imd_average_score")
                .filter(col("imd_average_score").isNotNull())
                .orderBy("la_code")
                .collectAsList();
        Map<String, Double> scores = new TreeMap<>();
        for (Row r : rows) {
            scores.put(r.getString(0), r.getDouble(1));
        }
        return byArea(geo, scores);
    }

    static Map<String, Double> byArea(Geography geo, Map<String, Double> boroughScores) {
        Map<String, double[]> acc = new TreeMap<>();
        for (String b : geo.boroughCodes()) {
            Double s = boroughScores.get(b);
            if (s == null) {
                continue;
            }
            double pop = geo.population().get(b);
            for (String area : geo.parents(b)) {
                double[] a = acc.computeIfAbsent(area, k -> new double[2]);
                a[0] += pop * s;
                a[1] += pop;
            }
        }
        Map<String, Double> out = new TreeMap<>();
        acc.forEach((area, a) -> {
            if (a[1] > 0) {
                out.put(area, a[0] / a[1]);
            }
        });
        // a borough's own score, not its score × pop / pop, so it reads exactly as published
        for (String b : geo.boroughCodes()) {
            if (boroughScores.containsKey(b)) {
                out.put(b, boroughScores.get(b));
            }
        }
        return out;
    }
}
