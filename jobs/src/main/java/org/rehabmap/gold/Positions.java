package org.rehabmap.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * The periods of METHODS.md: which silver rows make up each period of each source.
 * Every builder labels its periods with a {@code period} string that sorts in time order.
 */
public final class Positions {
    public static final String PERIOD = "period";

    private Positions() {}

    /**
     * The workforce position at each survey date D in silver: for every provider, the rows of its
     * latest survey on or before D (a provider not surveyed again carries its last position
     * forward). The latest D is the current position. Period label: D as YYYY-MM-DD.
     */
    public static Dataset<Row> workforce(Dataset<Row> workforce) {
        Dataset<Row> dates =
                workforce.select(col("survey_date").as("_position_date")).distinct();
        Dataset<Row> latest = workforce
                .select("provider_code", "survey_date")
                .distinct()
                .join(dates, col("survey_date").leq(col("_position_date")))
                .groupBy("provider_code", "_position_date")
                .agg(max("survey_date").as("survey_date"));
        return workforce
                .join(latest, usingColumns("provider_code", "survey_date"))
                .withColumn(PERIOD, date_format(col("_position_date"), "yyyy-MM-dd"))
                .drop("_position_date");
    }

    /** Column names for an equi-join that keeps one copy of each key column. */
    public static scala.collection.immutable.Seq<String> usingColumns(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(names))
                .toList();
    }

    /** Services active in each return period: those with a return in it. Period label: the return period. */
    public static Dataset<Row> services(Dataset<Row> service) {
        return service.withColumn(PERIOD, col("return_period"))
                .withColumn("service_key", concat_ws("/", col("provider_code"), col("service_id")));
    }

    /** HNA concern rows labelled by their financial year (April–March, e.g. 2024-25). */
    public static Dataset<Row> hna(Dataset<Row> hna) {
        return hna.withColumn(PERIOD, col("financial_year"))
                .withColumn("residence", coalesce(col("residence_borough_code"), lit(Geography.UNKNOWN)));
    }

    /** Comorbidity rows labelled by their extract date (YYYY-MM-DD). */
    public static Dataset<Row> comorbidity(Dataset<Row> comorbidity) {
        return comorbidity.withColumn(PERIOD, date_format(col("extract_date"), "yyyy-MM-dd"));
    }

    /**
     * The latest period label of each labelled frame, all in one query: name → label, null where
     * a frame is empty. A builder handed its period here is one query fewer than asking each frame
     * on its own, and every such query is a round of planning and code generation on the driver.
     */
    public static Map<String, String> latest(Map<String, Dataset<Row>> labelled) {
        Map<String, String> out = new LinkedHashMap<>();
        Dataset<Row> periods = null;
        for (Map.Entry<String, Dataset<Row>> e : labelled.entrySet()) {
            out.put(e.getKey(), null);
            Dataset<Row> p = e.getValue().select(lit(e.getKey()).as("_frame"), col(PERIOD));
            periods = periods == null ? p : periods.union(p);
        }
        if (periods != null) {
            for (Row r : periods.groupBy("_frame").agg(max(col(PERIOD))).collectAsList()) {
                out.put(r.getString(0), r.isNullAt(1) ? null : r.getString(1));
            }
        }
        return out;
    }

    /** The latest period label of a labelled frame, or null when it is empty. */
    public static String latest(Dataset<Row> labelled) {
        Row r = labelled.agg(max(col(PERIOD))).first();
        return r.isNullAt(0) ? null : r.getString(0);
    }
}
