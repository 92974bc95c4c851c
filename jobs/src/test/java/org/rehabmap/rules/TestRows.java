package org.rehabmap.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows of a few columns read as a contract reads them, for testing one rule kind on plain Java rows. */
final class TestRows {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<ColumnReader> readers = new ArrayList<>();

    /** A column: name, logical type (string, integer, number, boolean, date, array) and casing (upper, lower, none). */
    TestRows column(String name, String type, String normalise, String... suppressionMarkers) {
        readers.add(new ColumnReader(
                index.size(), type, normalise, Set.of(suppressionMarkers), "array".equals(type), false));
        index.put(name, index.size());
        return this;
    }

    TestRows column(String name, String type) {
        return column(name, type, "none");
    }

    TestRows identifier(String name) {
        readers.add(new ColumnReader(index.size(), "string", "none", Set.of(), false, true));
        index.put(name, index.size());
        return this;
    }

    int at(String name) {
        return index.get(name);
    }

    /** A row with one cell per column and a header as long. */
    CheckedRow row(String... cells) {
        return row(new TextRow(cells, new IdentifierStatus[cells.length], cells.length, cells.length));
    }

    CheckedRow row(TextRow text) {
        CheckedRow r = new CheckedRow(index, text);
        for (ColumnReader c : readers) {
            c.read(text, r);
        }
        return r;
    }
}
