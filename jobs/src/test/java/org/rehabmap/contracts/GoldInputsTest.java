package org.rehabmap.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.config.ConfigError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gold table may be made from audit tables as well as silver ones, and from nothing else. */
class GoldInputsTest {
    static String contract(String inputs) {
        return "apiVersion: v3.1.0\nkind: DataContract\nname: t\ncustomProperties:\n"
                + "  - {property: disclosure, value: none}\n"
                + "  - {property: inputs, value: " + inputs + "}\n"
                + "schema:\n  - name: t\n    properties:\n"
                + "      - {name: a, logicalType: string, physicalType: string, required: true}\n";
    }

    static Contracts load(Path dir, String inputs) throws Exception {
        Files.createDirectories(dir.resolve("gold"));
        Files.writeString(dir.resolve("gold/t.odcs.yaml"), contract(inputs));
        return Contracts.load(dir);
    }

    @Test
    void auditAndSilverTablesAreInputs(@TempDir Path dir) throws Exception {
        GoldContract g = load(dir, "[audit.file_ledger, audit.quarantine, silver.service]")
                .gold("t");
        assertEquals(List.of("audit.file_ledger", "audit.quarantine", "silver.service"), g.inputs());
    }

    @Test
    void bronzeOrGoldIsNot(@TempDir Path dir) throws Exception {
        for (String bad : List.of("[bronze.hna_concerns]", "[gold.benchmarks]", "[audit]", "[Audit.Quarantine]")) {
            ConfigError e = assertThrows(ConfigError.class, () -> load(dir, bad), bad);
            assertTrue(e.getMessage().contains("inputs must name silver or audit tables"), e.getMessage());
            assertTrue(e.getMessage().contains("t.odcs.yaml"), e.getMessage());
        }
    }
}
