package org.rehabmap.publish;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as a reader sees them in the report: as few decimals as the size needs, SVG coordinates short. */
public final class Fmt {
    private Fmt() {}

    public static String value(Double v) {
        if (v == null) {
            return "–";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "#,##0" : a >= 10 ? "#,##0.0" : a >= 1 ? "0.0" : "0.00";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
    }

    /** An SVG coordinate: two decimals are finer than any printer. */
    public static String xy(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }
}
