package org.rehabmap.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks); blank lines are not rows. */
public final class CsvTableReader {
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvTableReader() {}

    public static ParsedTable read(byte[] bytes) throws FileRejected {
        String notText = TextDecoder.notTextReason(bytes);
        if (notText != null) {
            throw new FileRejected(notText);
        }
        TextDecoder.Decoded d = TextDecoder.decode(bytes);
        String text = d.text();
        if (text.isBlank()) {
            throw new FileRejected("empty file");
        }
        int[] lineStarts = lineStarts(text);
        List<String> header = null;
        List<ParsedTable.ParsedRow> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord r : p) {
                String[] cells = r.values();
                if (header == null) {
                    header = Arrays.asList(cells);
                    continue;
                }
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue; // a line of spaces is blank too
                }
                rows.add(new ParsedTable.ParsedRow(lineOf(lineStarts, r.getCharacterPosition()), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new FileRejected("unreadable CSV: " + firstLine(e.getMessage()));
        }
        if (header == null) {
            throw new FileRejected("empty file");
        }
        return new ParsedTable(header, rows, "csv " + d.encoding(), true);
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

    /** 1-based line holding character offset pos. */
    static long lineOf(int[] starts, long pos) {
        int i = Arrays.binarySearch(starts, (int) pos);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    static String firstLine(String s) {
        return s == null ? "parse error" : s.lines().findFirst().orElse(s);
    }
}
