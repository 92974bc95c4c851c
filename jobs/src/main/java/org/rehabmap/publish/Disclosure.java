package org.rehabmap.publish;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.contracts.DisclosureSpec;
import org.rehabmap.gold.SecondarySuppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/**
 * Disclosure control of METHODS.md, applied to every table on its way out (files and warehouse),
 * whatever the curate job already did: counts of min–max people are withheld (0 is shown); a
 * column derived from a withheld count goes with it; a row describing min–max people loses every
 * count and derived value; where exactly one member of a group adding up to a published total is
 * withheld, the next smallest member is withheld too ({@link SecondarySuppression}). A cell already null
 * in a row gold marks {@code suppressed} stays withheld.
 *
 * <p>The result keeps the table's columns (withheld cells null, {@code suppressed} true, added at
 * the end when gold has no such column), plus a boolean {@link #MASK_PREFIX}column per protected
 * column, so files can print {@code *} for a withheld cell and leave a cell that is simply unknown
 * blank, and {@link #ORDER}, the row's position in gold (window functions do not keep it).
 */
public final class Disclosure {
    public static final String MASK_PREFIX = "__masked__";
    public static final String ORDER = "__order";
    public static final String SUPPRESSED = "suppressed";

    private final int min;
    private final int max;

    public Disclosure(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("disclosure range must be 1 <= min <= max, got " + min + "–" + max);
        }
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /**
     * @param appliesWhen the spec's predicate with its placeholders filled in (null: every row)
     * @param parents     area code → parent area code, for {@code parent_area_code}
     * @param tieBreak    columns ordering equal siblings, so the same cell is chosen every run
     */
    public Dataset<Row> apply(
            Dataset<Row> gold,
            DisclosureSpec spec,
            String appliesWhen,
            Map<String, String> parents,
            List<String> tieBreak) {
        // A published table is a summary (publish.max-rows-per-table), so it is handled in one partition: one
        // partition satisfies every window's grouping and the final ordering, so Spark plans no exchange at all
        // and the whole control runs as one stage instead of a job per sibling group. Row order is kept.
        Dataset<Row> df = gold.coalesce(1).withColumn(ORDER, monotonically_increasing_id());
        if (!spec.countsPeople()) {
            return df;
        }
        List<String> original = Arrays.asList(gold.columns());
        boolean addParent = !original.contains(DisclosureSpec.PARENT_AREA_CODE)
                && spec.siblings().stream().anyMatch(s -> s.partition().contains(DisclosureSpec.PARENT_AREA_CODE));
        if (addParent) {
            df = df.join(parentFrame(gold, parents), col("area_code").equalTo(col("__area")), "left")
                    .drop("__area");
        }

        // fail closed: a predicate that cannot tell (null) counts the row as people
        Column applies = appliesWhen == null ? lit(true) : coalesce(expr(appliesWhen), lit(true));
        Column upstream = original.contains(SUPPRESSED) ? coalesce(col(SUPPRESSED), lit(false)) : lit(false);
        Column gate = spec.rowGate() == null ? lit(false) : small(col(spec.rowGate()));
        Map<String, String> flag = new LinkedHashMap<>();
        Map<String, Column> step = new LinkedHashMap<>();
        for (String c : spec.counts()) {
            flag.put(c, MASK_PREFIX + c);
            step.put(MASK_PREFIX + c, applies.and(small(col(c)).or(gate)).or(upstream.and(col(c).isNull())));
        }
        // one projection per step: long withColumn chains make Spark's analyser the slow part
        df = df.withColumns(step);
        List<SecondarySuppression.Protected> protect = new ArrayList<>();
        for (String c : spec.counts()) {
            protect.add(new SecondarySuppression.Protected(
                    flag.get(c), SecondarySuppression.countThenColumns(c, tieBreak, ORDER)));
        }
        List<SecondarySuppression.Siblings> siblings = new ArrayList<>();
        for (DisclosureSpec.Siblings s : spec.siblings()) {
            siblings.add(new SecondarySuppression.Siblings(
                    s.partition(), s.among() == null ? lit(true) : coalesce(expr(s.among()), lit(false))));
        }
        // where exactly one member of a group adding up to a published total is withheld, the next smallest goes too
        df = SecondarySuppression.apply(df, protect, siblings);
        step.clear();
        for (Map.Entry<String, List<String>> e : spec.derived().entrySet()) {
            Column hit = lit(false);
            for (String b : e.getValue()) {
                hit = hit.or(col(flag.get(b)));
            }
            // a derived value that gold already withheld stays withheld
            step.put(
                    MASK_PREFIX + e.getKey(),
                    hit.or(upstream.and(col(e.getKey()).isNull())));
        }
        df = df.withColumns(step);
        step.clear();
        Column any = upstream;
        for (String c : spec.protectedColumns()) {
            any = any.or(col(MASK_PREFIX + c));
            step.put(c, when(not(col(MASK_PREFIX + c)), col(c)));
        }
        step.put(SUPPRESSED, any);
        df = df.withColumns(step);
        if (addParent) {
            df = df.drop(DisclosureSpec.PARENT_AREA_CODE);
        }
        return df;
    }

    private Column small(Column count) {
        return coalesce(count.geq(min).and(count.leq(max)), lit(false));
    }

    private static Dataset<Row> parentFrame(Dataset<Row> gold, Map<String, String> parents) {
        List<Row> rows = new ArrayList<>();
        parents.forEach((k, v) -> rows.add(RowFactory.create(k, v)));
        StructType schema = new StructType()
                .add("__area", DataTypes.StringType, false)
                .add(DisclosureSpec.PARENT_AREA_CODE, DataTypes.StringType, true);
        return gold.sparkSession().createDataFrame(rows, schema);
    }
}
