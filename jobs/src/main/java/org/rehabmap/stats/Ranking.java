package org.rehabmap.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rank and quintile of areas of one level and period (METHODS.md), with SQL RANK() and NTILE(5)
 * semantics so the Spark and BI layers can reproduce them. Missing values (null or NaN) get null
 * and do not count towards anyone else's position.
 */
public final class Ranking {
    private static final int QUINTILES = 5;

    private Ranking() {}

    /** 1 = best; equal values share the best rank they tie for and the next rank is skipped. */
    public static Integer[] rank(Double[] values, Polarity p) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(p, "polarity");
        Integer[] ranks = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            if (missing(values[i])) {
                continue;
            }
            int better = 0;
            for (Double other : values) {
                if (!missing(other) && isBetter(other, values[i], p)) {
                    better++;
                }
            }
            ranks[i] = better + 1;
        }
        return ranks;
    }

    /**
     * NTILE(5) over the non-missing values ordered best first, ties broken by input position; the
     * first (count mod 5) quintiles take one extra area. All null with fewer than 5 areas, where a
     * fifth of the areas is not a meaningful group.
     */
    public static Integer[] quintile(Double[] values, Polarity p) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(p, "polarity");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!missing(values[i])) {
                order.add(i);
            }
        }
        Integer[] quintiles = new Integer[values.length];
        int n = order.size();
        if (n < QUINTILES) {
            return quintiles;
        }
        // List.sort is stable, so equal values keep their input order.
        order.sort((a, b) -> isBetter(values[a], values[b], p) ? -1 : isBetter(values[b], values[a], p) ? 1 : 0);
        int small = n / QUINTILES;
        int bigGroups = n % QUINTILES;
        int inBigGroups = bigGroups * (small + 1);
        for (int position = 0; position < n; position++) {
            int tile = position < inBigGroups ? position / (small + 1) : bigGroups + (position - inBigGroups) / small;
            quintiles[order.get(position)] = tile + 1;
        }
        return quintiles;
    }

    /** No judgement still needs an order; METHODS.md puts the highest first. */
    private static boolean isBetter(double a, double b, Polarity p) {
        return p == Polarity.LOW_IS_GOOD ? a < b : a > b;
    }

    private static boolean missing(Double d) {
        return d == null || d.isNaN();
    }
}
