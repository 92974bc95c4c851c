package org.rehabmap.publish;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text for an Excel cell: whole when it fits, cut with a note when it does not (no Spark). */
class CellTextTest {
    @Test
    void textThatFitsIsLeftAlone() {
        String fits = "a".repeat(CellText.EXCEL_MAX);
        assertSame(fits, CellText.forExcel(fits, "x.csv"));
        assertEquals("E09000001;E09000002", CellText.forExcel("E09000001;E09000002", "x.csv"));
    }

    @Test
    void longerTextIsCutToTheLimitAndSaysWhereTheWholeValueIs() {
        String cut = CellText.forExcel("b".repeat(40_000), "asset_map.csv");
        assertEquals(CellText.EXCEL_MAX, cut.length());
        assertTrue(cut.startsWith("bbbb"));
        assertTrue(
                cut.endsWith(" … [cut at Excel's limit of 32,767 characters; 40,000 in all: the whole value is in"
                        + " asset_map.csv]"),
                cut.substring(cut.length() - 120));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverHalved() {
        String sample = CellText.forExcel("c".repeat(50_000), "t.csv");
        int keep = sample.indexOf(" … ["); // characters kept before the note, for any 5-digit total
        // a pair of surrogates straddling the cut: the high half would be the last character kept
        String text = "d".repeat(keep - 1) + "\uD83D\uDE00" + "d".repeat(10_000);
        String cut = CellText.forExcel(text, "t.csv");
        assertTrue(cut.length() <= CellText.EXCEL_MAX);
        char last = cut.charAt(cut.indexOf(" … [") - 1);
        assertFalse(Character.isHighSurrogate(last), "the cut left half a character");
    }

    @Test
    void theLimitIsTheOnePoiEnforces() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var cell = book.createSheet("s").createRow(0).createCell(0);
            String tooLong = "e".repeat(CellText.EXCEL_MAX + 1);
            assertThrows(IllegalArgumentException.class, () -> cell.setCellValue(tooLong));
            assertDoesNotThrow(() -> cell.setCellValue(CellText.forExcel(tooLong, "t.csv")));
        }
    }
}
