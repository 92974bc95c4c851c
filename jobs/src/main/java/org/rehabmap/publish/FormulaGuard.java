package org.rehabmap.publish;

/**
 * Spreadsheet formula injection: a text cell beginning with =, +, -, @, tab or carriage return is
 * run as a formula by Excel and friends when a CSV is opened (OWASP "CSV injection"). Such text is
 * published with a leading apostrophe, which spreadsheets read as "this is text" and which a
 * person reading the file understands. Applied to text only: a negative number is a number.
 */
public final class FormulaGuard {
    private FormulaGuard() {}

    public static boolean dangerous(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    public static String neutralise(String s) {
        return dangerous(s) ? "'" + s : s;
    }
}
