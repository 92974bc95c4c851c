package org.rehabmap.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractLoaderTest {
    static Map<String, Contract> sources() {
        return ContractLoader.loadSources(Settings.home().resolve("data-contracts"));
    }

    @Test
    void encodesInputsMd() {
        Map<String, Contract> c = sources();
        assertEquals(Set.of("provider_returns", "workforce_survey", "hna_concerns", "comorbidity"), c.keySet());
        Contract hna = c.get("hna_concerns");
        assertEquals(List.of("assessment_id", "concern_code"), hna.supersessionKey());
        assertEquals("nhs_number", hna.identifierColumns().get(0).name());
        assertEquals(
                List.of(
                        "assessment_id",
                        "nhs_number",
                        "assessment_date",
                        "provider_code",
                        "age_band",
                        "sex",
                        "tumour_group",
                        "pathway_point",
                        "concern_code",
                        "concern_score",
                        "action"),
                hna.requiredColumns());
        ColumnSpec score = hna.column("concern_score").orElseThrow();
        assertEquals(0.0, score.minimum());
        assertEquals(10.0, score.maximum());
        ColumnSpec count = c.get("comorbidity").column("with_condition_count").orElseThrow();
        assertEquals(List.of("*", "<5", "c"), count.suppressionMarkers());
        assertEquals(
                "upper",
                c.get("provider_returns").column("provider_code").orElseThrow().normalise());
        assertEquals(
                "lower",
                c.get("provider_returns").column("setting").orElseThrow().normalise());
    }

    @Test
    void everyRuleIdIsUniqueAcrossContracts() {
        Set<String> seen = new HashSet<>();
        for (Contract c : sources().values()) {
            for (String id : c.allRuleIds()) {
                assertTrue(seen.add(id), "rule id used twice: " + id);
            }
        }
        assertTrue(seen.contains("HNA_NHS_NUMBER_VALID"));
        assertTrue(seen.contains("COMORB_DENOMINATOR_MISMATCH"));
        assertTrue(seen.contains("HNA_REFERRED_TO_REQUIRED"));
        assertTrue(seen.contains("PR_ROW_SHAPE"));
    }

    @Test
    void referenceContractsNameTheirFiles() {
        Map<String, ReferenceContract> r =
                ContractLoader.loadReference(Settings.home().resolve("data-contracts"));
        assertEquals("london_boroughs.csv", r.get("borough").file());
        assertEquals(List.of("la_code"), r.get("borough").key());
        for (ReferenceContract rc : r.values()) {
            assertTrue(
                    Files.isRegularFile(
                            Settings.home().resolve("data/reference").resolve(rc.file())),
                    rc.file());
        }
    }

    @Test
    void aBrokenContractStopsWithOneLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(
                dir.resolve("sources/x.odcs.yaml"),
                "apiVersion: v3.1.0\nkind: DataContract\nname: x\nschema:\n  - name: x\n    properties:\n      - name: a\n        "
                        + "logicalType: decimalish\n");
        ConfigError e = assertThrows(ConfigError.class, () -> ContractLoader.loadSources(dir));
        assertTrue(e.getMessage().contains("x.odcs.yaml") && e.getMessage().contains("decimalish"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        Files.writeString(dir.resolve("sources/x.odcs.yaml"), "kind: [unclosed\n");
        ConfigError y = assertThrows(ConfigError.class, () -> ContractLoader.loadSources(dir));
        assertTrue(y.getMessage().contains("not valid YAML"), y.getMessage());
    }
}
