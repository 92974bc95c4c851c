package org.rehabmap.rules;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.CustomRule;

/**
 * An NHS number that is not 10 digits or fails its Modulus 11 check digit (kind {@code nhsNumberModulus11}).
 * Ingest checked the raw number before it pseudonymised it; this reports what it found, and the
 * reason never holds the value.
 */
final class IdentifierCheckRule implements Rule {
    private final int column;
    private final String id;
    private final String name;

    IdentifierCheckRule(int column, String id, String name) {
        this.column = column;
        this.id = id;
        this.name = name;
    }

    /** Declared on an identifier column ({@code identifier: nhs_number}). */
    static IdentifierCheckRule of(CustomRule r, RuleScope s) {
        int i = s.column(r, "column");
        ColumnSpec c = s.contract().columns().get(i);
        if (!c.isIdentifier()) {
            throw new ConfigError(s.where(r) + ": " + c.name() + " is not an identifier column");
        }
        return new IdentifierCheckRule(i, r.id(), c.name());
    }

    @Override
    public void check(CheckedRow row) {
        IdentifierStatus s = row.identifier(column);
        if (s == IdentifierStatus.BAD_FORMAT) {
            row.fail(new Failure(id, name + " is not 10 digits (value masked)"));
        } else if (s == IdentifierStatus.BAD_CHECK_DIGIT) {
            row.fail(new Failure(id, name + " fails the Modulus 11 check digit (value masked)"));
        }
    }
}
