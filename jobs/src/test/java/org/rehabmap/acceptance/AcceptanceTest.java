package org.rehabmap.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.IdentifierScan;
import org.rehabmap.testing.Landing;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked example of shared/acceptance: a delivery in two runs, and what the ledger,
 * quarantine, silver tables and published numbers must then say (expected.json, computed
 * independently of this project). A third run with nothing new must change no table.
 */
@ExtendWith(SharedSpark.class)
class AcceptanceTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static JsonNode expected;
    static Path ws;
    static Lake lake;
    static List<String> consoleOutput = new ArrayList<>();
    static TestRuns.Result run1;
    static TestRuns.Result run2;

    @BeforeAll
    static void runTheScenario() throws Exception {
        Path acc = Landing.resources().resolve("acceptance");
        expected = new ObjectMapper().readTree(acc.resolve("expected.json").toFile());
        ws = SharedSpark.newWorkspace("acceptance");
        Landing.copy(acc.resolve("landing_run1"), ws);
        run1 = TestRuns.run(ws, "all", AS_OF);
        assertTrue(
                run1.outcome().succeeded(),
                () -> "run 1 failed: " + run1.outcome().failure());
        Landing.copy(acc.resolve("landing_run2_extra"), ws);
        run2 = TestRuns.run(ws, "all", AS_OF);
        assertTrue(
                run2.outcome().succeeded(),
                () -> "run 2 failed: " + run2.outcome().failure());
        consoleOutput.add(run1.stdout());
        consoleOutput.add(run2.stdout());
        lake = TestRuns.lake(ws);
    }

    static Map<String, Row> ledgerByFile() {
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row r : lake.read("audit.file_ledger").collectAsList()) {
            m.put(r.getAs("file_name"), r);
        }
        return m;
    }

    @Test
    void ledgerRecordsEveryFileAsExpected() {
        Map<String, Row> ledger = ledgerByFile();
        Iterator<Map.Entry<String, JsonNode>> it = expected.get("files").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Row r = ledger.get(e.getKey());
            assertNotNull(r, "no ledger row for " + e.getKey());
            JsonNode x = e.getValue();
            if (x.has("rows_read")) {
                assertEquals(x.get("rows_read").asLong(), (Long) r.getAs("rows_read"), e.getKey());
                assertEquals(x.get("rows_accepted").asLong(), (Long) r.getAs("rows_accepted"), e.getKey());
            }
            if (x.has("status")) {
                assertEquals(x.get("status").asText(), r.getAs("status"), e.getKey());
            }
            if (x.has("reason_mentions")) {
                assertTrue(
                        ((String) r.getAs("reason"))
                                .contains(x.get("reason_mentions").asText()),
                        e.getKey());
            }
        }
    }

    @Test
    void everyFileReconciles() {
        for (Row r : ledgerByFile().values()) {
            long read = r.getAs("rows_read");
            assertEquals(read, (Long) r.getAs("rows_accepted") + (Long) r.getAs("rows_quarantined"), (String)
                    r.getAs("file_name"));
        }
        Iterator<Map.Entry<String, JsonNode>> it =
                expected.get("quarantine_rows").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            assertEquals(
                    e.getValue().asLong(), (Long) ledgerByFile().get(e.getKey()).getAs("rows_quarantined"), e.getKey());
            assertEquals(
                    e.getValue().asLong(),
                    lake.read("audit.quarantine")
                            .filter(col("file_name").equalTo(e.getKey()))
                            .count(),
                    e.getKey());
        }
        assertTrue(run1.stdout().contains("read=acc+quar"), "the reconciliation table is printed");
    }

    @Test
    void silverHoldsTheValidRowsAndTheLaterReturnWins() {
        JsonNode counts = expected.get("counts");
        assertEquals(
                counts.get("hna_valid_rows").asLong(),
                lake.read("silver.hna_concern").count());
        assertEquals(
                counts.get("workforce_valid_rows").asLong(),
                lake.read("silver.workforce").count());
        assertEquals(
                counts.get("assessments").asLong(),
                lake.read("silver.hna_concern")
                        .select("assessment_id")
                        .distinct()
                        .count());
        JsonNode s = expected.get("superseded");
        List<Row> svc = lake.read("silver.service")
                .filter(col("provider_code")
                        .equalTo(s.get("provider_code").asText())
                        .and(col("service_id").equalTo(s.get("service_id").asText()))
                        .and(col("return_period").equalTo(s.get("return_period").asText())))
                .collectAsList();
        assertEquals(1, svc.size());
        assertEquals(
                s.get("funding_end_date").asText(), String.valueOf(svc.get(0).<Object>getAs("funding_end_date")));
        assertEquals(
                2,
                lake.read("bronze.provider_returns")
                        .filter(col("provider_code")
                                .equalTo("P005")
                                .and(col("service_id").equalTo("S1")))
                        .count(),
                "bronze keeps both versions");
    }

    @Test
    void windows1252NameArrivesIntact() {
        String name = expected.get("hospice_name").asText();
        assertEquals(
                1,
                lake.read("silver.service")
                        .filter(col("provider_name").equalTo(name))
                        .count(),
                name);
    }

    @Test
    void noRawNhsNumberAnywhere() throws Exception {
        List<String> raw = new ArrayList<>();
        expected.get("raw_nhs_numbers").forEach(n -> raw.add(n.asText()));
        assertTrue(raw.size() > 100);
        List<String> found = IdentifierScan.findings(
                ws.resolve("lake"), raw, SharedSpark.session(), consoleOutput.toArray(new String[0]));
        assertEquals(List.of(), found);
        // the scan itself can fail: the landing zone, which holds them, must be caught
        assertFalse(IdentifierScan.findings(ws.resolve("landing"), raw.subList(0, 5), SharedSpark.session())
                .isEmpty());
    }

    /** expected.json "indicators": London and the five STPs, to 1e-6, from gold.benchmarks. */
    @Test
    void benchmarksMatchTheIndependentCalculation() {
        Map<String, Row> bench = new LinkedHashMap<>();
        for (Row r : lake.read("gold.benchmarks")
                .filter(col("area_level").isin("stp", "london"))
                .collectAsList()) {
            bench.put(r.getAs("indicator_id") + "|" + r.getAs("area_code"), r);
        }
        int checked = 0;
        Iterator<Map.Entry<String, JsonNode>> it = expected.get("indicators").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode x = e.getValue();
            Row london = bench.get(id + "|E12000007");
            assertNotNull(london, "no London row for " + id);
            assertEquals(x.get("london").asDouble(), (Double) london.getAs("value"), 1e-6, id + " London");
            if (x.has("london_numerator")) {
                assertEquals(
                        x.get("london_numerator").asDouble(),
                        (Double) london.getAs("numerator"),
                        1e-6,
                        id + " London numerator");
                assertEquals(
                        x.get("london_denominator").asDouble(),
                        (Double) london.getAs("denominator"),
                        1e-6,
                        id + " London denominator");
            }
            Iterator<Map.Entry<String, JsonNode>> stps = x.get("stp").fields();
            while (stps.hasNext()) {
                Map.Entry<String, JsonNode> s = stps.next();
                Row r = bench.get(id + "|" + s.getKey());
                assertNotNull(r, "no row for " + id + " " + s.getKey());
                if (s.getValue().isNumber()) {
                    assertEquals(s.getValue().asDouble(), (Double) r.getAs("value"), 1e-6, id + " " + s.getKey());
                    checked++;
                    continue;
                }
                Iterator<Map.Entry<String, JsonNode>> fields = s.getValue().fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    String what = id + " " + s.getKey() + " " + f.getKey();
                    if (f.getValue().isTextual()) {
                        assertEquals(f.getValue().asText(), r.getAs(f.getKey()), what);
                    } else {
                        assertEquals(f.getValue().asDouble(), ((Number) r.getAs(f.getKey())).doubleValue(), 1e-6, what);
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 60, "checked " + checked);
        // every indicator of the catalogue reaches each of the five STPs, with a value
        long indicators =
                lake.read("gold.benchmarks").select("indicator_id").distinct().count();
        assertEquals(
                indicators * 5,
                lake.read("gold.benchmarks")
                        .filter(col("area_level")
                                .equalTo("stp")
                                .and(col("value").isNotNull()))
                        .count());
    }

    @Test
    void aThirdRunWithNothingNewChangesNoTable() {
        Map<String, Long> before = new LinkedHashMap<>();
        for (String t : lake.tables()) {
            if (!t.equals("audit.run")) {
                before.put(t, lake.version(t));
            }
        }
        TestRuns.Result r3 = TestRuns.run(ws, "all", AS_OF);
        assertTrue(r3.outcome().succeeded());
        Map<String, Long> after = new LinkedHashMap<>();
        for (String t : lake.tables()) {
            if (!t.equals("audit.run")) {
                after.put(t, lake.version(t));
            }
        }
        assertEquals(before, after);
        assertTrue(r3.stdout().contains("no new files"), r3.stdout());
    }
}
