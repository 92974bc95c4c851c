package org.rehabmap.ingest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.IdentifierScan;
import org.rehabmap.testing.Landing;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One landing zone holding the awkward deliveries: an Excel workbook, an empty file, a "workbook"
 * that is really text, files and folders that are not ours, a shifted row carrying an NHS number
 * in the wrong column, and a re-sent copy under a new name.
 */
@ExtendWith(SharedSpark.class)
class IngestEdgeCasesTest {
    static final String PR_HEADER =
            "return_period,provider_code,provider_name,provider_type,service_id,service_name,setting,borough_codes,"
                    + "tumour_groups,pathway_stages,rehab_level,referral_routes,funding_source,funding_end_date,"
                    + "referrals_received,patients_seen,median_wait_days";
    static final String HNA_HEADER =
            "assessment_id,nhs_number,assessment_date,provider_code,residence_borough_code,age_band,sex,tumour_group,"
                    + "pathway_point,concern_code,concern_score,action,referred_to,free_text_note";
    static Path ws;
    static Lake lake;
    static TestRuns.Result run;

    static byte[] providerWorkbook() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Guidance").createRow(0).createCell(0).setCellValue("Please complete the Return sheet");
            Sheet s = wb.createSheet("Return");
            String[] h = PR_HEADER.split(",");
            Row hr = s.createRow(0);
            for (int i = 0; i < h.length; i++) {
                hr.createCell(i).setCellValue(h[i].toUpperCase());
            }
            Object[][] rows = {
                {
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
                    3.0,
                    "gp",
                    "nhs_block",
                    "",
                    10.0,
                    9.0,
                    12.0
                },
                {
                    "2025-Q1",
                    "RXX01",
                    "Royal Example",
                    "acute_trust",
                    "S2",
                    "Lymphoedema",
                    "community",
                    "E09000003",
                    "all",
                    "supportive;palliative",
                    2.0,
                    "",
                    "charity",
                    "2025-12-31",
                    "",
                    "",
                    ""
                }
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (!"".equals(v)) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @BeforeAll
    static void deliver() throws Exception {
        ws = SharedSpark.newWorkspace("edge");
        Landing.write(ws, "provider_returns/return_q1.xlsx", providerWorkbook());
        Landing.write(ws, "provider_returns/empty.csv", new byte[0]);
        Landing.write(ws, "provider_returns/not_really.xlsx", (PR_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        Landing.write(ws, "provider_returns/notes.txt", "read me".getBytes(StandardCharsets.UTF_8));
        Landing.write(ws, "pharmacy/stock.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        String hna = HNA_HEADER + "\n"
                + "A1,943 476 5919,2025-01-15,RXX01,E09000001,60-69,female,breast,treatment,fatigue,8,no_action,,\"called 943 476 "
                + "5919, no answer\"\n"
                + "A2,breast,2025-01-15,RXX01,E09000001,9434765919,female,treatment,fatigue,8,no_action,,\n";
        Landing.write(ws, "hna_concerns/hna_jan.csv", hna.getBytes(StandardCharsets.UTF_8));
        Landing.write(ws, "hna_concerns/hna_jan_copy.csv", hna.getBytes(StandardCharsets.UTF_8));
        run = TestRuns.run(ws, "all", LocalDate.of(2025, 6, 30));
        assertTrue(run.outcome().succeeded(), () -> String.valueOf(run.outcome().failure()));
        lake = TestRuns.lake(ws);
    }

    static Map<String, org.apache.spark.sql.Row> ledger() {
        Map<String, org.apache.spark.sql.Row> m = new LinkedHashMap<>();
        for (org.apache.spark.sql.Row r : lake.read("audit.file_ledger").collectAsList()) {
            m.put(r.getAs("file_name"), r);
        }
        return m;
    }

    @Test
    void excelWorkbookIsReadFromTheSheetWithTheHeader() {
        org.apache.spark.sql.Row l = ledger().get("return_q1.xlsx");
        assertEquals("conformed", l.getAs("status"));
        assertEquals(2L, (Long) l.getAs("rows_accepted"));
        assertTrue(((String) l.getAs("format")).contains("Return"));
        org.apache.spark.sql.Row s2 = lake.read("silver.service")
                .filter(col("service_id").equalTo("S2"))
                .first();
        assertEquals(java.sql.Date.valueOf("2025-12-31"), s2.getAs("funding_end_date"));
        assertEquals(2, (Integer) s2.getAs("rehab_level"));
        assertEquals(List.of("supportive", "palliative"), s2.getList(s2.fieldIndex("pathway_stages")));
    }

    @Test
    void badFilesAreRejectedWholeWithAReason() {
        assertEquals("rejected", ledger().get("empty.csv").getAs("status"));
        assertTrue(((String) ledger().get("empty.csv").getAs("reason")).contains("empty"));
        assertEquals("rejected", ledger().get("not_really.xlsx").getAs("status"));
        assertTrue(((String) ledger().get("not_really.xlsx").getAs("reason")).contains("not an Excel"));
    }

    @Test
    void filesThatAreNotOursAreLeftAloneAndReported() {
        assertFalse(ledger().containsKey("notes.txt"));
        assertFalse(ledger().containsKey("stock.csv"));
        assertTrue(run.stdout().contains("ignored: pharmacy/"), run.stdout());
        assertTrue(run.stdout().contains("ignored: provider_returns/notes.txt"), run.stdout());
    }

    @Test
    void sameBytesUnderANewNameAreADuplicate() {
        assertEquals("duplicate", ledger().get("hna_jan_copy.csv").getAs("status"));
        assertEquals("hna_jan.csv", ledger().get("hna_jan_copy.csv").getAs("duplicate_of"));
        assertEquals(2L, lake.read("bronze.hna_concerns").count(), "the copy added no rows");
    }

    @Test
    void aShiftedRowIsQuarantinedAndItsStrayNhsNumberIsNotKept() throws Exception {
        org.apache.spark.sql.Row q = lake.read("audit.quarantine")
                .filter(col("file_name").equalTo("hna_jan.csv"))
                .first();
        assertEquals(3L, (Long) q.getAs("row_number"));
        assertTrue(q.getList(q.fieldIndex("rule_ids")).contains("HNA_AGE_BAND_VALID"), String.valueOf(q));
        assertEquals(1L, (Long) ledger().get("hna_jan.csv").getAs("rows_accepted"));
        assertEquals(
                List.of(),
                IdentifierScan.findings(
                        ws.resolve("lake"), List.of("9434765919"), SharedSpark.session(), run.stdout()));
        org.apache.spark.sql.Row b = lake.read("bronze.hna_concerns")
                .filter(col("assessment_id").equalTo("A1"))
                .first();
        Map<String, String> extra =
                scala.jdk.javaapi.CollectionConverters.asJava(b.<scala.collection.Map<String, String>>getAs("_extra"));
        assertTrue(
                extra.get("free_text_note").startsWith("called nhs:"),
                "extra columns are kept, identifiers scrubbed: " + extra);
    }
}
