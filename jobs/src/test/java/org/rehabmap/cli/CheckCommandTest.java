package org.rehabmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.testing.IdentifierScan;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/rehabmap check FILE}: exit 0, 1 or 2; failing rows by the row number a person sees, with
 * rule and reason, then rows per rule; the JSON object a portal wraps; no NHS number printed; nothing
 * written and no Spark started.
 */
class CheckCommandTest {
    static final String HNA_HEADER = "assessment_id,nhs_number,assessment_date,provider_code,residence_borough_code,"
            + "age_band,sex,tumour_group,pathway_point,concern_code,concern_score,action,referred_to\n";
    /** Valid NHS numbers (Modulus 11), and one that fails its check digit. */
    static final String VALID_NHS = "943 476 5919";

    static final String OTHER_NHS = "9434765870";
    static final String BAD_NHS = "9434765918";

    @TempDir
    Path dir;

    static String hna(String id, String nhs, String date, String score, String action, String referredTo) {
        return id + "," + nhs + "," + date + ",RXX01,E09000001,60-69,female,breast,treatment,fatigue," + score + ","
                + action + "," + referredTo + "\n";
    }

    Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    static CliTest.Outcome check(Path f, String... more) {
        List<String> args = new ArrayList<>(List.of("check", f.toString(), "--as-of", "2025-06-30"));
        args.addAll(List.of(more));
        return CliTest.cli(args.toArray(new String[0]));
    }

    Path hnaWithBadRows() throws Exception {
        return file(
                "hna.csv",
                HNA_HEADER
                        + hna("A1", VALID_NHS, "2025-01-15", "7", "referred", "physiotherapist")
                        + hna("A2", OTHER_NHS, "2025-01-15", "11", "discussed", "")
                        + hna("A3", BAD_NHS, "2025-07-01", "3", "referred", "")
                        + hna("A4", VALID_NHS, "15/01/2025", "0", "no_action", ""));
    }

