package org.rehabmap.supplier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rehabmap.bronze.NhsNumber;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's data sheet the way a supplier would, with valid values drawn from the contract:
 * codes from each column's list, numbers inside its range, dates as Excel dates, text matching its
 * pattern, every optional column filled too (so rules such as "referred_to when referred" hold).
 */
final class TemplateFiller {
    static final LocalDate FIRST_DATE = LocalDate.parse("2024-06-30");

    private TemplateFiller() {}

    /** Writes {@code rows} rows under the header; row i varies every column with i. */
    static void fill(XSSFWorkbook wb, Contract contract, Map<String, CodeList> codes, int rows, String providerCode) {
        Sheet sheet = wb.getSheet(contract.name());
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        List<ColumnSpec> cols = contract.columns();
        for (int i = 0; i < rows; i++) {
            Row row = sheet.createRow(i + 1);
            for (int c = 0; c < cols.size(); c++) {
                ColumnSpec col = cols.get(c);
                Cell cell = row.createCell(c);
                CodeList list = codes.get(col.name());
                if (col.name().equals("provider_code") && providerCode != null) {
                    cell.setCellValue(providerCode);
                } else if (col.isIdentifier()) {
                    cell.setCellValue(nhsNumber(i));
                } else if (list != null) {
                    List<String> v = list.codes();
                    cell.setCellValue(
                            col.isList() ? v.get(i % v.size()) + ";" + v.get((i + 1) % v.size()) : v.get(i % v.size()));
                } else {
                    switch (col.logicalType()) {
                        case "integer" -> {
                            long lo = col.minimum() == null ? 0 : col.minimum().longValue();
                            long hi = col.maximum() == null
                                    ? lo + 100
                                    : col.maximum().longValue();
                            cell.setCellValue(lo + i % (hi - lo + 1));
                        }
                        case "number" -> {
                            double lo = col.minimum() == null ? 0 : col.minimum();
                            cell.setCellValue(lo + (i % 10) * 0.25);
                        }
                        case "date" -> {
                            cell.setCellValue(FIRST_DATE.minusDays(i));
                            cell.setCellStyle(date);
                        }
                        case "boolean" -> cell.setCellValue(i % 2 == 0 ? "yes" : "no");
                        default ->
                            cell.setCellValue(
                                    col.pattern() != null ? sample(col.pattern(), i) : col.name() + "-" + (i + 1));
                    }
                }
            }
        }
    }

    /** A valid NHS number in the 999 range kept for testing, different for each i. */
    static String nhsNumber(int i) {
        for (long base = 999_000_000L + i * 10L; ; base++) {
            for (int d = 0; d <= 9; d++) {
                String n = base + "" + d;
                if (NhsNumber.modulus11Valid(n)) {
                    return n;
                }
            }
        }
    }

    private static final Pattern PART = Pattern.compile("\\[([^\\]]+)\\](?:\\{(\\d+)(?:,(\\d+))?\\})?|([^\\[^$])");

    /**
     * A string matching a contract pattern of the simple kind the contracts use: literals and
     * character classes with {n} or {n,m} counts, anchored.
     */
    static String sample(String pattern, int i) {
        StringBuilder out = new StringBuilder();
        Matcher m = PART.matcher(pattern);
        while (m.find()) {
            if (m.group(4) != null) {
                out.append(m.group(4));
                continue;
            }
            String cls = m.group(1);
            int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(2));
            StringBuilder chars = new StringBuilder();
            for (int k = 0; k < cls.length(); k++) {
                if (k + 2 < cls.length() && cls.charAt(k + 1) == '-') {
                    for (char ch = cls.charAt(k); ch <= cls.charAt(k + 2); ch++) {
                        chars.append(ch);
                    }
                    k += 2;
                } else {
                    chars.append(cls.charAt(k));
                }
            }
            for (int k = 0; k < n; k++) {
                out.append(chars.charAt((i + k) % chars.length()));
            }
        }
        String s = out.toString();
        if (!s.matches(pattern)) {
            throw new IllegalStateException("cannot make a sample of " + pattern + ", got " + s);
        }
        return s;
    }
}
