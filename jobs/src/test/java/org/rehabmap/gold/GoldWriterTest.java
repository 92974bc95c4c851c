package org.rehabmap.gold;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** All or nothing: a table that breaks its contract stops every write, and the old versions stay. */
@ExtendWith(SharedSpark.class)
class GoldWriterTest {

    @Test
    void aBrokenTableWritesNothingAndEveryTableKeepsItsVersion() throws Exception {
        Path ws = SharedSpark.newWorkspace("goldwriter");
        Path contracts = contracts(ws, "t1", "t2");
        Lake lake = new Lake(SharedSpark.session(), ws.resolve("lake").toString());
        GoldWriter writer = new GoldWriter(lake, contracts);

        Dataset<Row> good = OutputCheckTest.frame(RowFactory.create("E09000001", "better", 50.0, 40.0));
        GoldWriter.Written w = writer.writeAll(
                List.of(new GoldWriter.GoldTable("gold.t1", good), new GoldWriter.GoldTable("gold.t2", good)),
                Map.of("gold.t1", "inputs A", "gold.t2", "inputs A"));
        assertEquals(0L, w.versions().get("gold.t1"));
        assertEquals(1L, w.rows().get("gold.t2"));
        assertTrue(writer.upToDate("gold.t1", "inputs A") && writer.upToDate("gold.t2", "inputs A"));
        assertFalse(writer.upToDate("gold.t1", "inputs B"));

        Dataset<Row> changed = OutputCheckTest.frame(RowFactory.create("E09000002", "similar", 10.0, 5.0));
        Dataset<Row> broken = OutputCheckTest.frame(RowFactory.create("E09000003", "great", 10.0, 5.0));
        GoldWriter.ContractViolation e = assertThrows(
                GoldWriter.ContractViolation.class,
                () -> writer.writeAll(
                        List.of(
                                new GoldWriter.GoldTable("gold.t1", changed),
                                new GoldWriter.GoldTable("gold.t2", broken)),
                        Map.of("gold.t1", "inputs B", "gold.t2", "inputs B")));
        assertTrue(e.getMessage().contains("gold.t2 GOLD_T_SIGNIFICANCE_VALID"), e.getMessage());
        // t1 was fine but is not written either
        assertEquals(0L, lake.version("gold.t1"));
        assertEquals(0L, lake.version("gold.t2"));
        assertEquals("E09000001", lake.read("gold.t1").first().getString(0));
        assertTrue(writer.upToDate("gold.t1", "inputs A") && writer.upToDate("gold.t2", "inputs A"));
    }

    /**
     * Tables are written side by side; when one write fails after another table was rewritten, that one
     * goes back to its previous version, so the run leaves gold as it found it.
     */
    @Test
    void aFailedWriteRestoresTheTablesAlreadyRewritten() throws Exception {
        Path ws = SharedSpark.newWorkspace("goldwriterrestore");
        Path contracts = contracts(ws, "t1", "t2", "t3");
        Lake lake = new Lake(SharedSpark.session(), ws.resolve("lake").toString());
        GoldWriter writer = new GoldWriter(lake, contracts);
        Dataset<Row> good = OutputCheckTest.frame(RowFactory.create("E09000001", "better", 50.0, 40.0));
        writer.writeAll(
                List.of(new GoldWriter.GoldTable("gold.t1", good), new GoldWriter.GoldTable("gold.t2", good)),
                Map.of("gold.t1", "inputs A", "gold.t2", "inputs A"));

        // gold.t3's place is taken by a plain file: its rows pass the check, its write cannot succeed
        Path blocked = Path.of(lake.path("gold.t3"));
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "not a table");
        Dataset<Row> changed = OutputCheckTest.frame(RowFactory.create("E09000002", "similar", 10.0, 5.0));
        assertThrows(
                RuntimeException.class,
                () -> writer.writeAll(
                        List.of(
                                new GoldWriter.GoldTable("gold.t1", changed),
                                new GoldWriter.GoldTable("gold.t2", changed),
                                new GoldWriter.GoldTable("gold.t3", changed)),
                        Map.of("gold.t1", "inputs B", "gold.t2", "inputs B", "gold.t3", "inputs B")));
        for (String t : List.of("gold.t1", "gold.t2")) {
            assertEquals(
                    List.of("E09000001"),
                    lake.read(t).collectAsList().stream()
                            .map(r -> r.getString(0))
                            .toList(),
                    t);
            assertFalse(writer.upToDate(t, "inputs B"), t);
        }
    }

    /** A contract's partitionBy is how the table is laid out: one folder per value, recorded in the Delta log. */
    @Test
    void theContractsPartitionByIsHonoured() throws Exception {
        Path ws = SharedSpark.newWorkspace("goldwriterpartition");
        Path contracts = ws.resolve("contracts");
        Files.createDirectories(contracts.resolve("gold"));
        Files.writeString(
                contracts.resolve("gold/tp.odcs.yaml"),
                OutputCheckTest.CONTRACT
                        .replace("name: t\n", "name: tp\n")
                        .replace(
                                "    value: GOLD_T\n",
                                "    value: GOLD_T\n  - property: partitionBy\n    value: [significance]\n"));
        assertEquals(
                List.of("significance"),
                Contracts.load(contracts).gold("gold.tp").partitionBy());
        Lake lake = new Lake(SharedSpark.session(), ws.resolve("lake").toString());
        Dataset<Row> rows = OutputCheckTest.frame(
                RowFactory.create("E09000001", "better", 50.0, 40.0),
                RowFactory.create("E09000002", "worse", 10.0, 5.0));
        new GoldWriter(lake, contracts)
                .writeAll(List.of(new GoldWriter.GoldTable("gold.tp", rows)), Map.of("gold.tp", "x"));

        Row detail = DeltaTable.forPath(SharedSpark.session(), lake.path("gold.tp"))
                .detail()
                .first();
        assertEquals(List.of("significance"), detail.getList(detail.fieldIndex("partitionColumns")));
        assertTrue(Files.isDirectory(Path.of(lake.path("gold.tp")).resolve("significance=worse")));
        assertEquals(2, lake.read("gold.tp").count());
    }

    /** A contracts folder with OutputCheckTest's contract under each of these gold table names. */
    private static Path contracts(Path ws, String... tables) throws java.io.IOException {
        Path contracts = ws.resolve("contracts");
        Files.createDirectories(contracts.resolve("gold"));
        for (String t : tables) {
            Files.writeString(
                    contracts.resolve("gold/" + t + ".odcs.yaml"),
                    OutputCheckTest.CONTRACT.replace("name: t\n", "name: " + t + "\n"));
        }
        return contracts;
    }
}
