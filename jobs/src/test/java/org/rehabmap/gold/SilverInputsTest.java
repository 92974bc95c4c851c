package org.rehabmap.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The silver tables curate reads, opened side by side: the same frames, missing list and errors as one by one. */
@ExtendWith(SharedSpark.class)
class SilverInputsTest {

    private static void write(Lake lake, String table, StructType schema, Row... rows) {
        SharedSpark.session()
                .createDataFrame(List.of(rows), schema)
                .write()
                .format("delta")
                .save(lake.path(table));
    }

    private static Lake referenceOnly(String name) {
        Path root = SharedSpark.newWorkspace(name).resolve("lake");
        Lake lake = new Lake(SharedSpark.session(), root.toString());
        write(
                lake,
                "silver.borough",
                SilverInputs.BOROUGH,
                RowFactory.create("E09000001", "City", "S1", "STP", "A1", "Al"));
        write(lake, "silver.population", SilverInputs.POPULATION, RowFactory.create("E09000001", 8583L));
        write(lake, "silver.imd", SilverInputs.IMD, RowFactory.create("E09000001", 12.5));
        write(lake, "silver.profession", SilverInputs.PROFESSION, RowFactory.create("PT", "Physiotherapist"));
        write(lake, "silver.concern", SilverInputs.CONCERN, RowFactory.create("C1", "D1", "Physical"));
        write(lake, "silver.ltc_condition", SilverInputs.LTC_CONDITION, RowFactory.create("HYP", "Hypertension"));
        return lake;
    }

    @Test
    void entityTablesNotDeliveredYetReadEmptyAndAreListedInOrder() {
        Lake lake = referenceOnly("silver-inputs-missing");
        SilverInputs in = SilverInputs.read(lake).cached();
        try {
            assertEquals(
                    List.of("silver.service", "silver.workforce", "silver.hna_concern", "silver.comorbidity"),
                    in.missing());
            assertEquals(0, in.hnaConcern().count());
            assertEquals(
                    List.of(SilverInputs.HNA_CONCERN.fieldNames()),
                    List.of(in.hnaConcern().columns()));
            // each frame is the table it is named for, typed as curate expects
            assertEquals("Physiotherapist", in.profession().first().getString(1));
            assertEquals(8583L, in.population().first().getLong(1));
            assertEquals("Hypertension", in.ltcCondition().first().getString(1));
            assertEquals("Physical", in.concern().first().getString(2));
            assertTrue(in.borough().storageLevel().useMemory(), "held in memory after cached()");
        } finally {
            in.unpersist();
        }
    }

    @Test
    void aMissingReferenceTableIsTheSameClearErrorFromAPoolThread() throws Exception {
        Lake lake = referenceOnly("silver-inputs-no-imd");
        Dataset<Row> imd = lake.read("silver.imd");
        assertEquals(1, imd.count());
        try (var files = java.nio.file.Files.walk(Path.of(lake.path("silver.imd")))) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SilverInputs.read(lake));
        assertEquals(
                "silver.imd is missing: the conform job loads the reference tables; run conform first", e.getMessage());
    }
}
