package org.rehabmap.rules;

import java.util.List;

/** A list with fewer items than its column's minimum (for an optional list: when it is given at all). */
final class MinItemsRule implements Rule {
    private final int column;
    private final String id;
    private final String name;
    private final int minItems;

    MinItemsRule(int column, String id, String name, int minItems) {
        this.column = column;
        this.id = id;
        this.name = name;
        this.minItems = minItems;
    }

    @Override
    public void check(CheckedRow row) {
        if (row.typed(column) instanceof List<?> items && items.size() < minItems) {
            row.fail(new Failure(id, name + " needs at least " + minItems + " item(s)"));
        }
    }
}
