package org.rehabmap.text;

import org.apache.spark.sql.Row;

import java.util.List;

/** A plain aligned text table for the console. */
public final class TextTable {
    private TextTable() {}

    public static String render(String[] cols, List<Row> rows) {
        String[][] cells = new String[rows.size()][cols.length];
        int[] w = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            w[i] = cols[i].length();
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < cols.length; i++) {
                String t = Cells.text(rows.get(r).get(i));
                if (t.length() > 60) {
                    t = t.substring(0, 57) + "...";
                }
                cells[r][i] = t;
                w[i] = Math.max(w[i], t.length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, cols, w);
        for (int i = 0; i < cols.length; i++) {
            b.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        b.append('\n');
        for (String[] row : cells) {
            line(b, row, w);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] vals, int[] w) {
        for (int i = 0; i < vals.length; i++) {
            b.append(i == 0 ? "" : "  ").append(vals[i]);
            if (i < vals.length - 1) {
                b.append(" ".repeat(w[i] - vals[i].length()));
            }
        }
        b.append('\n');
    }

    /** For plain string rows (reports that are not DataFrames). */
    public static String renderStrings(String[] cols, List<String[]> rows) {
        int[] w = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            w[i] = cols[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < cols.length; i++) {
                w[i] = Math.max(w[i], r[i] == null ? 0 : r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, cols, w);
        for (int i = 0; i < cols.length; i++) {
            b.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        b.append('\n');
        for (String[] r : rows) {
            String[] v = new String[r.length];
            for (int i = 0; i < r.length; i++) {
                v[i] = r[i] == null ? "" : r[i];
            }
            line(b, v, w);
        }
        return b.toString();
    }
}
