package org.rehabmap.ingest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Excel workbooks. The header is the first row of a sheet that holds every required column, so
 * title rows above it and guidance sheets before it are passed over; rows are numbered as the
 * sheet numbers them. Exactly one sheet may hold such a header: with several, which one is the
 * delivery is a guess, so the workbook is rejected naming them. Dates come out ISO, numbers
 * without Excel's display rounding.
 */
public final class XlsxTableReader {
    private XlsxTableReader() {}

    /** A candidate header row: where it is and which required columns it lacks. */
    private record HeaderRow(Sheet sheet, Row row, List<String> header, List<String> missing) {}

    public static ParsedTable read(byte[] bytes, Collection<String> requiredColumns) throws FileRejected {
        if (bytes.length == 0) {
            throw new FileRejected("empty file");
        }
        if (!(bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K')) {
            throw new FileRejected("content is not an Excel (.xlsx) workbook");
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            List<HeaderRow> matches = new ArrayList<>();
            HeaderRow closest = null;
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                for (Row r : wb.getSheetAt(s)) {
                    if (blank(r)) {
                        continue;
                    }
                    List<String> header = headerOf(r);
                    HeaderRow candidate =
                            new HeaderRow(wb.getSheetAt(s), r, header, HeaderMatch.missing(header, requiredColumns));
                    if (candidate.missing().isEmpty()) {
                        matches.add(candidate);
                        break;
                    }
                    if (closest == null
                            || candidate.missing().size() < closest.missing().size()) {
                        closest = candidate;
                    }
                }
            }
            if (matches.size() > 1) {
                throw new FileRejected("several sheets hold the columns of this source ("
                        + String.join(
                                ", ",
                                matches.stream()
                                        .map(m -> "'" + m.sheet().getSheetName() + "'")
                                        .toList())
                        + "): keep the data on one sheet");
            }
            if (matches.size() == 1) {
                return table(matches.get(0));
            }
            if (closest == null) {
                throw new FileRejected("empty file (no sheet has a header row)");
            }
            boolean partial = closest.missing().size() < requiredColumns.size();
            throw new FileRejected("missing required columns: " + String.join(", ", closest.missing())
                    + (partial
                            ? " (closest header: sheet '" + closest.sheet().getSheetName() + "' row "
                                    + (closest.row().getRowNum() + 1) + ")"
                            : ""));
        } catch (FileRejected e) {
            throw e;
        } catch (Exception e) {
            throw new FileRejected("unreadable Excel workbook: " + CsvTableReader.firstLine(e.getMessage()));
        }
    }

    private static List<String> headerOf(Row r) {
        List<String> header = new ArrayList<>();
        for (int c = 0; c < r.getLastCellNum(); c++) {
            header.add(text(r.getCell(c)));
        }
        while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
            header.remove(header.size() - 1);
        }
        return header;
    }

    private static ParsedTable table(HeaderRow h) {
        Sheet sheet = h.sheet();
        List<String> header = h.header();
        List<ParsedTable.ParsedRow> rows = new ArrayList<>();
        for (int i = h.row().getRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
            Row r = sheet.getRow(i);
            if (r == null || blank(r)) {
                continue;
            }
            int width = Math.max(header.size(), lastNonBlank(r) + 1);
            String[] cells = new String[width];
            for (int c = 0; c < width; c++) {
                cells[c] = text(r.getCell(c));
            }
            rows.add(new ParsedTable.ParsedRow(i + 1L, cells));
        }
        String name = sheet.getSheetName();
        return new ParsedTable(header, rows, "xlsx sheet '" + name + "'", true, null, null, name);
    }

    private static boolean blank(Row r) {
        return lastNonBlank(r) < 0;
    }

    private static int lastNonBlank(Row r) {
        for (int c = r.getLastCellNum() - 1; c >= 0; c--) {
            if (!text(r.getCell(c)).isBlank()) {
                return c;
            }
        }
        return -1;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (t) {
            case STRING:
                return cell.getStringCellValue();
            case BOOLEAN:
                return String.valueOf(cell.getBooleanCellValue());
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double v = cell.getNumericCellValue();
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    return String.valueOf((long) v);
                }
                return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            default:
                return "";
        }
    }
}
