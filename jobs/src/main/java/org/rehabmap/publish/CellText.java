package org.rehabmap.publish;

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
}
