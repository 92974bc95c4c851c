package org.rehabmap.ingest;

/**
 * The cell separators real exports use: comma (CSV), tab (Excel's "Unicode Text", many EPR
 * exports), semicolon (Excel's CSV where the decimal mark is a comma) and pipe. The label is what
 * the ledger records, since a tab character would be invisible there.
 */
public enum Delimiter {
    COMMA(',', "comma"),
    TAB('\t', "tab"),
    SEMICOLON(';', "semicolon"),
    PIPE('|', "pipe");

    private final char character;
    private final String label;

    Delimiter(char character, String label) {
        this.character = character;
        this.label = label;
    }

    public char character() {
        return character;
    }

    public String label() {
        return label;
    }
}
