package org.rehabmap.ingest;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxTableReaderTest {
    static byte[] workbook() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet notes = wb.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("Completed by the trust's workforce lead");
            Sheet data = wb.createSheet("Survey");
            data.createRow(0); // a blank first row: the header is the first non-blank row
            Row h = data.createRow(1);
            String[] cols = {" Survey_Date", "WTE_IN_POST", "profession"};
            for (int i = 0; i < cols.length; i++) {
                h.createCell(i).setCellValue(cols[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = data.createRow(2);
            r.createCell(0).setCellValue(LocalDate.of(2025, 3, 31));
            r.getCell(0).setCellStyle(date);
            r.createCell(1).setCellValue(1.25);
            r.createCell(2).setCellValue("dietitian");
            Row r2 = data.createRow(4); // row 4 blank, then a row of whole numbers
            r2.createCell(0).setCellValue("2025-03-31");
            r2.createCell(1).setCellValue(3.0);
            r2.createCell(2).setCellValue("physiotherapist");
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsTheFirstSheetWhoseHeaderMatches() throws Exception {
        ParsedTable t = XlsxTableReader.read(workbook(), List.of("survey_date", "wte_in_post"));
        assertEquals(List.of(" Survey_Date", "WTE_IN_POST", "profession"), t.header());
        assertTrue(t.format().contains("Survey"));
        assertEquals(2, t.rows().size());
        assertArrayEquals(
                new String[] {"2025-03-31", "1.25", "dietitian"},
                t.rows().get(0).cells());
        assertEquals("3", t.rows().get(1).cells()[1], "no Excel display rounding or trailing .0");
        assertEquals(3, t.rows().get(0).rowNumber(), "Excel's own row number");
        assertEquals(5, t.rows().get(1).rowNumber());
    }

    @Test
    void namesMissingColumnsWhenNoSheetMatches() throws Exception {
        FileRejected e = assertThrows(
                FileRejected.class, () -> XlsxTableReader.read(workbook(), List.of("survey_date", "afc_band")));
        assertEquals("missing required columns: afc_band (closest header: sheet 'Survey' row 2)", e.getMessage());
    }

    static final List<String> REQUIRED = List.of("provider_code", "service_id");

    /** Sheets given as name → rows of cells, each row placed at its index (null rows left out). */
    static byte[] workbook(Map<String, String[][]> sheets) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, String[][]> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                String[][] rows = e.getValue();
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r] == null) {
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void titleRowsAboveTheHeaderOnALaterSheetArePassedOver() throws Exception {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("Cover", new String[][] {{"Cancer rehabilitation return"}, {"provider_code: your ODS code"}});
        sheets.put("Q1 data", new String[][] {
            {"Provider return, quarter 1 2025"},
            {"Exported 2025-04-03 by the EPR", "", "provider_code"},
            null,
            {"Provider_Code", "service_id", "notes"},
            {"RXX01", "S1", "first"},
            null,
            {"RXX01", "S2"}
        });
        ParsedTable t = XlsxTableReader.read(workbook(sheets), REQUIRED);
        assertEquals("Q1 data", t.sheet());
        assertEquals("xlsx sheet 'Q1 data'", t.format());
        assertEquals(List.of("Provider_Code", "service_id", "notes"), t.header());
        assertEquals(2, t.rows().size(), "title rows are not data");
        assertEquals(5, t.rows().get(0).rowNumber(), "the sheet's own row numbers");
        assertEquals(7, t.rows().get(1).rowNumber());
        assertArrayEquals(new String[] {"RXX01", "S2", ""}, t.rows().get(1).cells());
        assertNull(t.delimiter());
        assertNull(t.encoding());
    }

    @Test
    void aWorkbookWithSeveralMatchingSheetsIsRejectedNamingThem() throws Exception {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("Guidance", new String[][] {{"Fill in one sheet per quarter"}});
        sheets.put("Q1", new String[][] {{"provider_code", "service_id"}, {"RXX01", "S1"}});
        sheets.put("Q2", new String[][] {{"Quarter 2"}, {"PROVIDER_CODE", "SERVICE_ID"}, {"RXX01", "S1"}});
        FileRejected e = assertThrows(FileRejected.class, () -> XlsxTableReader.read(workbook(sheets), REQUIRED));
        assertTrue(e.getMessage().contains("several sheets"), e.getMessage());
        assertTrue(e.getMessage().contains("'Q1', 'Q2'"), e.getMessage());
    }

    @Test
    void aWorkbookWithNothingInItIsEmpty() throws Exception {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("Sheet1", new String[][] {});
        FileRejected e = assertThrows(FileRejected.class, () -> XlsxTableReader.read(workbook(sheets), REQUIRED));
        assertTrue(e.getMessage().startsWith("empty file"), e.getMessage());
    }

    @Test
    void aCsvRenamedXlsxIsRejected() {
        FileRejected e =
                assertThrows(FileRejected.class, () -> XlsxTableReader.read("a,b\n1,2\n".getBytes(), List.of("a")));
        assertTrue(e.getMessage().contains("not an Excel"));
    }
}
