package org.rehabmap.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One row while and after its rules run: each contract column as delivered text made tidy (trimmed,
 * empty as null, cased, null when a supplier's suppression marker stood there), as its typed value
 * (String, Integer, Double, Boolean, LocalDate, or a List of String items), whether it was suppressed;
 * the financial year, when the contract derives one; and the rules the row broke, in order.
 */
public final class CheckedRow implements GroupMember {
    private final Map<String, Integer> columns;
    private final TextRow source;
    private final String[] text;
    private final boolean[] suppressed;
    private final Object[] typed;
    private final List<Failure> failures = new ArrayList<>(2);
    private String financialYear;

    CheckedRow(Map<String, Integer> columns, TextRow source) {
        this.columns = columns;
        this.source = source;
        int n = columns.size();
        this.text = new String[n];
        this.suppressed = new boolean[n];
        this.typed = new Object[n];
    }

    /** The typed value of the i-th contract column. */
    public Object typed(int i) {
        return typed[i];
    }

    @Override
    public Object value(String column) {
        return typed[index(column)];
    }

    public boolean suppressed(int i) {
        return suppressed[i];
    }

    /** '2024-25' for a date from April 2024 to March 2025; null when there is no date or the contract derives none. */
    public String financialYear() {
        return financialYear;
    }

    public List<Failure> failures() {
        return Collections.unmodifiableList(failures);
    }

    @Override
    public boolean passes() {
        return failures.isEmpty();
    }

    @Override
    public void fail(Failure failure) {
        failures.add(failure);
    }

    String text(int i) {
        return text[i];
    }

    IdentifierStatus identifier(int i) {
        IdentifierStatus[] s = source.identifiers();
        return s == null ? null : s[i];
    }

    int cellCount() {
        return source.cellCount();
    }

    int headerCount() {
        return source.headerCount();
    }

    void read(int i, String tidyText, boolean wasSuppressed, Object value) {
        text[i] = tidyText;
        suppressed[i] = wasSuppressed;
        typed[i] = value;
    }

    /** A rule may settle a value: an out-of-area code becomes the column's unknown value. */
    void settle(int i, Object value) {
        typed[i] = value;
    }

    void financialYearFrom(int dateColumn) {
        financialYear = FinancialYear.of((LocalDate) typed[dateColumn]);
    }

    private int index(String column) {
        Integer i = columns.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return i;
    }
}
