package org.rehabmap.ingest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.Landing;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What real exports bring, through ingest and conform: UTF-16 text with a byte-order mark
 * (Excel's "Unicode Text" is UTF-16LE and tab-separated), semicolon- and pipe-separated text,
 * a workbook whose data sits under title rows on a later sheet, a workbook with two matching
 * sheets, a file that fits no contract, and an HNA provider_code that is not an ODS code.
 */
@ExtendWith(SharedSpark.class)
class RealExportsTest {
    static final String HNA_HEADER = "assessment_id,nhs_number,assessment_date,provider_code,residence_borough_code,"
            + "age_band,sex,tumour_group,pathway_point,concern_code,concern_score,action,referred_to";
    static final String HNA_ROW =
            "943 476 5919,2025-01-15,%s,E09000001,60-69,female,breast,treatment,fatigue,8,no_action,";
    static Path ws;
    static Lake lake;
    static String stdout;

    static String hna(String separator, String newline) {
        StringBuilder s = new StringBuilder(HNA_HEADER).append(newline);
        String[] codes = {"RXX01", "R$1", "rxx02"};
        for (int i = 0; i < codes.length; i++) {
            s.append("A")
                    .append(i + 1)
                    .append(',')
                    .append(String.format(HNA_ROW, codes[i]))
                    .append(newline);
        }
        return s.toString().replace(",", separator);
    }

    static final String[] PR_HEADER = IngestEdgeCasesTest.PR_HEADER.split(",");
    static final String[] PR_ROW = {
        "2025-Q1",
        "RXX01",
        "Royal Example",
        "acute_trust",
        "S1",
        "Prehab",
        "acute_outpatient",
        "E09000001;E09000002",
        "breast",
        "preventative",
        "3",
        "gp",
        "nhs_block",
        "",
        "10",
        "9",
        "12"
    };

    static void put(Sheet sheet, int rowIndex, String... cells) {
        Row r = sheet.createRow(rowIndex);
        for (int c = 0; c < cells.length; c++) {
            r.createCell(c).setCellValue(cells[c]);
        }
    }

    static String[] withCode(String code) {
        String[] row = PR_ROW.clone();
        row[1] = code;
        row[4] = "S-" + code;
        return row;
    }

    static byte[] workbook(boolean secondMatchingSheet) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            put(wb.createSheet("Cover"), 0, "Cancer rehabilitation services: quarterly return");
            Sheet data = wb.createSheet("Q1 return");
            put(data, 0, "Royal Example NHS Trust");
            put(data, 1, "Quarter 1 2025-26, exported from the EPR");
            put(data, 3, PR_HEADER);
            put(data, 4, PR_ROW);
            put(data, 6, withCode("R$1"));
            if (secondMatchingSheet) {
                Sheet q2 = wb.createSheet("Q2 return");
                put(q2, 0, PR_HEADER);
                put(q2, 1, PR_ROW);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @BeforeAll
    static void deliver() throws Exception {
        ws = SharedSpark.newWorkspace("exports");
        Landing.write(
                ws,
                "hna_concerns/ehna_unicode_text.csv",
                hna("\t", "\r\n").getBytes(Charset.forName("x-UTF-16LE-BOM")));
        Landing.write(
                ws,
                "hna_concerns/ehna_utf16be_semicolon.csv",
                hna(";", "\n")
                        .replace("A1", "B1")
                        .replace("A2", "B2")
                        .replace("A3", "B3")
                        .getBytes(StandardCharsets.UTF_16));
        String pipe = String.join("|", PR_HEADER) + "\n" + String.join("|", withCode("RYY09")) + "\n";
        Landing.write(ws, "provider_returns/returns_pipe.csv", pipe.getBytes(StandardCharsets.UTF_8));
        Landing.write(ws, "provider_returns/returns_titled.xlsx", workbook(false));
        Landing.write(ws, "provider_returns/returns_two_quarters.xlsx", workbook(true));
        Landing.write(ws, "comorbidity/pharmacy_stock.csv", "item;qty\nsyringes;40\n".getBytes(StandardCharsets.UTF_8));
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        TestRuns.Result ingest = TestRuns.run(ws, "ingest", asOf);
        assertTrue(
                ingest.outcome().succeeded(),
                () -> String.valueOf(ingest.outcome().failure()));
        TestRuns.Result conform = TestRuns.run(ws, "conform", asOf);
        assertTrue(
                conform.outcome().succeeded(),
                () -> String.valueOf(conform.outcome().failure()));
        stdout = ingest.stdout();
        lake = TestRuns.lake(ws);
    }

    static Map<String, org.apache.spark.sql.Row> ledger() {
        Map<String, org.apache.spark.sql.Row> m = new LinkedHashMap<>();
        for (org.apache.spark.sql.Row r : lake.read("audit.file_ledger").collectAsList()) {
            m.put(r.getAs("file_name"), r);
        }
        return m;
    }

    static List<org.apache.spark.sql.Row> quarantine(String file) {
        return lake.read("audit.quarantine")
                .filter(col("file_name").equalTo(file))
                .orderBy("row_number")
                .collectAsList();
    }

    @Test
    void utf16TextIsDecodedAndItsDelimiterRecorded() {
        org.apache.spark.sql.Row le = ledger().get("ehna_unicode_text.csv");
        assertEquals("conformed", le.getAs("status"));
        assertEquals("csv UTF-16LE (BOM)", le.getAs("format"));
        assertEquals("tab", le.getAs("delimiter"));
        assertNull(le.getAs("sheet"));
        assertEquals(3L, (Long) le.getAs("rows_read"));
        org.apache.spark.sql.Row be = ledger().get("ehna_utf16be_semicolon.csv");
        assertEquals("csv UTF-16BE (BOM)", be.getAs("format"));
        assertEquals("semicolon", be.getAs("delimiter"));
        assertEquals(3L, (Long) be.getAs("rows_read"));
        assertEquals("pipe", ledger().get("returns_pipe.csv").getAs("delimiter"));
        assertEquals(1L, (Long) ledger().get("returns_pipe.csv").getAs("rows_accepted"));
        assertTrue(stdout.contains("3 rows (csv UTF-16LE (BOM), tab-separated)"), stdout);
    }

    @Test
    void anHnaProviderCodeThatIsNotAnOdsCodeIsQuarantinedByThePatternRule() {
        for (String file : List.of("ehna_unicode_text.csv", "ehna_utf16be_semicolon.csv")) {
            assertEquals(2L, (Long) ledger().get(file).getAs("rows_accepted"), file);
            List<org.apache.spark.sql.Row> q = quarantine(file);
            assertEquals(1, q.size(), file);
            assertEquals("HNA_PROVIDER_CODE_PATTERN", q.get(0).getAs("rule_id"));
            assertEquals(3L, (Long) q.get(0).getAs("row_number"), "the header is line 1");
            assertNull(q.get(0).getAs("sheet"));
        }
        assertEquals(
                List.of("RXX01", "RXX02"),
                lake.read("silver.hna_concern")
                        .filter(col("assessment_id").startsWith("A"))
                        .orderBy("assessment_id")
                        .select("provider_code")
                        .as(org.apache.spark.sql.Encoders.STRING())
                        .collectAsList(),
                "a lower-case ODS code is upper-cased and kept");
    }

    @Test
    void aWorkbookIsReadUnderItsTitleRowsAndTheLedgerAndQuarantineNameTheSheet() {
        org.apache.spark.sql.Row l = ledger().get("returns_titled.xlsx");
        assertEquals("conformed", l.getAs("status"));
        assertEquals("Q1 return", l.getAs("sheet"));
        assertNull(l.getAs("delimiter"));
        assertEquals(1L, (Long) l.getAs("rows_accepted"));
        List<org.apache.spark.sql.Row> q = quarantine("returns_titled.xlsx");
        assertEquals(1, q.size());
        assertEquals("PR_PROVIDER_CODE_PATTERN", q.get(0).getAs("rule_id"));
        assertEquals(7L, (Long) q.get(0).getAs("row_number"), "the sheet's own row number");
        assertEquals("Q1 return", q.get(0).getAs("sheet"));
    }

    @Test
    void ambiguousWorkbooksAndFilesOfNoContractAreRejectedWithAReason() {
        org.apache.spark.sql.Row two = ledger().get("returns_two_quarters.xlsx");
        assertEquals("rejected", two.getAs("status"));
        assertTrue(((String) two.getAs("reason")).contains("'Q1 return', 'Q2 return'"), two.toString());
        org.apache.spark.sql.Row stock = ledger().get("pharmacy_stock.csv");
        assertEquals("rejected", stock.getAs("status"));
        assertTrue(
                ((String) stock.getAs("reason")).startsWith("missing required columns: extract_date"),
                stock.toString());
        assertEquals(0, quarantine("returns_two_quarters.xlsx").size(), "nothing of a rejected file is conformed");
    }
}
