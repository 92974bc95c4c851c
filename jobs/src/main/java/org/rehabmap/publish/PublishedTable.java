package org.rehabmap.publish;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.rehabmap.contracts.GoldContract;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One gold table after disclosure control, held on the driver: gold tables are summaries (a few
 * thousand rows), and every output (CSV, workbook, report, warehouse) reads the same rows, so the
 * Delta table is scanned once per run.
 *
 * @param name     table name without its layer, e.g. benchmarks
 * @param version  the Delta version the rows were read at
 * @param columns  the published columns, in order
 * @param rows     values per row (withheld cells are null)
 * @param masked   per row, per column: true when the cell was withheld by disclosure control
 */
public record PublishedTable(
        String name,
        long version,
        GoldContract contract,
        List<String> columns,
        List<DataType> types,
        List<Object[]> rows,
        List<boolean[]> masked) {

    public String qualifiedName() {
        return "gold." + name;
    }

    public int index(String column) {
        return columns.indexOf(column);
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** Collects a disclosure-controlled frame ({@link Disclosure#apply}) in gold's row order. */
    public static PublishedTable collect(
            String name, long version, GoldContract contract, Dataset<Row> controlled, int maxRows) {
        List<String> all = Arrays.asList(controlled.columns());
        List<String> cols = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (StructField f : controlled.schema().fields()) {
            if (f.name().startsWith(Disclosure.MASK_PREFIX) || f.name().equals(Disclosure.ORDER)) {
                continue;
            }
            cols.add(f.name());
            types.add(f.dataType());
        }
        int[] maskAt = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            maskAt[i] = all.indexOf(Disclosure.MASK_PREFIX + cols.get(i));
        }
        int[] valueAt = cols.stream().mapToInt(all::indexOf).toArray();
        List<Row> collected =
                controlled.orderBy(Disclosure.ORDER).limit(maxRows + 1).collectAsList();
        if (collected.size() > maxRows) {
            throw new IllegalStateException("gold." + name + " has more than " + maxRows
                    + " rows (rehabmap.publish.max-rows-per-table): not a summary to publish");
        }
        List<Object[]> rows = new ArrayList<>(collected.size());
        List<boolean[]> masked = new ArrayList<>(collected.size());
        for (Row r : collected) {
            Object[] v = new Object[cols.size()];
            boolean[] m = new boolean[cols.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.get(valueAt[i]);
                m[i] = maskAt[i] >= 0 && !r.isNullAt(maskAt[i]) && r.getBoolean(maskAt[i]);
            }
            rows.add(v);
            masked.add(m);
        }
        return new PublishedTable(name, version, contract, List.copyOf(cols), List.copyOf(types), rows, masked);
    }

    /** The rows whose area is in the pack (a table without area_code is not geographic and is kept whole). */
    public PublishedTable forAreas(Set<String> areaCodes) {
        int a = index("area_code");
        if (a < 0) {
            return this;
        }
        return filter(r -> r[a] != null && areaCodes.contains(r[a].toString()));
    }

    public PublishedTable filter(Predicate<Object[]> keep) {
        List<Object[]> rs = new ArrayList<>();
        List<boolean[]> ms = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keep.test(rows.get(i))) {
                rs.add(rows.get(i));
                ms.add(masked.get(i));
            }
        }
        return new PublishedTable(name, version, contract, columns, types, rs, ms);
    }

    /**
     * SHA-256 of what this table publishes (columns, types, every cell and whether it is withheld):
     * equal fingerprints mean an output built from it would not change, so a quiet night can skip it.
     */
    public String fingerprint() {
        MessageDigest md = DigestUtils.getSha256Digest();
        DigestUtils.updateDigest(
                md,
                name + "\u0000" + columns + "\u0000"
                        + types.stream().map(DataType::simpleString).toList());
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder b = new StringBuilder("\n");
            for (int i = 0; i < columns.size(); i++) {
                b.append(
                                masked.get(r)[i]
                                        ? "\u0001"
                                        : rows.get(r)[i] == null
                                                ? "\u0002"
                                                : org.rehabmap.text.Cells.text(rows.get(r)[i]))
                        .append('\u0000');
            }
            DigestUtils.updateDigest(md, b.toString());
        }
        return Hex.encodeHexString(md.digest());
    }

    /** The description of a column from the contract, or null. */
    public String describe(String column) {
        if (contract == null) {
            return null;
        }
        org.rehabmap.contracts.ColumnSpec c = contract.column(column);
        return c == null ? null : c.description();
    }
}
