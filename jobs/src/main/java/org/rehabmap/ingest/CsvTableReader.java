package org.rehabmap.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Delimited text: RFC 4180 quoting (quoted cells may hold delimiters, quotes and line breaks);
 * blank lines are not rows. The delimiter (comma, tab, semicolon or pipe) is the one that splits
 * the header line into the contract's required columns; failing that, the one that splits it
 * into the most cells, so the rejection names the columns that are really missing.
 */
public final class CsvTableReader {
    private CsvTableReader() {}

    /** Reads a file with nothing to match the header against: the delimiter is the one splitting it most. */
    public static ParsedTable read(byte[] bytes) throws FileRejected {
        return read(bytes, List.of());
    }

    public static ParsedTable read(byte[] bytes, Collection<String> requiredColumns) throws FileRejected {
        TextDecoder.Decoded d = TextDecoder.decode(bytes);
        String text = d.text();
        if (text.isBlank()) {
            throw new FileRejected("empty file");
        }
        Delimiter delimiter = detect(text, requiredColumns);
        int[] lineStarts = lineStarts(text);
        List<String> header = null;
        List<ParsedTable.ParsedRow> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format(delimiter))) {
            for (CSVRecord r : p) {
                String[] cells = r.values();
                if (header == null) {
                    header = Arrays.asList(cells);
                    continue;
                }
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue; // a line of spaces is blank too
                }
                long start = recordStart(text, r.getCharacterPosition());
                rows.add(new ParsedTable.ParsedRow(lineOf(lineStarts, start), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new FileRejected("unreadable CSV: " + firstLine(e.getMessage()));
        }
        if (header == null) {
            throw new FileRejected("empty file");
        }
        return new ParsedTable(header, rows, "csv " + d.encoding(), true, d.encoding(), delimiter.label(), null);
    }

    /**
     * Tries each delimiter on the header record only: most required columns found wins, then most
     * cells, then the order of {@link Delimiter} (comma first), so the choice is deterministic.
     */
    static Delimiter detect(String text, Collection<String> requiredColumns) {
        Delimiter best = Delimiter.COMMA;
        int bestFound = -1;
        int bestCells = -1;
        for (Delimiter candidate : Delimiter.values()) {
            List<String> header = headerWith(text, candidate);
            if (header == null) {
                continue;
            }
            int found = requiredColumns.size()
                    - HeaderMatch.missing(header, requiredColumns).size();
            if (found > bestFound || (found == bestFound && header.size() > bestCells)) {
                best = candidate;
                bestFound = found;
                bestCells = header.size();
            }
        }
        return best;
    }

    /** The header record split with this delimiter, or null when it does not parse that way. */
    private static List<String> headerWith(String text, Delimiter delimiter) {
        try (CSVParser p = CSVParser.parse(new StringReader(text), format(delimiter))) {
            Iterator<CSVRecord> it = p.iterator();
            return it.hasNext() ? Arrays.asList(it.next().values()) : null;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    private static CSVFormat format(Delimiter delimiter) {
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter.character())
                .setIgnoreEmptyLines(true)
                .get();
    }

    static int[] lineStarts(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        int[] starts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    /**
     * Commons CSV reports a record that follows skipped blank lines as starting at the first of
     * them; no record starts with a line break, so the record really starts after them.
     */
    static long recordStart(String text, long reported) {
        int p = (int) reported;
        while (p < text.length() && (text.charAt(p) == '\r' || text.charAt(p) == '\n')) {
            p++;
        }
        return p;
    }

    /** 1-based line holding character offset pos. */
    static long lineOf(int[] starts, long pos) {
        int i = Arrays.binarySearch(starts, (int) pos);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    static String firstLine(String s) {
        return s == null ? "parse error" : s.lines().findFirst().orElse(s);
    }
}
