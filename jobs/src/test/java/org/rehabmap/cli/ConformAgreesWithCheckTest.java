package org.rehabmap.cli;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.config.Settings;
import org.rehabmap.conform.ContractRulesTest;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.Landing;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One source of truth: conform (the rules inside Spark tasks, over bronze) and the pre-submission check
 * (the same rules in plain Java, over the file) say the same of every row of the acceptance delivery:
 * which rows are quarantined, with which rule ids in which order, which are accepted, and which files are
 * rejected whole and why.
 */
@ExtendWith(SharedSpark.class)
class ConformAgreesWithCheckTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Test
    void everyRowOfTheAcceptanceDeliveryGetsTheSameVerdict() throws Exception {
        Path ws = SharedSpark.newWorkspace("agree");
        Landing.copy(Landing.resources().resolve("acceptance/landing_run1"), ws);
        assertEquals(14, agree(ws, 5), "rows quarantined (expected.json)");
    }

    /**
     * Every rule of every landing contract broken on purpose (ContractRulesTest's rows), one file per source, and
     * a comorbidity cell whose register counts disagree across many rows.
     */
    @Test
    void everyRuleBrokenOnPurposeGetsTheSameVerdict() throws Exception {
        Path ws = SharedSpark.newWorkspace("agree-rules");
        Map<String, Contract> contracts =
                Contracts.load(Settings.home().resolve("data-contracts")).sources();
        for (Contract c : contracts.values()) {
            List<String> header =
                    new ArrayList<>(ContractRulesTest.VALID.get(c.name()).keySet());
            List<ContractRulesTest.Case> cases = new ArrayList<>(ContractRulesTest.casesFor(c));
            if (c.name().equals("comorbidity")) {
                Map<String, String> base = ContractRulesTest.VALID.get("comorbidity");
                cases.add(new ContractRulesTest.Case(
                        null,
                        ContractRulesTest.with(
                                ContractRulesTest.with(base, "condition_code", "COPD"), "cancer_register_count", "101"),
                        0));
            }
            StringBuilder csv = new StringBuilder(String.join(",", header)).append("\n");
            for (ContractRulesTest.Case k : cases) {
                List<String> cells = new ArrayList<>();
                header.forEach(h -> cells.add(quoted(k.values().get(h))));
                for (int e = 0; e < k.extraCells(); e++) {
                    cells.add("spill");
                }
                csv.append(String.join(",", cells)).append("\n");
            }
            Landing.write(ws, c.name() + "/every_rule.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(agree(ws, 4) > 60, "most rows break a rule");
    }

    static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** Ingests and conforms the landing folder, checks each file, and compares; returns the rows quarantined. */
    static int agree(Path ws, int fileCount) throws Exception {
        assertTrue(TestRuns.run(ws, "ingest", AS_OF).outcome().succeeded());
        assertTrue(TestRuns.run(ws, "conform", AS_OF).outcome().succeeded());
        Lake lake = TestRuns.lake(ws);

        Settings s = SharedSpark.settings(ws.resolve("lake"), ws.resolve("landing"));
        Map<String, Contract> contracts =
                Contracts.load(Path.of(s.location("paths.contracts"))).sources();
        FileCheck check = new FileCheck(
                contracts,
                new ReferenceData(Path.of(s.location("paths.reference"))),
                s.raw().getStringList("ingest.extensions"),
                AS_OF);
        List<Path> files;
        try (Stream<Path> w = Files.walk(ws.resolve("landing"))) {
            files = w.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(fileCount, files.size());
        int quarantinedRows = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            String source = f.getParent().getFileName().toString();
            FileCheck.Result given = check.check(name, Files.readAllBytes(f), source);
            FileCheck.Result guessed = check.check(name, Files.readAllBytes(f), null);
            Row ledger = lake.read("audit.file_ledger")
                    .filter(col("file_name").equalTo(name).and(col("source").equalTo(source)))
                    .first();
            if ("rejected".equals(ledger.getAs("status"))) {
                assertEquals(FileCheck.Status.REJECTED, given.status(), name);
                assertEquals(ledger.getAs("reason"), given.rejection(), name);
                assertEquals(FileCheck.Status.REJECTED, guessed.status(), name);
                assertTrue(guessed.rejection().contains((String) ledger.getAs("reason")), guessed.rejection());
                continue;
            }
            assertEquals(given, guessed, name + ": the header names the source");
            assertEquals((Long) ledger.getAs("rows_read"), given.rowsRead(), name);
            assertEquals((Long) ledger.getAs("rows_accepted"), given.rowsAccepted(), name);

            Map<Long, List<String>> conform = new TreeMap<>();
            for (Row q : lake.read("audit.quarantine")
                    .filter(col("file_name").equalTo(name).and(col("source").equalTo(source)))
                    .collectAsList()) {
                List<String> ids = q.getList(q.fieldIndex("rule_ids"));
                assertEquals(ids.get(0), q.getAs("rule_id"));
                conform.put(q.getAs("row_number"), ids);
            }
            Map<Long, List<String>> checked = new TreeMap<>();
            given.findings()
                    .forEach(x -> checked.computeIfAbsent(x.rowNumber(), k -> new ArrayList<>())
                            .add(x.ruleId()));
            assertEquals(conform, checked, source + "/" + name + ": quarantined rows and their rule ids, in order");
            quarantinedRows += conform.size();

            Set<Long> inSilver = new HashSet<>();
            lake.read("silver." + contracts.get(source).silverTable())
                    .filter(col("_file_name").equalTo(name))
                    .select("_row_number")
                    .collectAsList()
                    .forEach(r -> inSilver.add(r.getLong(0)));
            assertEquals(given.rowsAccepted() > 0, !inSilver.isEmpty(), name + ": accepted rows reach silver");
            for (Long row : inSilver) {
                assertFalse(checked.containsKey(row), name + " row " + row + " is in silver but the check refuses it");
            }
        }
        return quarantinedRows;
    }
}
