package org.rehabmap.testing;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.lake.Lake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every table of a lake as sorted text rows, leaving out what differs between two runs of the same data
 * (run ids, ingest times) and audit.run itself (one row per run, crashed runs included), so two lakes that
 * hold the same data compare equal.
 */
public final class LakeContents {
    static final Set<String> VOLATILE = Set.of("_run_id", "run_id", "conformed_run_id", "_ingested_at", "ingested_at");

    private LakeContents() {}

    public static Map<String, List<String>> of(Lake lake) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : lake.tables()) {
            if (t.equals("audit.run")) {
                continue;
            }
            Dataset<Row> df = lake.read(t);
            String[] keep = Arrays.stream(df.columns())
                    .filter(c -> !VOLATILE.contains(c))
                    .sorted()
                    .toArray(String[]::new);
            List<String> rows = new ArrayList<>();
            org.apache.spark.sql.Column[] cols = Arrays.stream(keep)
                    .map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new);
            for (Row r : df.select(cols).collectAsList()) {
                rows.add(r.toString());
            }
            rows.sort(String::compareTo);
            out.put(t, rows);
        }
        return out;
    }

    /** A short account of how two lakes differ, or "" when they hold the same. */
    public static String diff(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        StringBuilder b = new StringBuilder();
        if (!expected.keySet().equals(actual.keySet())) {
            b.append("tables ")
                    .append(expected.keySet())
                    .append(" vs ")
                    .append(actual.keySet())
                    .append('\n');
        }
        for (String t : expected.keySet()) {
            List<String> e = expected.get(t);
            List<String> a = actual.getOrDefault(t, List.of());
            if (e.equals(a)) {
                continue;
            }
            List<String> missing = new ArrayList<>(e);
            missing.removeAll(a);
            List<String> extra = new ArrayList<>(a);
            extra.removeAll(e);
            b.append(t)
                    .append(": ")
                    .append(e.size())
                    .append(" vs ")
                    .append(a.size())
                    .append(" rows; missing ")
                    .append(missing.stream().limit(3).toList())
                    .append("; extra ")
                    .append(extra.stream().limit(3).toList())
                    .append('\n');
        }
        return b.toString();
    }
}
