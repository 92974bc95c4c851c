package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.SilverInputs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four peer-group variables of every borough, from what the project holds: IMD 2019 average
 * score (silver.imd), % of usual residents aged 65+ and usual residents (Census 2021,
 * silver.population), and people living with cancer (the curate job's count from the latest
 * comorbidity extract) per 100,000 usual residents.
 */
public final class PeerVariables {
    private PeerVariables() {}

    /**
     * @param imd        silver.imd (la_code, imd_average_score)
     * @param population silver.population (la_code, census2021_usual_residents, census2021_age_65_plus)
     * @return borough → variable → value (a variable left out where its inputs are missing)
     */
    public static Map<String, Map<String, Double>> of(
            Geography geo, Denominators denominators, Dataset<Row> imd, Dataset<Row> population) {
        Map<String, Double> scores = SilverInputs.byLaCode(imd, "imd_average_score");
        Map<String, Double> residents = SilverInputs.byLaCode(population, "census2021_usual_residents");
        Map<String, Double> aged65 = SilverInputs.byLaCode(population, "census2021_age_65_plus");
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (String b : geo.boroughCodes()) {
            Map<String, Double> v = new LinkedHashMap<>();
            Long pop = geo.population().get(b);
            Double res = residents.get(b);
            if (scores.containsKey(b)) {
                v.put(PeerGroups.IMD, scores.get(b));
            }
            if (res != null && res > 0 && aged65.containsKey(b)) {
                v.put(PeerGroups.PCT_65, 100.0 * aged65.get(b) / res);
            }
            if (pop != null) {
                v.put(PeerGroups.POPULATION, pop.doubleValue());
            }
            Long lwc = denominators.livingWithCancer().get(b);
            if (lwc != null && pop != null && pop > 0) {
                v.put(PeerGroups.LWC_PER_100K, 100000.0 * lwc / pop);
            }
            out.put(b, v);
        }
        return out;
    }

    /** borough code → name. */
    public static Map<String, String> names(Geography geo) {
        Map<String, String> out = new TreeMap<>();
        for (Geography.Area a : geo.areas()) {
            if (a.level().equals(Geography.BOROUGH)) {
                out.put(a.code(), a.name());
            }
        }
        return out;
    }
}
