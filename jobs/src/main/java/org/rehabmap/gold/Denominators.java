package org.rehabmap.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/**
 * The population denominators of every area: usual residents (Census 2021) and people living
 * with cancer (Σ over a borough's sex × age-band cells of cancer_register_count, latest extract).
 *
 * @param livingWithCancer area code → people living with cancer; absent when no extract covers the area
 * @param cellsLeftOut     area code → register cells left out (rows of one cell disagree, or every row suppressed)
 * @param extract          the extract date the living-with-cancer counts come from, or null
 */
public record Denominators(
        Map<String, Long> population,
        Map<String, Long> livingWithCancer,
        Map<String, Long> cellsLeftOut,
        String extract) {
    public static final String POPULATION = "population";
    public static final String LIVING_WITH_CANCER = "living_with_cancer";

    public static Denominators build(Geography geo, Dataset<Row> comorbidityLabelled) {
        return build(geo, comorbidityLabelled, Positions.latest(comorbidityLabelled));
    }

    /** @param latest the latest comorbidity extract's period ({@link Positions#latest}), null when none */
    public static Denominators build(Geography geo, Dataset<Row> comorbidityLabelled, String latest) {
        Map<String, Long> lwc = new TreeMap<>();
        Map<String, Long> leftOut = new TreeMap<>();
        if (latest != null) {
            List<Row> rows = LivingWithCancer.byBorough(
                            comorbidityLabelled.filter(col(Positions.PERIOD).equalTo(latest)))
                    .select(Apportionment.LA_CODE, "living_with_cancer", "cells_left_out")
                    .orderBy(Apportionment.LA_CODE)
                    .collectAsList();
            Map<String, long[]> byBorough = new TreeMap<>();
            for (Row r : rows) {
                if (geo.population().containsKey(r.getString(0))) {
                    byBorough.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
                }
            }
            // an area's count is known only when every one of its boroughs is in the extract: a partial
            // sum would sit under a numerator that counts every borough
            Map<String, Integer> covered = new TreeMap<>();
            for (Map.Entry<String, long[]> e : byBorough.entrySet()) {
                for (String area : geo.parents(e.getKey())) {
                    lwc.merge(area, e.getValue()[0], Long::sum);
                    leftOut.merge(area, e.getValue()[1], Long::sum);
                    covered.merge(area, 1, Integer::sum);
                }
            }
            covered.forEach((area, n) -> {
                if (n != geo.boroughCount(area)) {
                    lwc.remove(area);
                    leftOut.remove(area);
                }
            });
        }
        return new Denominators(geo.areaPopulation(), lwc, leftOut, latest);
    }

    /** The named denominator of an area, or null when unknown. */
    public Long of(String name, String areaCode) {
        return switch (name) {
            case POPULATION -> population.get(areaCode);
            case LIVING_WITH_CANCER -> livingWithCancer.get(areaCode);
            default -> throw new IllegalArgumentException("unknown denominator " + name);
        };
    }

    public static boolean isNamed(String denominator) {
        return POPULATION.equals(denominator) || LIVING_WITH_CANCER.equals(denominator);
    }

    /** area_level, area_code, population, living_with_cancer for every area, to join to Spark frames. */
    public Dataset<Row> frame(SparkSession spark, Geography geo) {
        StructType schema = new StructType()
                .add(Geography.AREA_LEVEL, DataTypes.StringType, false)
                .add(Geography.AREA_CODE, DataTypes.StringType, false)
                .add(POPULATION, DataTypes.LongType, true)
                .add(LIVING_WITH_CANCER, DataTypes.LongType, true);
        List<Row> rows = new ArrayList<>();
        for (Geography.Area a : geo.areas()) {
            rows.add(RowFactory.create(a.level(), a.code(), population.get(a.code()), livingWithCancer.get(a.code())));
        }
        return spark.createDataFrame(rows, schema);
    }
}
