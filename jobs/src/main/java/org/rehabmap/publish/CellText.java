package org.rehabmap.publish;

import org.apache.poi.ss.SpreadsheetVersion;
import org.rehabmap.text.Cells;

/**
 * How a published cell reads in a file: a withheld cell is {@code *} (METHODS.md), an unknown one
 * is empty, text is guarded against formula injection, numbers keep full precision.
 */
public final class CellText {
    public static final String WITHHELD = "*";

    private CellText() {}

    public static String of(Object value, boolean masked) {
        if (masked) {
            return WITHHELD;
        }
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Cells.text(value);
        }
        return FormulaGuard.neutralise(Cells.text(value));
    }

    /** The most text one Excel cell holds (32,767 characters); POI refuses a longer value. */
    public static final int EXCEL_MAX = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /**
     * Text as an Excel cell can hold it: whole when it fits, else cut, ending with a note that says
     * so and where the whole value is. Without this one long value stops the whole publish step: the
     * asset map's London-wide list of service keys passes the limit at ten times the sample's size.
     */
    public static String forExcel(String text, String wholeIn) {
        if (text.length() <= EXCEL_MAX) {
            return text;
        }
        String note = " … [cut at Excel's limit of " + String.format("%,d", EXCEL_MAX) + " characters; "
                + String.format("%,d", text.length()) + " in all: the whole value is in " + wholeIn + "]";
        int keep = EXCEL_MAX - note.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // never half a character
        }
        return text.substring(0, keep) + note;
    }
}
