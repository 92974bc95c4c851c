package org.rehabmap.generate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaks a known number of rows of one source on purpose, spread through it. The number is the
 * plan's rate (≈ 0.3%) of the expected rows, but never fewer than one per
 * {@link Plan#badRowsPerRow()} rows up to one of every kind, so even a small sample shows rule
 * kinds. Kinds are used in the order listed (most telling first, so a small sample shows those)
 * and cycled; the rows they land on are seeded. Every row of the source passes
 * through {@link #next}; the counts per kind go into the summary, so tests and users know exactly
 * what to expect in quarantine.
 */
final class BadRowInjector {
    private final List<BadRowKind> kinds;
    private final long[] positions;
    private final Rng rng;
    private final Deque<BadRowKind> pending = new ArrayDeque<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int nextPosition;
    private long index;

    BadRowInjector(List<BadRowKind> kinds, long expectedRows, Plan plan, Rng rng) {
        this.kinds = List.copyOf(kinds);
        this.rng = rng;
        for (BadRowKind k : kinds) {
            counts.put(k.id(), 0);
        }
        long byRate = Math.round(plan.badRowRate() * expectedRows);
        long floor = plan.badRowsPerRow() > 0 ? Math.min(kinds.size(), expectedRows / plan.badRowsPerRow()) : 0;
        int target = (int) Math.min(Math.max(byRate, floor), expectedRows);
        positions = new long[target];
        for (int k = 0; k < target; k++) {
            positions[k] = (long) Math.floor((k + rng.uniform(0.1, 0.9)) * expectedRows / target);
        }
    }

    /** Passes a row through: returns it unchanged, or broken (possibly a new array of another length). */
    String[] next(String[] row) {
        while (nextPosition < positions.length && positions[nextPosition] <= index) {
            pending.add(kinds.get(nextPosition % kinds.size()));
            nextPosition++;
        }
        index++;
        if (pending.isEmpty()) {
            return row;
        }
        BadRowKind kind = pending.peek();
        String[] bad = kind.corruption().apply(row.clone(), rng);
        if (bad == null) {
            return row;
        }
        pending.poll();
        counts.merge(kind.id(), 1, Integer::sum);
        return bad;
    }

    /** Bad rows written per kind, in a fixed order; kinds not used have 0. */
    Map<String, Integer> counts() {
        return counts;
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Kinds that were due but never found a row they could break (the source ended first). */
    int unplaced() {
        return pending.size() + positions.length - nextPosition;
    }
}
