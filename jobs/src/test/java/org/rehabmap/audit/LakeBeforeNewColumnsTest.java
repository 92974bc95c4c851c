package org.rehabmap.audit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.conform.QuarantineWriter;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lake written before the ledger recorded delimiter and sheet, and before the quarantine
 * recorded sheet, keeps working: it is read with the new columns as null and gains them on its
 * next write, its old rows intact.
 */
@ExtendWith(SharedSpark.class)
class LakeBeforeNewColumnsTest {
    static final Timestamp AT = Timestamp.valueOf("2025-01-01 02:00:00");

    static StructType without(StructType schema, String... names) {
        List<String> drop = Arrays.asList(names);
        return new StructType(Arrays.stream(schema.fields())
                .filter(f -> !drop.contains(f.name()))
                .toArray(StructField[]::new));
    }

    @Test
    void anOldLedgerIsReadAppendedAndConformed() {
        Lake lake = new Lake(
                SharedSpark.session(),
                SharedSpark.newWorkspace("old-ledger").resolve("lake").toString());
        StructType old = without(FileLedger.SCHEMA, "delimiter", "sheet");
        Row before = RowFactory.create(
                "old.csv",
                "file:/l/hna_concerns/old.csv",
                "hna_concerns",
                "sha-old",
                10L,
                "csv UTF-8",
                "loaded",
                null,
                3L,
                null,
                null,
                null,
                "run-1",
                1L,
                AT,
                null);
        SharedSpark.session()
                .createDataFrame(List.of(before), old)
                .write()
                .format("delta")
                .save(lake.path(FileLedger.TABLE));
        assertFalse(Arrays.asList(lake.read(FileLedger.TABLE).columns()).contains("delimiter"));

        FileLedger ledger = new FileLedger(lake);
        assertEquals(1, ledger.known().size());
        Row pending = ledger.pending().select("sha256", "delimiter", "sheet").first();
        assertEquals("sha-old", pending.getString(0));
        assertTrue(pending.isNullAt(1) && pending.isNullAt(2), "an old ledger reads the new columns as null");

        ledger.append(List.of(new FileLedger.Entry(
                "new.csv",
                "file:/l/hna_concerns/new.csv",
                "hna_concerns",
                "sha-new",
                20L,
                "csv UTF-16LE (BOM)",
                FileLedger.LOADED,
                null,
                4L,
                null,
                null,
                null,
                "run-2",
                2L,
                AT,
                "tab",
                null)));
        ledger.markConformed(
                Map.of("sha-old", new FileLedger.Counts(3, 3, 0), "sha-new", new FileLedger.Counts(4, 3, 1)), "run-2");

        List<Row> rows = lake.read(FileLedger.TABLE).orderBy("file_seq").collectAsList();
        assertEquals(2, rows.size());
        assertNull(rows.get(0).getAs("delimiter"), "old rows keep null");
        assertEquals("csv UTF-8", rows.get(0).getAs("format"));
        assertEquals("conformed", rows.get(0).getAs("status"));
        assertEquals("tab", rows.get(1).getAs("delimiter"));
        assertEquals("conformed", rows.get(1).getAs("status"));
        assertEquals(1L, (Long) rows.get(1).getAs("rows_quarantined"));
    }

    @Test
    void anOldQuarantineGainsTheSheetColumnWhenAFileIsReplaced() {
        Lake lake = new Lake(
                SharedSpark.session(),
                SharedSpark.newWorkspace("old-quarantine").resolve("lake").toString());
        StructType old = without(Quarantine.SCHEMA, "sheet");
        List<Row> before = new ArrayList<>();
        for (String sha : List.of("sha-a", "sha-b")) {
            before.add(RowFactory.create(
                    "provider_returns", sha + ".csv", sha, 2L, "PR_X", List.of("PR_X"), "bad", null, "run-1"));
        }
        SharedSpark.session()
                .createDataFrame(before, old)
                .write()
                .format("delta")
                .save(lake.path(Quarantine.TABLE));

        Row replacement = RowFactory.create(
                "provider_returns",
                "sha-b.xlsx",
                "sha-b",
                7L,
                "PR_Y",
                List.of("PR_Y"),
                "bad",
                null,
                "run-2",
                "Q1 return");
        QuarantineWriter.write(
                lake, SharedSpark.session().createDataFrame(List.of(replacement), Quarantine.SCHEMA), List.of("sha-b"));

        List<Row> rows = lake.read(Quarantine.TABLE).orderBy("file_sha256").collectAsList();
        assertEquals(2, rows.size());
        assertEquals("PR_X", rows.get(0).getAs("rule_id"), "another file's rows are untouched");
        assertNull(rows.get(0).getAs("sheet"));
        assertEquals("PR_Y", rows.get(1).getAs("rule_id"), "the file's rows are replaced, not doubled");
        assertEquals("Q1 return", rows.get(1).getAs("sheet"));
        assertEquals(
                1L, lake.read(Quarantine.TABLE).filter(col("sheet").isNull()).count());
    }
}
