package org.rehabmap.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * ONS 2018-based subnational population projections rebased to Census 2021
 * (data/reference/README.md: the projections run well above the census for inner London, so
 * use them for relative growth, or rebase them). For each borough:
 * <pre>  rebased(y) = projected(y) × census 2021 ÷ projected(2021)</pre>
 * so the rebased series passes through the census count in 2021 and keeps the projection's
 * year-on-year growth. (Census day is 21 March, the projection's year is at 30 June; the three
 * months are not adjusted for.)
 */
public final class Projections {
    public static final int CENSUS_YEAR = 2021;

    private Projections() {}

    /**
     * @param projected borough → year → projected value
     * @param census    borough → Census 2021 value of the same measure
     * @return borough → year → rebased value; boroughs without a census value or a positive 2021
     *         projection are left out (their growth cannot be anchored)
     */
    public static Map<String, Map<Integer, Double>> rebase(
            Map<String, Map<Integer, Double>> projected, Map<String, Double> census) {
        Map<String, Map<Integer, Double>> out = new TreeMap<>();
        for (Map.Entry<String, Map<Integer, Double>> e : projected.entrySet()) {
            Double c = census.get(e.getKey());
            Double p2021 = e.getValue().get(CENSUS_YEAR);
            if (c == null || p2021 == null || !(p2021 > 0)) {
                continue;
            }
            double factor = c / p2021;
            Map<Integer, Double> series = new TreeMap<>();
            e.getValue().forEach((y, v) -> {
                if (v != null) {
                    series.put(y, v * factor);
                }
            });
            out.put(e.getKey(), series);
        }
        return out;
    }
}
