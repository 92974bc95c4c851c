package org.rehabmap.generate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * An Excel landing file written with POI's streaming workbook (rows go to a temporary file, so a
 * large sheet does not sit in memory). Values are stored as a person filling the template would
 * leave them: numbers as numbers, dates as dates shown dd/mm/yyyy, true/false as booleans, and
 * anything that does not parse (a deliberately bad value) as text. Optional notes go on a first
 * sheet without the header, as real templates have; the data is on the next sheet. The
 * workbook's created date is fixed so the bytes depend only on the content.
 */
final class XlsxTableWriter implements TableSink {
    private static final Date CREATED =
            Date.from(ReportingYear.SNAPSHOT.atStartOfDay().toInstant(ZoneOffset.UTC));

    private final Path path;
    private final List<ColumnType> types;
    private final SXSSFWorkbook workbook;
    private final Sheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle decimalStyle;
    private int nextRow;
    private long rows;
    private boolean closed;

    XlsxTableWriter(Path path, String sheetName, List<String> header, List<ColumnType> types, List<String> notes)
            throws IOException {
        if (header.size() != types.size()) {
            throw new IllegalArgumentException("one type per column");
        }
        this.path = path;
        this.types = List.copyOf(types);
        Files.createDirectories(path.getParent());
        this.workbook = new SXSSFWorkbook(500);
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
        workbook.getXSSFWorkbook()
                .getProperties()
                .getCoreProperties()
                .setCreator("rehabmap generator (synthetic data)");
        if (!notes.isEmpty()) {
            Sheet notesSheet = workbook.createSheet("Notes");
            for (int i = 0; i < notes.size(); i++) {
                notesSheet.createRow(i).createCell(0).setCellValue(notes.get(i));
            }
        }
        this.sheet = workbook.createSheet(sheetName);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        this.decimalStyle = workbook.createCellStyle();
        decimalStyle.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row h = sheet.createRow(nextRow++);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(bold);
        }
    }

    @Override
    public void row(String[] cells) {
        Row r = sheet.createRow(nextRow++);
        for (int c = 0; c < cells.length; c++) {
            String v = cells[c];
            if (v == null || v.isEmpty()) {
                continue;
            }
            ColumnType type = c < types.size() ? types.get(c) : ColumnType.TEXT;
            Cell cell = r.createCell(c);
            switch (type) {
                case INTEGER -> {
                    if (v.matches("-?[0-9]{1,15}")) {
                        cell.setCellValue(Long.parseLong(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
                case DECIMAL -> {
                    if (v.matches("-?[0-9]{1,12}(\\.[0-9]{1,6})?")) {
                        cell.setCellValue(Double.parseDouble(v));
                        cell.setCellStyle(decimalStyle);
                    } else {
                        cell.setCellValue(v);
                    }
                }
                case DATE -> {
                    LocalDate d = isoDate(v);
                    if (d != null) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(v);
                    }
                }
                case BOOLEAN -> {
                    if (v.equals("true") || v.equals("false")) {
                        cell.setCellValue(Boolean.parseBoolean(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
                default -> cell.setCellValue(v);
            }
        }
        rows++;
    }

    private static LocalDate isoDate(String v) {
        if (!v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream out = Files.newOutputStream(path)) {
            workbook.write(out);
        } finally {
            workbook.close(); // also deletes SXSSF's temporary sheet files (POI 5)
        }
    }
}
