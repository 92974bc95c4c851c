package org.rehabmap.publish;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormulaGuardTest {
    @Test
    void textThatASpreadsheetWouldRunIsPrefixed() {
        for (String s : SampleGold.FORMULAS) {
            assertTrue(FormulaGuard.dangerous(s), s);
            assertEquals("'" + s, FormulaGuard.neutralise(s));
        }
    }

    @Test
    void ordinaryTextAndEmptyTextAreLeftAlone() {
        for (String s : new String[] {"Barnet", "", "3 cells left out", " =not at the start", "x=1"}) {
            assertEquals(s, FormulaGuard.neutralise(s));
        }
        assertNull(FormulaGuard.neutralise(null));
    }

    @Test
    void numbersAreNumbersAndWithheldCellsAreStars() {
        assertEquals("-2.5", CellText.of(-2.5, false));
        assertEquals("'-2.5", CellText.of("-2.5", false));
        assertEquals("*", CellText.of(null, true));
        assertEquals("", CellText.of(null, false));
        assertEquals("0", CellText.of(0.0, false));
    }
}
