package org.rehabmap.conform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceContract;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference CSVs → silver: loaded once per content, every required value and the key checked. */
@ExtendWith(SharedSpark.class)
class ReferenceTablesTest {
    @Test
    void loadsEachFileOnceAndRefusesBrokenOnes() throws Exception {
        Path ws = SharedSpark.newWorkspace("reference");
        Path ref = ws.resolve("reference");
        Files.createDirectories(ref);
        Path home = SharedSpark.projectHome();
        try (var files = Files.list(home.resolve("data/reference"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, ref.resolve(f.getFileName()));
            }
        }
        Map<String, ReferenceContract> contracts =
                Contracts.load(home.resolve("data-contracts")).references();
        Lake lake = new Lake(SharedSpark.session(), ws.resolve("lake").toString());

        Map<String, Long> first = ReferenceTables.load(lake, ref, contracts, "run-1");
        assertTrue(first.containsKey("silver.imd"), first.toString());
        long lines = Files.readAllLines(ref.resolve("london_imd.csv")).stream()
                        .filter(l -> !l.isBlank())
                        .count()
                - 1;
        assertEquals(lines, lake.read("silver.imd").count());
        assertTrue(
                ReferenceTables.load(lake, ref, contracts, "run-2").isEmpty(), "unchanged files are not loaded again");

        List<String> imd = new ArrayList<>(Files.readAllLines(ref.resolve("london_imd.csv")));
        List<String> blankKey = new ArrayList<>(imd);
        blankKey.set(1, blankKey.get(1).replaceFirst("^[^,]*", ""));
        Files.write(ref.resolve("london_imd.csv"), blankKey);
        ConfigError missing =
                assertThrows(ConfigError.class, () -> ReferenceTables.load(lake, ref, contracts, "run-3"));
        assertTrue(missing.getMessage().contains("column la_code has an empty"), missing.getMessage());

        List<String> duplicate = new ArrayList<>(imd);
        duplicate.add(imd.get(1));
        Files.write(ref.resolve("london_imd.csv"), duplicate);
        ConfigError dup = assertThrows(ConfigError.class, () -> ReferenceTables.load(lake, ref, contracts, "run-4"));
        assertTrue(dup.getMessage().contains("is not unique"), dup.getMessage());

        List<String> notANumber = new ArrayList<>(imd);
        notANumber.set(1, notANumber.get(1).replaceFirst("^([^,]*,[^,]*,)[^,]*", "$1lots"));
        Files.write(ref.resolve("london_imd.csv"), notANumber);
        ConfigError type = assertThrows(ConfigError.class, () -> ReferenceTables.load(lake, ref, contracts, "run-5"));
        assertTrue(type.getMessage().contains("london_imd.csv"), type.getMessage());

        Files.write(ref.resolve("london_imd.csv"), imd);
        assertEquals(lines, lake.read("silver.imd").count(), "a refused file leaves the table as it was");
    }
}
