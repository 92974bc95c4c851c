package org.rehabmap.rules;

import org.rehabmap.contracts.CustomRule;

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

    /** Declared on a date column; the reason is the rule's description. */
    static NotAfterAsOfRule of(CustomRule r, RuleScope s) {
        return new NotAfterAsOfRule(s.column(r, "column", "date"), r.id(), s.reason(r), s.asOf());
    }

    @Override
    public void check(CheckedRow row) {
        if (row.typed(column) instanceof LocalDate d && d.isAfter(asOf)) {
            row.fail(new Failure(id, reason));
        }
    }
}
