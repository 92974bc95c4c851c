package org.rehabmap.rules;

import org.rehabmap.contracts.CustomRule;

/**
 * A column left empty although another column of the row has a given value, e.g. no referred_to on a
 * concern whose action is 'referred' (kind {@code requiredWhen}). The value is compared after casing.
 */
final class RequiredWhenRule implements Rule {
    private final int column;
    private final int whenColumn;
    private final String equals;
    private final String id;
    private final String reason;

    RequiredWhenRule(int column, int whenColumn, String equals, String id, String reason) {
        this.column = column;
        this.whenColumn = whenColumn;
        this.equals = equals;
        this.id = id;
        this.reason = reason;
    }

    /** Options: {@code column}, {@code whenColumn} (a text column) and {@code equals}. */
    static RequiredWhenRule of(CustomRule r, RuleScope s) {
        return new RequiredWhenRule(
                s.column(r, "column"), s.column(r, "whenColumn", "string"), s.option(r, "equals"), r.id(), s.reason(r));
    }

    @Override
    public void check(CheckedRow row) {
        if (equals.equals(row.typed(whenColumn)) && row.typed(column) == null) {
            row.fail(new Failure(id, reason));
        }
    }
}
