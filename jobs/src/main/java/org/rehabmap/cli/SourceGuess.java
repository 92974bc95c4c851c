package org.rehabmap.cli;

import org.rehabmap.ingest.ParsedTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Which source a file is, when the person checking it does not say: the contract whose required columns
 * its header holds. Each contract's read of the file is either the table or ingest's reason for refusing
 * it; a refusal other than missing columns (no rows, a duplicated column) still names its source.
 */
final class SourceGuess {
    private static final String MISSING = "missing required columns: ";

    private SourceGuess() {}

    /** The one source the file fits, or null when it fits none or several. */
    static String choose(Map<String, Object> reads) {
        List<String> fits = fits(reads);
        if (fits.size() == 1) {
            return fits.get(0);
        }
        List<String> tables = new ArrayList<>();
        for (String s : fits) {
            if (reads.get(s) instanceof ParsedTable) {
                tables.add(s);
            }
        }
        return tables.size() == 1 ? tables.get(0) : null;
    }

    /** Why no source could be chosen, in one line. */
    static String why(Map<String, Object> reads) {
        List<String> fits = fits(reads);
        if (fits.isEmpty()) {
            String closest = null;
            int fewest = Integer.MAX_VALUE;
            for (Map.Entry<String, Object> e : reads.entrySet()) {
                int n = missingCount((String) e.getValue());
                if (n < fewest) {
                    fewest = n;
                    closest = e.getKey();
                }
            }
            return "the header matches no source's contract (closest: " + closest + ", " + reads.get(closest)
                    + "); --source names the source";
        }
        if (new HashSet<>(fits.stream().map(reads::get).toList()).size() == 1
                && reads.get(fits.get(0)) instanceof String reason) {
            return reason; // the file itself, whatever it was meant to be: empty, binary, unreadable
        }
        return "the header fits the contracts of " + String.join(", ", fits) + "; --source names the source";
    }

    private static List<String> fits(Map<String, Object> reads) {
        List<String> fits = new ArrayList<>();
        reads.forEach((source, read) -> {
            if (!(read instanceof String reason && reason.startsWith(MISSING))) {
                fits.add(source);
            }
        });
        return fits;
    }

    private static int missingCount(String reason) {
        String list = reason.substring(MISSING.length());
        int cut = list.indexOf(" (");
        return (cut < 0 ? list : list.substring(0, cut)).split(", ").length;
    }
}
