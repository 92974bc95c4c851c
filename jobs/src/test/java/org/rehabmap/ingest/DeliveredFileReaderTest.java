package org.rehabmap.ingest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole files read against the real contracts, without Spark: what ingest and a pre-submission check share. */
class DeliveredFileReaderTest {
    static Map<String, Contract> contracts;

    @BeforeAll
    static void load() {
        contracts = Contracts.load(Settings.home().resolve("data-contracts")).sources();
    }

    static final String HNA_HEADER = "assessment_id\tnhs_number\tassessment_date\tprovider_code\tresidence_borough_code"
            + "\tage_band\tsex\ttumour_group\tpathway_point\tconcern_code\tconcern_score\taction\treferred_to";

    @Test
    void aUtf16TabSeparatedHnaExportIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ehna_unicode.csv");
        Files.write(
                file,
                (HNA_HEADER + "\r\nA1\t943 476 5919\t2025-01-15\tR$1\tE09000001\t60-69\tfemale\tbreast\ttreatment"
                                + "\tfatigue\t8\tno_action\t\r\n")
                        .getBytes(Charset.forName("x-UTF-16LE-BOM")));
        ParsedTable t = DeliveredFileReader.read(file, contracts.get("hna_concerns"));
        assertEquals("tab", t.delimiter());
        assertEquals("UTF-16LE (BOM)", t.encoding());
        assertNull(t.sheet());
        assertEquals(13, t.header().size());
        assertEquals("R$1", t.rows().get(0).cells()[3], "read as delivered; the ODS rule is conform's");
    }

    @Test
    void aHeaderMatchingNoContractIsRejectedWithTheMissingColumns() {
        byte[] stock = "item;qty;ward\nsyringes;40;A\n".getBytes(StandardCharsets.UTF_16);
        FileRejected e = assertThrows(
                FileRejected.class, () -> DeliveredFileReader.read("stock.csv", stock, contracts.get("comorbidity")));
        assertTrue(
                e.getMessage().startsWith("missing required columns: extract_date, borough_code, condition_code"),
                e.getMessage());
    }

    @Test
    void aHeaderWithNoRowsUnderItIsRejected() {
        byte[] headerOnly = HNA_HEADER.getBytes(StandardCharsets.UTF_8);
        FileRejected e = assertThrows(
                FileRejected.class,
                () -> DeliveredFileReader.read("hna.csv", headerOnly, contracts.get("hna_concerns")));
        assertEquals("no data rows under the header", e.getMessage());
    }

    @Test
    void anXlsxNameIsReadAsAWorkbookWithTheContractsColumns() throws Exception {
        Contract wf = contracts.get("workforce_survey");
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Read me").createRow(0).createCell(0).setCellValue("AHP workforce survey 2025");
            Sheet s = wb.createSheet("Posts");
            s.createRow(0).createCell(0).setCellValue("AHP workforce survey: posts at 31 March 2025");
            Row h = s.createRow(2);
            Row r = s.createRow(3);
            for (int i = 0; i < wf.columnNames().size(); i++) {
                h.createCell(i).setCellValue(wf.columnNames().get(i));
                r.createCell(i).setCellValue("x");
            }
            wb.write(out);
            bytes = out.toByteArray();
        }
        ParsedTable t = DeliveredFileReader.read("Survey.XLSX", bytes, wf);
        assertEquals("Posts", t.sheet());
        assertEquals(4, t.rows().get(0).rowNumber());
        assertEquals(wf.columnNames(), HeaderMatch.check(t.header(), wf.requiredColumns()));
    }
}
