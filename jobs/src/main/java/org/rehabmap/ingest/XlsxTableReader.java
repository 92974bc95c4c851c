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
import java.util.Locale;

/**
 * Excel workbooks: the first sheet whose header row (its first non-blank row) holds every
 * required column is read. Dates come out ISO, numbers without Excel's display rounding.
 */
public final class XlsxTableReader {
    private XlsxTableReader() {}

    public static ParsedTable read(byte[] bytes, Collection<String> requiredColumns) throws FileRejected {
        if (bytes.length == 0) {
            throw new FileRejected("empty file");
        }
        if (!(bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K')) {
            throw new FileRejected("content is not an Excel (.xlsx) workbook");
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            List<String> firstMissing = null;
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                Row headerRow = null;
                for (Row r : sheet) {
                    if (!blank(r)) {
                        headerRow = r;
                        break;
                    }
                }
                if (headerRow == null) {
                    continue;
                }
                List<String> header = new ArrayList<>();
                for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                    header.add(text(headerRow.getCell(c)));
                }
                while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
                    header.remove(header.size() - 1);
                }
                List<String> normalised = header.stream()
                        .map(h -> h.trim().toLowerCase(Locale.ROOT))
                        .toList();
                List<String> missing = requiredColumns.stream()
                        .filter(c -> !normalised.contains(c))
                        .toList();
                if (!missing.isEmpty()) {
                    if (firstMissing == null) {
                        firstMissing = missing;
                    }
                    continue;
                }
                List<ParsedTable.ParsedRow> rows = new ArrayList<>();
                for (int i = headerRow.getRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
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
                return new ParsedTable(header, rows, "xlsx sheet '" + sheet.getSheetName() + "'", true);
            }
            if (firstMissing != null) {
                throw new FileRejected("missing required columns: " + String.join(", ", firstMissing));
            }
            throw new FileRejected("empty file (no sheet has a header row)");
        } catch (FileRejected e) {
            throw e;
        } catch (Exception e) {
            throw new FileRejected("unreadable Excel workbook: " + CsvTableReader.firstLine(e.getMessage()));
        }
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
