package org.rehabmap.rules;

import java.time.LocalDate;

/** The NHS financial year of a date, April to March, written '2024-25'. */
final class FinancialYear {
    private FinancialYear() {}

    static String of(LocalDate d) {
        if (d == null) {
            return null;
        }
        int start = d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1;
        return start + "-" + twoDigits((start + 1) % 100);
    }

    /** Left-padded with '0' to two characters, and cut to two, as the silver tables have always had it. */
    private static String twoDigits(int n) {
        String s = String.valueOf(n);
        return s.length() >= 2 ? s.substring(0, 2) : "0" + s;
    }
}
