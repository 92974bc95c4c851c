package org.rehabmap.rules;

import java.util.List;

/**
 * A required column left empty. A supplier's suppression marker counts as given (the value exists but
 * may not be shown); a list needs at least one item; an identifier needs its pseudonym.
 */
final class RequiredRule implements Rule {
    enum Kind {
        VALUE,
        LIST,
        IDENTIFIER
    }

    private final int column;
    private final String id;
    private final String name;
    private final Kind kind;

    RequiredRule(int column, String id, String name, Kind kind) {
        this.column = column;
        this.id = id;
        this.name = name;
        this.kind = kind;
    }

    @Override
    public void check(CheckedRow row) {
        boolean missing = switch (kind) {
            case VALUE -> row.text(column) == null && !row.suppressed(column);
            case LIST -> row.typed(column) == null || ((List<?>) row.typed(column)).isEmpty();
            case IDENTIFIER -> row.text(column) == null;
        };
        if (missing) {
            row.fail(new Failure(
                    id, name + (kind == Kind.LIST ? " is missing (at least one item is needed)" : " is missing")));
        }
    }
}
