package org.rehabmap.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A value outside its column's allowed values (the contract's own list and/or a reference file's
 * column, compared after casing); every item of a list is checked. A column with an unknown value keeps
 * an out-of-area or missing code as that value instead (an HNA residence outside London is 'unknown'):
 * not an error.
 */
final class ValidValuesRule implements Rule {
    /** Beyond this many allowed values a reason says "not a known code" rather than listing them all. */
    private static final int LISTED = 20;

    private final int column;
    private final String id;
    private final String name;
    private final Set<String> allowed;
    private final boolean list;
    private final String unknownValue;

    ValidValuesRule(int column, String id, String name, Set<String> allowed, boolean list, String unknownValue) {
        this.column = column;
        this.id = id;
        this.name = name;
        this.allowed = allowed;
        this.list = list;
        this.unknownValue = unknownValue;
    }

    @Override
    public void check(CheckedRow row) {
        Object t = row.typed(column);
        if (list) {
            if (t instanceof List<?> items) {
                List<String> bad = new ArrayList<>();
                for (Object item : items) {
                    if (!allowed.contains(item)) {
                        bad.add((String) item);
                    }
                }
                if (!bad.isEmpty()) {
                    row.fail(new Failure(id, name + ": '" + String.join("', '", bad) + "'" + notOneOf()));
                }
            }
        } else if (unknownValue != null) {
            if (t == null || !allowed.contains(t)) {
                row.settle(column, unknownValue);
            }
        } else if (t != null && !allowed.contains(t)) {
            row.fail(new Failure(id, name + " '" + row.text(column) + "'" + notOneOf()));
        }
    }

    private String notOneOf() {
        if (allowed.size() > LISTED) {
            return " is not a known code";
        }
        return " is not one of " + String.join(", ", allowed);
    }
}
