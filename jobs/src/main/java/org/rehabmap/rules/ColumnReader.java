package org.rehabmap.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the contract reads one column's cell before any rule looks at it: trimmed of spaces, empty as
 * null, codes upper-cased and enumerations lower-cased, a supplier's suppression marker kept as null with
 * the column's {@code _suppressed} flag, then typed; a list cell is split on ';' and each item trimmed
 * and cased, empty items dropped. An identifier column holds its pseudonym and is not typed.
 */
final class ColumnReader implements Serializable {
    private final int index;
    private final String logicalType;
    private final String normalise;
    private final Set<String> suppressionMarkers;
    private final boolean list;
    private final boolean identifier;

    ColumnReader(
            int index,
            String logicalType,
            String normalise,
            Set<String> suppressionMarkers,
            boolean list,
            boolean identifier) {
        this.index = index;
        this.logicalType = logicalType;
        this.normalise = normalise;
        this.suppressionMarkers = suppressionMarkers;
        this.list = list;
        this.identifier = identifier;
    }

    void read(TextRow in, CheckedRow out) {
        String trimmed = trimSpaces(in.cells()[index]);
        String v = trimmed == null || trimmed.isEmpty() ? null : trimmed;
        boolean suppressed = trimmed != null && suppressionMarkers.contains(trimmed);
        if (suppressed) {
            v = null;
        }
        if (list) {
            out.read(index, v, suppressed, items(v));
        } else {
            v = cased(v);
            out.read(index, v, suppressed, identifier ? v : Typing.value(logicalType, v));
        }
    }

    private List<String> items(String v) {
        if (v == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String part : v.split(";", -1)) {
            String item = trimSpaces(part);
            if (!item.isEmpty()) {
                items.add(cased(item));
            }
        }
        return items;
    }

    private String cased(String v) {
        if (v == null) {
            return null;
        }
        return switch (normalise) {
            case "upper" -> v.toUpperCase(Locale.ROOT);
            case "lower" -> v.toLowerCase(Locale.ROOT);
            default -> v;
        };
    }

    /** Only the space character, as the silver tables have always been trimmed: a tab is kept. */
    static String trimSpaces(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }
}
