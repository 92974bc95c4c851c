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

class ContractsTest {
    static Map<String, Contract> sources() {
        return Contracts.load(Settings.home().resolve("data-contracts")).sources();
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
                Contracts.load(Settings.home().resolve("data-contracts")).references();
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
        ConfigError e =
                assertThrows(ConfigError.class, () -> Contracts.load(dir).sources());
        assertTrue(e.getMessage().contains("x.odcs.yaml") && e.getMessage().contains("decimalish"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        Files.writeString(dir.resolve("sources/x.odcs.yaml"), "kind: [unclosed\n");
        ConfigError y =
                assertThrows(ConfigError.class, () -> Contracts.load(dir).sources());
        assertTrue(y.getMessage().contains("not valid YAML"), y.getMessage());
    }

    @Test
    void aMisspelledFieldIsAnErrorNotASilentlyIgnoredRule(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(
                dir.resolve("sources/x.odcs.yaml"),
                "apiVersion: v3.1.0\nkind: DataContract\nname: x\nschema:\n  - name: x\n    properties:\n"
                        + "      - name: a\n        requried: true\n");
        ConfigError e = assertThrows(ConfigError.class, () -> Contracts.load(dir));
        assertTrue(e.getMessage().contains("x.odcs.yaml") && e.getMessage().contains("'requried'"), e.getMessage());
        assertTrue(e.getMessage().contains("schema[0].properties[0]"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void everyGoldTableDeclaresWhatItIsMadeFromAndItsDisclosure() {
        Contracts all = Contracts.load(Settings.home().resolve("data-contracts"));
        Set<String> silver = new HashSet<>();
        all.sources().values().forEach(c -> silver.add("silver." + c.silverTable()));
        all.references().keySet().forEach(n -> silver.add("silver." + n));
        // gold.data_quality is about the deliveries: it reads the audit tables as well
        silver.addAll(List.of(
                org.rehabmap.audit.FileLedger.TABLE,
                org.rehabmap.audit.Quarantine.TABLE,
                org.rehabmap.audit.RunAudit.TABLE));
        assertFalse(all.gold().isEmpty());
        for (GoldContract g : all.gold().values()) {
            assertFalse(g.inputs().isEmpty(), g.table() + " names its inputs");
            assertTrue(
                    silver.containsAll(g.inputs()),
                    g.table() + " reads only silver and audit tables that exist: " + g.inputs());
            assertTrue(g.disclosure() != null, g.table() + " states its disclosure");
            assertEquals(g.columnNames().size(), g.sparkSchema().fields().length);
            for (ColumnSpec c : g.columns()) {
                assertEquals(
                        c.physicalType(),
                        g.sparkSchema().apply(c.name()).dataType().simpleString(),
                        c.name());
                assertEquals(!c.required(), g.sparkSchema().apply(c.name()).nullable(), c.name());
            }
        }
        assertTrue(all.gold("gold.benchmarks").readsAsOf());
        // services at risk are judged against each return period's own end, not the as-of date
        assertFalse(all.gold("gold.service_map").readsAsOf());
        assertFalse(all.gold("comorbidity_burden").readsAsOf());
    }

    @Test
    void goldRowsAreBuiltByColumnName() {
        GoldContract b =
                Contracts.load(Settings.home().resolve("data-contracts")).gold("gold.benchmarks");
        org.apache.spark.sql.Row r = b.newRow()
                .set("indicator_id", "x")
                .set("note", "last")
                .set("area_code", "E12000007")
                .toRow();
        assertEquals(b.columnNames().size(), r.length());
        assertEquals("x", r.get(b.columnNames().indexOf("indicator_id")));
        assertEquals("last", r.get(b.columnNames().indexOf("note")));
        assertEquals("E12000007", r.get(b.columnNames().indexOf("area_code")));
        assertEquals(null, r.get(b.columnNames().indexOf("value")));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> b.newRow().set("indicator", "x"));
        assertTrue(e.getMessage().contains("indicator"), e.getMessage());
    }
}
