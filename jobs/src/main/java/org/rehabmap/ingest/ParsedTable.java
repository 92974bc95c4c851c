package org.rehabmap.ingest;

import java.util.List;

/**
 * A delivered file as rows of text cells. {@code rowNumber} is where a person finds the row:
 * the line in the CSV where the record starts, or the sheet's own row number in Excel.
 * {@code encoding} and {@code delimiter} (its label) are what a text file was read with,
 * {@code sheet} which sheet of a workbook was read; each is null where it does not apply.
 */
public record ParsedTable(
        List<String> header,
        List<ParsedRow> rows,
        String format,
        boolean strictShape,
        String encoding,
        String delimiter,
        String sheet) {
    public ParsedTable(List<String> header, List<ParsedRow> rows, String format, boolean strictShape) {
        this(header, rows, format, strictShape, null, null, null);
    }

    public record ParsedRow(long rowNumber, String[] cells) {}
}
