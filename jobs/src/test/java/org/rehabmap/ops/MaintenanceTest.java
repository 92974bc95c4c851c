package org.rehabmap.ops;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(SharedSpark.class)
class MaintenanceTest {
    @Test
    void optimizeCompactsAndVacuumDeletesWhatNoVersionInTheRetentionNeeds() {
        Path ws = SharedSpark.newWorkspace("maintain");
        Lake lake = TestRuns.lake(ws);
        for (int i = 0; i < 4; i++) {
            Dataset<Row> df = lake.spark().range(i * 10, i * 10 + 10).toDF("id").coalesce(1);
            df.write().format("delta").mode("append").save(lake.path("silver.numbers"));
        }
        assertEquals(4, Maintenance.dataFiles(lake, "silver.numbers"));

        Maintenance.Result few = Maintenance.run(lake, 168, 5, s -> {});
        assertEquals("nothing_new", few.tables().get(0).status(), "4 files are fewer than 5: left alone");
        assertEquals(4, Maintenance.dataFiles(lake, "silver.numbers"));

        Maintenance.Result kept = Maintenance.run(lake, 168, 2, s -> {});
        assertEquals(
                5,
                Maintenance.dataFiles(lake, "silver.numbers"),
                "compacted into one more file; the old ones are within the retention");
        assertTrue(
                kept.tables().get(0).summary().startsWith("optimized; "),
                kept.tables().get(0).summary());
        assertTrue(kept.versions().containsKey("silver.numbers"));

        Maintenance.Result r = Maintenance.run(lake, 0, 2, s -> {});
        assertEquals(1, Maintenance.dataFiles(lake, "silver.numbers"), "retention 0: only the current file is left");
        assertEquals(5, r.filesBefore());
        assertEquals(1, r.filesAfter());
        assertEquals(40, lake.read("silver.numbers").count());
        assertEquals(
                780,
                lake.read("silver.numbers")
                        .agg(org.apache.spark.sql.functions.sum("id"))
                        .first()
                        .getLong(0));
    }
}
