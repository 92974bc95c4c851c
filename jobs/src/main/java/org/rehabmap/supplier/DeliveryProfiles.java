package org.rehabmap.supplier;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.lake.Lake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * audit.delivery_profile: what the supplier feedback found in each finished file, so a night reads bronze
 * only for the files it has not profiled yet. One row per file and provider code read ({@link
 * Deliveries.CodeGroup}); a file with no row in bronze has one marker row, so it is not looked for again.
 *
 * <p>Only a file the ledger calls finished (conformed, or rejected whole) is stored: its bronze rows and its
 * quarantine rows no longer change. A profile belongs to the source's optional columns and the method of
 * the day ({@link #signature}); when either changes, the old rows no longer match and the files are profiled
 * again. Nothing here is read but counts, provider codes and the quarantine's own (masked) reasons.
 */
final class DeliveryProfiles {
    static final String TABLE = "audit.delivery_profile";
    /** Bump when what a profile holds, or how it is made from bronze and the quarantine, changes. */
    static final String METHOD = "1";

    static final StructType BAD = new StructType()
            .add("row_number", DataTypes.LongType, false)
            .add("rule_id", DataTypes.StringType, true)
            .add("rule_ids", DataTypes.createArrayType(DataTypes.StringType), true)
            .add("reason", DataTypes.StringType, true);

    static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("file_sha256", DataTypes.StringType, false)
            .add("signature", DataTypes.StringType, false)
            // a file without any bronze row: nothing to count, but nothing to look for again either
            .add("empty", DataTypes.BooleanType, false)
            .add("provider_code", DataTypes.StringType, true)
            .add("rows", DataTypes.LongType, false)
            .add("quarantined", DataTypes.LongType, false)
            .add("filled", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("bad", DataTypes.createArrayType(BAD), false)
            .add("run_id", DataTypes.StringType, false);

    private DeliveryProfiles() {}

    /** What a profile of a source's files was made with: the method and the optional columns measured. */
    static String signature(List<String> optional) {
        return "v" + METHOD + ":" + String.join(",", optional);
    }

    /** The stored profiles: source → file → its groups (empty for a file with no bronze row). */
    static Map<String, Map<String, List<Deliveries.CodeGroup>>> read(
            Lake lake, Map<String, String> signatures, Map<String, List<String>> optional) {
        Map<String, Map<String, List<Deliveries.CodeGroup>>> out = new LinkedHashMap<>();
        if (!lake.exists(TABLE) || signatures.isEmpty()) {
            return out;
        }
        List<Row> rows = lake.read(TABLE)
                .filter(col("source").isin(signatures.keySet().toArray()))
                .collectAsList();
        for (Row r : rows) {
            String source = r.getAs("source");
            if (!signatures.get(source).equals(r.getAs("signature"))) {
                continue;
            }
            String sha = r.getAs("file_sha256");
            List<Deliveries.CodeGroup> groups = out.computeIfAbsent(source, k -> new LinkedHashMap<>())
                    .computeIfAbsent(sha, k -> new ArrayList<>());
            if (r.<Boolean>getAs("empty")) {
                continue;
            }
            String code = r.getAs("provider_code");
            Map<String, Long> stored = r.getJavaMap(r.fieldIndex("filled"));
            Map<String, Long> filled = new LinkedHashMap<>();
            // in the source's column order, as a freshly made profile has them
            for (String o : optional.get(source)) {
                filled.put(o, stored.get(o));
            }
            List<Deliveries.BadRow> bad = new ArrayList<>();
            for (Row b : r.<Row>getList(r.fieldIndex("bad"))) {
                bad.add(new Deliveries.BadRow(code, sha, b.getLong(0), b.getString(1), b.getList(2), b.getString(3)));
            }
            groups.add(new Deliveries.CodeGroup(
                    sha, code, r.<Long>getAs("rows"), r.<Long>getAs("quarantined"), filled, bad));
        }
        return out;
    }

    /** One stored row per group, and a marker for each finished file without one. */
    static List<Row> rows(
            String source, String signature, Set<String> files, List<Deliveries.CodeGroup> groups, String runId) {
        List<Row> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Deliveries.CodeGroup g : groups) {
            if (!files.contains(g.sha256())) {
                continue;
            }
            seen.add(g.sha256());
            List<Row> bad = new ArrayList<>();
            // in row order: Spark gathers them in whatever order its tasks ran; a stored row must not depend on that
            List<Deliveries.BadRow> ordered = new ArrayList<>(g.bad());
            ordered.sort(java.util.Comparator.comparingLong(Deliveries.BadRow::rowNumber)
                    .thenComparing(Deliveries.BadRow::ruleId, java.util.Comparator.nullsFirst(String::compareTo)));
            for (Deliveries.BadRow b : ordered) {
                bad.add(RowFactory.create(b.rowNumber(), b.ruleId(), b.ruleIds(), b.reason()));
            }
            out.add(RowFactory.create(
                    source, g.sha256(), signature, false, g.code(), g.rows(), g.quarantined(), g.filled(), bad, runId));
        }
        for (String sha : files) {
            if (!seen.contains(sha)) {
                out.add(RowFactory.create(
                        source, sha, signature, true, null, 0L, 0L, Map.<String, Long>of(), List.<Row>of(), runId));
            }
        }
        return out;
    }

    /** Stores new profiles, every source's in one commit. */
    static void append(Lake lake, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        lake.appendRows(TABLE, rows, SCHEMA);
    }
}
