package org.rehabmap.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Secondary suppression (METHODS.md): where exactly one member of a group of siblings adding up to a
 * published total is withheld, the next smallest member is withheld too, so the small count cannot be
 * worked out from the total and the others. The one routine behind every table that counts people:
 * curate's gold tables, gold.benchmarks, and every table publish lets out.
 *
 * <p>Which sibling is "next smallest" is a parameter ({@link NextSmallest}): each table has broken ties
 * its own way since it was first published, and changing one would change published numbers.
 */
public final class SecondarySuppression {
    /**
     * Siblings whose sum is published as a total: rows with equal {@code partition} values where
     * {@code among} holds (e.g. the domains of one area, or the boroughs of one STP); null {@code among}
     * counts as false.
     */
    public record Siblings(List<String> partition, Column among) {}

    /**
     * How the next smallest sibling is chosen: the sibling with the least {@code key} among those not
     * withheld for which {@code eligible} holds (every sibling whose key equals the least is withheld).
     */
    public record NextSmallest(Column key, Column eligible) {}

    /** One protected quantity: the boolean column that says it is withheld, and how its next smallest sibling is chosen. */
    public record Protected(String flag, NextSmallest next) {}

    private SecondarySuppression() {}

    /**
     * Applies each sibling group in order (each sees the withholding of the ones before) to every
     * protected quantity; the flag columns come back updated, nothing else changes.
     */
    public static Dataset<Row> apply(Dataset<Row> df, List<Protected> protect, List<Siblings> siblings) {
        for (Siblings s : siblings) {
            List<Column> part = new ArrayList<>();
            for (String p : s.partition()) {
                part.add(col(p));
            }
            // rows outside the group get partitions of their own and are never picked
            part.add(col("__in"));
            // one unordered window for every quantity, so Spark sorts once per sibling group
            WindowSpec group = Window.partitionBy(part.toArray(Column[]::new));
            df = df.withColumn("__in", coalesce(s.among(), lit(false)));
            Map<String, Column> stats = new LinkedHashMap<>();
            for (int i = 0; i < protect.size(); i++) {
                Protected p = protect.get(i);
                Column f = col(p.flag());
                stats.put("__n" + i, sum(when(f, 1).otherwise(0)).over(group));
                stats.put(
                        "__min" + i,
                        min(when(not(f).and(p.next().eligible()), p.next().key()))
                                .over(group));
            }
            df = df.withColumns(stats);
            Map<String, Column> updated = new LinkedHashMap<>();
            for (int i = 0; i < protect.size(); i++) {
                Protected p = protect.get(i);
                Column f = col(p.flag());
                // exactly one sibling withheld: the smallest other sibling goes too
                updated.put(
                        p.flag(),
                        f.or(col("__in")
                                .and(col("__n" + i).equalTo(1))
                                .and(not(f))
                                .and(p.next().eligible())
                                .and(p.next().key().equalTo(col("__min" + i)))));
            }
            df = df.withColumns(updated)
                    .drop(stats.keySet().toArray(String[]::new))
                    .drop("__in");
        }
        return df;
    }

    /**
     * Curate's order (gold.unmet_need, gold.comorbidity_burden): the count as a whole number, an unknown
     * count last but still a candidate, then the tie-break columns compared as text.
     */
    public static NextSmallest countThenText(String count, List<String> tieBreak) {
        List<Column> parts = new ArrayList<>();
        parts.add(coalesce(col(count).cast("long"), lit(Long.MAX_VALUE)).as("c"));
        for (int i = 0; i < tieBreak.size(); i++) {
            parts.add(col(tieBreak.get(i)).cast("string").as("t" + i));
        }
        return new NextSmallest(struct(parts.toArray(Column[]::new)), lit(true));
    }

    /**
     * Publish's order (every table on its way out): only a sibling whose count is known, the smallest
     * count first, then the tie-break columns as they are, then the row's position in gold.
     */
    public static NextSmallest countThenColumns(String count, List<String> tieBreak, String position) {
        List<Column> parts = new ArrayList<>();
        parts.add(col(count).as("c"));
        for (int i = 0; i < tieBreak.size(); i++) {
            parts.add(col(tieBreak.get(i)).as("t" + i));
        }
        parts.add(col(position).as("p"));
        return new NextSmallest(struct(parts.toArray(Column[]::new)), col(count).isNotNull());
    }
}
