package org.rehabmap.rules;

/** A row with more or fewer cells than the header: its values may have shifted into the wrong columns. */
final class RowShapeRule implements Rule {
    private final String id;

    RowShapeRule(String id) {
        this.id = id;
    }

    @Override
    public void check(CheckedRow row) {
        if (row.cellCount() != row.headerCount()) {
            row.fail(new Failure(
                    id,
                    "row has " + row.cellCount() + " cells but the header has " + row.headerCount()
                            + " (values may have shifted)"));
        }
    }
}
