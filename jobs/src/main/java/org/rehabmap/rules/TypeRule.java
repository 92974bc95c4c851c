package org.rehabmap.rules;

/** A value that is not of its column's type (a whole number, a number, a yes/no or a date in an accepted spelling). */
final class TypeRule implements Rule {
    private final int column;
    private final String id;
    private final String name;
    private final String logicalType;

    TypeRule(int column, String id, String name, String logicalType) {
        this.column = column;
        this.id = id;
        this.name = name;
        this.logicalType = logicalType;
    }

    @Override
    public void check(CheckedRow row) {
        String v = row.text(column);
        if (v != null && row.typed(column) == null) {
            row.fail(new Failure(id, name + " '" + v + "' is not " + Typing.words(logicalType)));
        }
    }
}
