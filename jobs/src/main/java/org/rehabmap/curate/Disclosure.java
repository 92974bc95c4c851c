package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.gold.SecondarySuppression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/**
 * Disclosure control of METHODS.md for the gold tables that count people: a count of min–max is
 * published as null (0 is shown), a rate built on it goes with it, a row describing fewer than
 * min+1 people is suppressed whole, and where one suppressed cell could be recovered from a total
 * and its siblings, the next smallest sibling is suppressed too ({@link SecondarySuppression}). Adds the
 * boolean column {@code suppressed}. gold.benchmarks does the same in {@link BenchmarkAssembler}.
 */
final class Disclosure {
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
     * @param tieBreak   columns that order equal siblings deterministically ({@link SecondarySuppression#countThenText})
     */
    Dataset<Row> apply(
            Dataset<Row> df,
            List<String> counts,
            Map<String, List<String>> dependants,
            String rowGate,
            List<SecondarySuppression.Siblings> siblings,
            List<String> tieBreak) {
        Map<String, String> flag = new LinkedHashMap<>();
        for (String c : counts) {
            flag.put(c, "_s_" + c);
        }
        Column gate = rowGate == null ? lit(false) : small(col(rowGate));
        // One projection per stage, not one per column: each withColumn analyses the whole plan again,
        // and these come at the end of the widest plans (most of curate's driver time before any job ran).
        Map<String, Column> flags = new LinkedHashMap<>();
        for (String c : counts) {
            flags.put(flag.get(c), small(col(c)).or(gate));
        }
        df = df.withColumns(flags);
        List<SecondarySuppression.Protected> protect = new ArrayList<>();
        for (String c : counts) {
            protect.add(
                    new SecondarySuppression.Protected(flag.get(c), SecondarySuppression.countThenText(c, tieBreak)));
        }
        df = SecondarySuppression.apply(df, protect, siblings);
        Column any = lit(false);
        for (String c : counts) {
            any = any.or(col(flag.get(c)));
        }
        // every rate and count is withheld by the flags alone, so they are one projection
        Map<String, Column> withheld = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : dependants.entrySet()) {
            Column hit = lit(false);
            for (String c : e.getValue()) {
                hit = hit.or(col(flag.get(c)));
            }
            withheld.put(e.getKey(), when(not(hit), col(e.getKey())));
        }
        for (String c : counts) {
            // a count that is also a rate's key is withheld by both, as one after the other would
            Column value = withheld.getOrDefault(c, col(c));
            withheld.put(c, when(not(col(flag.get(c))), value));
        }
        withheld.put("suppressed", any);
        df = df.withColumns(withheld);
        return df.drop(flag.values().toArray(String[]::new));
    }

    private Column small(Column count) {
        return coalesce(count.geq(min).and(count.leq(max)), lit(false));
    }
}
