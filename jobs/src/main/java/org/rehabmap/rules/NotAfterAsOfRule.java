package org.rehabmap.rules;

import java.time.LocalDate;

/** A date later than the run's as-of date, i.e. in the future (kind {@code notAfterAsOf}). */
final class NotAfterAsOfRule implements Rule {
    private final int column;
    private final String id;
    private final String reason;
    private final LocalDate asOf;

    NotAfterAsOfRule(int column, String id, String reason, LocalDate asOf) {
        this.column = column;
        this.id = id;
        this.reason = reason;
        this.asOf = asOf;
    }

    @Override
    public void check(CheckedRow row) {
        if (row.typed(column) instanceof LocalDate d && d.isAfter(asOf)) {
            row.fail(new Failure(id, reason));
        }
    }
}