    @Test
    void textListsFailingRowsAsAPersonCountsThemThenRowsPerRule() throws Exception {
        CliTest.Outcome o = check(hnaWithBadRows());
        assertEquals(Main.FAILED, o.code(), o.out() + o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(
                "hna.csv (hna_concerns, contract 1.1.1): 4 rows read, 2 would be accepted, 2 would be quarantined",
                lines.get(0));
        assertEquals(
                List.of(
                        "row 3: HNA_CONCERN_SCORE_RANGE: concern_score 11 is outside the allowed range 0–10",
                        "row 4: HNA_NHS_NUMBER_VALID: nhs_number fails the Modulus 11 check digit (value masked)",
                        "row 4: HNA_ASSESSMENT_DATE_NOT_FUTURE: assessment_date is not in the future",
                        "row 4: HNA_REFERRED_TO_REQUIRED: referred_to is required when action = referred",
                        "rows per rule:",
                        "  HNA_ASSESSMENT_DATE_NOT_FUTURE  1",
                        "  HNA_CONCERN_SCORE_RANGE         1",
                        "  HNA_NHS_NUMBER_VALID            1",
                        "  HNA_REFERRED_TO_REQUIRED        1"),
                lines.subList(1, lines.size()));
        assertEquals("", o.err());
    }

    @Test
    void jsonHasExactlyTheKeysAPortalReads() throws Exception {
        CliTest.Outcome o = check(hnaWithBadRows(), "--format", "json", "--source", "hna_concerns");
        assertEquals(Main.FAILED, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(List.of("file", "source", "status", "rows_read", "rows_accepted", "rows", "summary"), fields(j));
        assertEquals("hna.csv", j.get("file").asText());
        assertEquals("hna_concerns", j.get("source").asText());
        assertEquals("rows_quarantined", j.get("status").asText());
        assertEquals(4, j.get("rows_read").asInt());
        assertEquals(2, j.get("rows_accepted").asInt());
        assertEquals(4, j.get("rows").size());
        for (JsonNode r : j.get("rows")) {
            assertEquals(List.of("row_number", "rule_id", "reason"), fields(r));
        }
        assertEquals(3, j.get("rows").get(0).get("row_number").asInt());
        assertEquals(
                "HNA_CONCERN_SCORE_RANGE", j.get("rows").get(0).get("rule_id").asText());
        assertEquals(4, j.get("summary").size());
        assertEquals(List.of("rule_id", "rows"), fields(j.get("summary").get(0)));

        CliTest.Outcome clean = check(
                file("ok.csv", HNA_HEADER + hna("A1", VALID_NHS, "2025-01-15", "7", "referred", "gp")),
                "--format",
                "json");
        assertEquals(Main.OK, clean.code(), clean.out() + clean.err());
        JsonNode c = new ObjectMapper().readTree(clean.out());
        assertEquals("accepted", c.get("status").asText());
        assertEquals(1, c.get("rows_accepted").asInt());
        assertEquals(0, c.get("rows").size());
    }

    static List<String> fields(JsonNode n) {
        List<String> f = new ArrayList<>();
        n.fieldNames().forEachRemaining(f::add);
        return f;
    }

    @Test
    void aFileIngestWouldRejectExitsTwoWithItsReason() throws Exception {
        Path missing = file("hna.csv", HNA_HEADER.replace(",concern_score", "") + "A1\n");
        CliTest.Outcome o = check(missing, "--source", "hna_concerns");
        assertEquals(Main.USAGE, o.code());
        assertEquals(
                "hna.csv (hna_concerns, contract 1.1.1): the file would be rejected: missing required columns: concern_score\n",
                o.out());
        CliTest.Outcome guessed = check(missing, "--format", "json");
        assertEquals(Main.USAGE, guessed.code());
        JsonNode j = new ObjectMapper().readTree(guessed.out());
        assertEquals("rejected", j.get("status").asText());
        assertTrue(j.get("source").isNull(), "a header that fits no contract names no source");
        assertEquals("FILE_REJECTED", j.get("rows").get(0).get("rule_id").asText());
        assertTrue(j.get("rows").get(0).get("row_number").isNull());
        assertTrue(
                j.get("rows")
                        .get(0)
                        .get("reason")
                        .asText()
                        .startsWith("the header matches no source's contract (closest: "
                                + "hna_concerns, missing required columns: concern_score)"),
                guessed.out());

        Path binary = dir.resolve("binary.csv");
        Files.write(binary, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}); // a workbook renamed .csv
        CliTest.Outcome b = check(binary);
        assertEquals(Main.USAGE, b.code());
        assertTrue(b.out().startsWith("binary.csv: the file would be rejected: content is a zip"), b.out());

        CliTest.Outcome headerOnly = check(file("h.csv", HNA_HEADER));
        assertEquals(Main.USAGE, headerOnly.code());
        assertTrue(
                headerOnly
                        .out()
                        .startsWith("h.csv (hna_concerns, contract 1.1.1): the file would be rejected: no data"),
                headerOnly.out());

        CliTest.Outcome pdf = check(file("returns.pdf", "%PDF"));
        assertEquals(Main.USAGE, pdf.code());
        assertTrue(pdf.out().contains("ingest reads only .csv and .xlsx files"), pdf.out());

        CliTest.assertOneLineError(check(dir.resolve("nowhere.csv")), "no such file");
        CliTest.assertOneLineError(check(missing, "--source", "nonsense"), "no contract for source 'nonsense'");
        CliTest.assertOneLineError(check(missing, "--format", "xml"), "--format");
    }

    @Test
    void aWorkbookIsCheckedByItsSheetsRowNumbers() throws Exception {
        Path xlsx = dir.resolve("returns.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(xlsx)) {
            XSSFSheet notes = wb.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("Please fill in the Data sheet");
            XSSFSheet data = wb.createSheet("Data");
            data.createRow(0).createCell(0).setCellValue("Provider returns, quarter 1");
            String[] header =
                    ("return_period,provider_code,provider_name,provider_type,service_id,service_name,setting,"
                                    + "borough_codes,tumour_groups,pathway_stages,rehab_level,referral_routes,funding_source")
                            .split(",");
            String[][] rows = {
                {
                    "2025-Q1",
                    "RXX01",
                    "Trust",
                    "acute_trust",
                    "S1",
                    "Rehab",
                    "community",
                    "E09000001",
                    "all",
                    "supportive",
                    "2",
                    "gp",
                    "nhs_block"
                },
                {
                    "2025-Q1",
                    "RXX01",
                    "Trust",
                    "acute_trust",
                    "S2",
                    "Rehab",
                    "community",
                    "E09000001",
                    "all",
                    "supportive",
                    "5",
                    "gp",
                    "nhs_block"
                }
            };
            var h = data.createRow(2);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                var row = data.createRow(3 + r);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            wb.write(out);
        }
        CliTest.Outcome o = check(xlsx);
        assertEquals(Main.FAILED, o.code(), o.out() + o.err());
        assertTrue(
                o.out().contains("row 5: PR_REHAB_LEVEL_RANGE: rehab_level 5 is outside the allowed range 1–4"),
                o.out());
        assertTrue(o.out().startsWith("returns.xlsx (provider_returns, contract 1.0.0): 2 rows read"), o.out());
    }

    @Test
    void noNhsNumberIsEverPrinted() throws Exception {
        // numbers in their own column (valid, wrong check digit, short) and strayed into other cells of two sources
        Path hna = file(
                "hna.csv",
                HNA_HEADER
                        + hna(OTHER_NHS, VALID_NHS, "2025-01-15", OTHER_NHS, "referred", "")
                        + hna("A2", BAD_NHS, "2025-01-15", "4", "discussed", "943 476 5919")
                        + hna("A3", "94347659", "2025-01-15", "4", "discussed", ""));
        Path returns = file(
                "returns.csv",
                "return_period,provider_code,provider_name,provider_type,service_id,service_name,setting,borough_codes,"
                        + "tumour_groups,pathway_stages,rehab_level,funding_source,referrals_received\n"
                        + "2025-Q1,RXX01,Trust,acute_trust,S1,Rehab,community,E09000001,all,supportive,2,nhs_block,"
                        + BAD_NHS + "\n");
        List<String> printed = new ArrayList<>();
        for (Path f : List.of(hna, returns)) {
            for (String format : List.of("text", "json")) {
                CliTest.Outcome o = check(f, "--format", format);
                assertEquals(Main.FAILED, o.code(), o.out() + o.err());
                printed.add(o.out());
                printed.add(o.err());
            }
        }
        assertTrue(printed.get(0).contains("row 2: HNA_CONCERN_SCORE_TYPE: concern_score 'nhs:"), printed.get(0));
        assertEquals(
                List.of(),
                IdentifierScan.findings(
                        Files.createDirectories(dir.resolve("empty")),
                        List.of(VALID_NHS, OTHER_NHS, BAD_NHS),
                        null,
                        printed.toArray(new String[0])));
    }

    @Test
    void aCheckWritesNothingAndStartsNoSpark() throws Exception {
        Path f = hnaWithBadRows();
        Path lake = dir.resolve("lake");
        Optional<SparkSession> defaultBefore = SparkSession.getDefaultSession().isDefined()
                ? Optional.of(SparkSession.getDefaultSession().get())
                : Optional.empty();
        List<Path> before = listing(dir);
        AtomicReference<CliTest.Outcome> outcome = new AtomicReference<>();
        AtomicReference<Boolean> activeAfter = new AtomicReference<>();
        // a thread of its own, with no active session inherited from tests that ran before in this JVM
        Thread t = new Thread(() -> {
            SparkSession.clearActiveSession();
            outcome.set(check(f, "--lake", lake.toString(), "--landing", dir.toString()));
            activeAfter.set(SparkSession.getActiveSession().isDefined());
        });
        t.start();
        t.join();
        assertEquals(Main.FAILED, outcome.get().code(), outcome.get().err());
        assertFalse(activeAfter.get(), "the check made a SparkSession");
        assertEquals(defaultBefore.isPresent(), SparkSession.getDefaultSession().isDefined());
        defaultBefore.ifPresent(
                s -> assertSame(s, SparkSession.getDefaultSession().get()));
        assertEquals(before, listing(dir), "the check wrote nothing beside the file, nor a lake");
    }

    @Test
    void aTenThousandRowFileIsChecked() throws Exception {
        StringBuilder b = new StringBuilder(HNA_HEADER);
        for (int i = 0; i < 10_000; i++) {
            b.append(hna("A" + i, VALID_NHS, "2025-01-15", String.valueOf(i % 12), "referred", "gp"));
        }
        CliTest.Outcome o = check(file("big.csv", b.toString()), "--format", "json");
        assertEquals(Main.FAILED, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(10_000, j.get("rows_read").asInt());
        assertEquals(10_000 - 10_000 / 12, j.get("rows_accepted").asInt(), "a score of 11 every twelfth row");
        assertEquals(
                "HNA_CONCERN_SCORE_RANGE",
                j.get("summary").get(0).get("rule_id").asText());
    }

    static List<Path> listing(Path d) throws Exception {
        try (Stream<Path> s = Files.walk(d)) {
            return s.sorted().toList();
        }
    }
}
