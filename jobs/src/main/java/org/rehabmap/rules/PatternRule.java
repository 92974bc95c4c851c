package org.rehabmap.rules;

import java.util.regex.Pattern;

/** A value that does not match its column's pattern (an ODS code, a return period), after casing. */
final class PatternRule implements Rule {
    private final int column;
    private final String id;
    private final String name;
    private final Pattern pattern;

    PatternRule(int column, String id, String name, Pattern pattern) {
        this.column = column;
        this.id = id;
        this.name = name;
        this.pattern = pattern;
    }

    @Override
    public void check(CheckedRow row) {
        String v = row.text(column);
        if (v != null && !pattern.matcher(v).find()) {
            row.fail(new Failure(id, name + " '" + v + "' does not match " + pattern.pattern()));
        }
    }
}
