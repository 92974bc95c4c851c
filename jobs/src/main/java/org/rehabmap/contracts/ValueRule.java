package org.rehabmap.contracts;

import java.util.List;

/**
 * A rule on the values of one column (applied to every item of a list column).
 *
 * @param validValues          literal allowed values (may be empty)
 * @param validValuesReference "table.column" of a reference table whose values are also allowed, or null
 * @param implementation       for engine "rehabmap" rules, the named check (e.g. nhsNumberModulus11)
 */
public record ValueRule(
        String id,
        String column,
        List<String> validValues,
        String validValuesReference,
        String engine,
        String implementation,
        String description) {

    public boolean isValidValues() {
        return implementation == null;
    }
}
