package org.rehabmap.contracts;

import java.util.List;

/**
 * A valid-values rule on one column ({@code type: library, metric: invalidValues}), applied to every
 * item of a list column.
 *
 * @param validValues          literal allowed values (may be empty)
 * @param validValuesReference "table.column" of a reference table whose values are also allowed, or null
 */
public record ValueRule(
        String id, String column, List<String> validValues, String validValuesReference, String description) {

    /** Every value rule is a valid-values rule; identifier checks and the other kinds are {@link CustomRule}s. */
    public boolean isValidValues() {
        return true;
    }
}
