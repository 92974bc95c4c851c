package org.rehabmap.curate;

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
 * Disclosure control of METHODS.md for the gold tables that count people: a count of min–max is
 * published as null (0 is shown), a rate built on it goes with it, a row describing fewer than
 * min+1 people is suppressed whole, and where one suppressed cell could be recovered from a total
 * and its siblings, the next smallest sibling is suppressed too. Adds the boolean column
 * {@code suppressed}. gold.benchmarks does the same in {@link BenchmarkAssembler}.
 */
final class Disclosure {
    /**
     * Siblings whose sum is published as a total: rows with equal {@code partition} values where
     * {@code among} holds (e.g. the domains of one area, or the boroughs of one STP).
     */
    record Siblings(List<String> partition, Column among) {}

    private final int min;
    private final int max;

    Disclosure(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /**
     * @param counts     the columns that count people
     * @param dependants rate column → the counts it is built from
     * @param rowGate    a count whose small value suppresses the whole row (people the row describes), or null
     * @param siblings   groups checked for secondary suppression, in order (each sees the previous ones)
     * @param tieBreak   columns that order equal siblings deterministically
     */
    Dataset<Row> apply(
            Dataset<Row> df,
            List<String> counts,
            Map<String, List<String>> dependants,
            String rowGate,
            List<Siblings> siblings,
            List<String> tieBreak) {
        Map<String, String> flag = new LinkedHashMap<>();
        for (String c : counts) {
            flag.put(c, "_s_" + c);
        }
        Column gate = rowGate == null ? lit(false) : small(col(rowGate));
        for (String c : counts) {
            df = df.withColumn(flag.get(c), small(col(c)).or(gate));
        }
        for (Siblings s : siblings) {
            List<Column> part = new ArrayList<>();
            for (String p : s.partition()) {
                part.add(col(p));
            }
            // rows outside the group get partitions of their own and are never picked
            part.add(col("_in"));
            // one unordered window for every count, so Spark sorts once per sibling group
            WindowSpec group = Window.partitionBy(part.toArray(Column[]::new));
            df = df.withColumn("_in", coalesce(s.among(), lit(false)));
            Map<String, Column> stats = new LinkedHashMap<>();
            for (String c : counts) {
                String f = flag.get(c);
                stats.put("_n_" + c, sum(when(col(f), 1).otherwise(0)).over(group));
                stats.put(
                        "_min_" + c,
                        min(when(not(col(f)), siblingOrder(c, tieBreak))).over(group));
            }
            df = df.withColumns(stats);
            Map<String, Column> updated = new LinkedHashMap<>();
            for (String c : counts) {
                String f = flag.get(c);
                // exactly one sibling suppressed: the smallest other sibling goes too
                updated.put(
                        f,
                        col(f).or(col("_in")
                                .and(col("_n_" + c).equalTo(1))
                                .and(not(col(f)))
                                .and(siblingOrder(c, tieBreak).equalTo(col("_min_" + c)))));
            }
            df = df.withColumns(updated)
                    .drop(stats.keySet().toArray(String[]::new))
                    .drop("_in");
        }
        Column any = lit(false);
        for (String c : counts) {
            any = any.or(col(flag.get(c)));
        }
        for (Map.Entry<String, List<String>> e : dependants.entrySet()) {
            Column hit = lit(false);
            for (String c : e.getValue()) {
                hit = hit.or(col(flag.get(c)));
            }
            df = df.withColumn(e.getKey(), when(not(hit), col(e.getKey())));
        }
        for (String c : counts) {
            df = df.withColumn(c, when(not(col(flag.get(c))), col(c)));
        }
        df = df.withColumn("suppressed", any);
        return df.drop(flag.values().toArray(String[]::new));
    }

    /** A sibling's place in "next smallest" order: its count (nulls last), then the tie-break columns. */
    private static Column siblingOrder(String count, List<String> tieBreak) {
        List<Column> parts = new ArrayList<>();
        parts.add(coalesce(col(count).cast("long"), lit(Long.MAX_VALUE)).as("c"));
        for (int i = 0; i < tieBreak.size(); i++) {
            parts.add(col(tieBreak.get(i)).cast("string").as("t" + i));
        }
        return struct(parts.toArray(Column[]::new));
    }

    private Column small(Column count) {
        return coalesce(count.geq(min).and(count.leq(max)), lit(false));
    }
}
