package org.rehabmap.rules;

import org.rehabmap.contracts.CustomRule;

/**
 * A number greater than another column's on the same row, e.g. more people with a condition than on the
 * register (kind {@code notGreaterThan}); nothing is compared while either is missing or suppressed.
 */
final class NotGreaterThanRule implements Rule {
    private final int column;
    private final int limitColumn;
    private final String id;
    private final String reason;

    NotGreaterThanRule(int column, int limitColumn, String id, String reason) {
        this.column = column;
        this.limitColumn = limitColumn;
        this.id = id;
        this.reason = reason;
    }

    /** Options: {@code column} and {@code limitColumn}, integer or number columns. */
    static NotGreaterThanRule of(CustomRule r, RuleScope s) {
        return new NotGreaterThanRule(
                s.column(r, "column", "integer", "number"),
                s.column(r, "limitColumn", "integer", "number"),
                r.id(),
                s.reason(r));
    }

    @Override
    public void check(CheckedRow row) {
        if (row.typed(column) instanceof Number v
                && row.typed(limitColumn) instanceof Number limit
                && v.doubleValue() > limit.doubleValue()) {
            row.fail(new Failure(id, reason));
        }
    }
}
