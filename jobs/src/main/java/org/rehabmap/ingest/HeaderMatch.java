package org.rehabmap.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a delivered header is matched to a contract: names compared case-insensitively after
 * trimming. Pure Java, so the readers use it to find the
 * header (which delimiter, which sheet and row) and ingest uses it to accept or reject the file.
 */
public final class HeaderMatch {
    private HeaderMatch() {}

    public static List<String> normalise(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        for (String h : header) {
            names.add(h == null ? "" : h.trim().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** The required columns the header lacks, in the contract's order. */
    public static List<String> missing(List<String> header, Collection<String> requiredColumns) {
        List<String> names = normalise(header);
        return requiredColumns.stream().filter(c -> !names.contains(c)).toList();
    }

    /** Required columns present and no name twice, else the file is rejected. Returns the normalised names. */
    public static List<String> check(List<String> header, Collection<String> requiredColumns) throws FileRejected {
        List<String> missing = missing(header, requiredColumns);
        if (!missing.isEmpty()) {
            throw new FileRejected("missing required columns: " + String.join(", ", missing));
        }
        List<String> names = normalise(header);
        Map<String, Integer> seen = new HashMap<>();
        for (String n : names) {
            if (!n.isEmpty() && seen.merge(n, 1, Integer::sum) == 2) {
                throw new FileRejected("column '" + n + "' appears twice in the header");
            }
        }
        return names;
    }
}
