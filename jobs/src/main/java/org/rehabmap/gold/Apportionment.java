package org.rehabmap.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

/**
 * Shares a row that serves several boroughs (a workforce row, a service) out to them, by
 * Census 2021 population share or equally (METHODS.md; rehabmap.geography.apportion).
 * Shares are decimals so that sums of apportioned values, and so every roll-up, come out the
 * same whatever order Spark adds them in.
 */
public final class Apportionment {
    public static final String LA_CODE = "la_code";
    public static final String SHARE = "share";
    /** Share of a row that goes to one borough; 15 places keep 1e-12 relative accuracy on WTE. */
    public static final org.apache.spark.sql.types.DecimalType SHARE_TYPE = DataTypes.createDecimalType(20, 15);
    /** Measures before they are shared out: WTE to 6 places, as the survey never has more than 2. */
    public static final org.apache.spark.sql.types.DecimalType MEASURE_TYPE = DataTypes.createDecimalType(18, 6);

    public enum Method {
        POPULATION,
        EQUAL;

        public static Method fromConfig(String s) {
            return switch (s) {
                case "population" -> POPULATION;
                case "equal" -> EQUAL;
                default ->
                    throw new org.rehabmap.config.ConfigError(
                            "configuration error: rehabmap.geography.apportion must be population or equal, got '" + s
                                    + "'");
            };
        }
    }

    private Apportionment() {}

    /**
     * One output row per (input row, distinct borough in {@code boroughCodes}) with {@link #LA_CODE}
     * and {@link #SHARE}; a row's shares add up to 1.
     *
     * @param population la_code → usual residents (Census 2021)
     */
    public static Dataset<Row> apportion(
            Dataset<Row> rows, String boroughCodes, Map<String, Long> population, Method method) {
        Column codes = array_distinct(col(boroughCodes));
        Column share;
        if (method == Method.EQUAL) {
            share = lit(1).cast(DataTypes.createDecimalType(20, 0))
                    .divide(size(codes).cast(DataTypes.createDecimalType(20, 0)));
        } else {
            Column popMap = populationMap(population);
            Column total = aggregate(
                    transform(codes, c -> coalesce(try_element_at(popMap, c), lit(0L))),
                    lit(0L),
                    (acc, x) -> acc.plus(x));
            Column own = coalesce(try_element_at(popMap, col(LA_CODE)), lit(0L));
            share = when(
                    total.gt(0),
                    own.cast(DataTypes.createDecimalType(20, 0))
                            .divide(total.cast(DataTypes.createDecimalType(20, 0))));
        }
        return rows.withColumn(LA_CODE, explode(codes)).withColumn(SHARE, share.cast(SHARE_TYPE));
    }

    /** share × value, exact to 21 places, ready to be summed. */
    public static Column shared(Column value) {
        return col(SHARE).multiply(value.cast(MEASURE_TYPE));
    }

    static Column populationMap(Map<String, Long> population) {
        List<Column> kv = new ArrayList<>();
        population.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            kv.add(lit(e.getKey()));
            kv.add(lit(e.getValue()));
        });
        return map(kv.toArray(Column[]::new));
    }
}
