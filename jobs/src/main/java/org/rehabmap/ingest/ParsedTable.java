package org.rehabmap.ingest;

import java.util.List;

/**
 * A delivered file as rows of text cells. {@code rowNumber} is where a person finds the row:
 * the line in the CSV where the record starts, or the row in the Excel sheet.
 */
public record ParsedTable(List<String> header, List<ParsedRow> rows, String format, boolean strictShape) {
    public record ParsedRow(long rowNumber, String[] cells) {}
}
