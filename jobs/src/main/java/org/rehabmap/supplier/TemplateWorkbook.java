package org.rehabmap.supplier;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationConstraint;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Excel template of one source, generated from its landing contract: the data sheet first (the
 * header exactly as ingest matches it, frozen; a drop-down for every coded or enumerated column;
 * whole-number, decimal and date validation with the contract's ranges; the column's description as
 * its input message), then an instructions sheet and a sheet of the codes with their names.
 *
 * <p>Excel keeps in a cell the very text picked from a drop-down, so the drop-downs offer codes only
 * (a picked "E09000001 City of London" would be refused by conform); the names stand beside the codes
 * on sheet {@value ColumnHelp#CODES_SHEET}. Only the data sheet has the contract's columns across one
 * row, so ingest finds no other sheet that could be read as data.
 */
public final class TemplateWorkbook {
    /** Rows the validations cover below the header (Excel's whole column). */
    static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    static final String INSTRUCTIONS_SHEET = "Instructions";
    /** Excel's limits on an input message. */
    static final int PROMPT_TITLE_MAX = 32;

    static final int PROMPT_TEXT_MAX = 255;

    private TemplateWorkbook() {}

    /** @param codes each column's allowed values (null for a column without a valid-values rule) */
    public static void write(Contract contract, Function<ColumnSpec, CodeList> codes, Path out) throws IOException {
        try (XSSFWorkbook wb = build(contract, codes)) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
    }

    static XSSFWorkbook build(Contract contract, Function<ColumnSpec, CodeList> codeLists) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        Map<String, CodeList> codes = new LinkedHashMap<>();
        for (ColumnSpec c : contract.columns()) {
            CodeList l = codeLists.apply(c);
            if (l != null) {
                codes.put(c.name(), l);
            }
        }
        Sheet data = wb.createSheet(contract.name());
        Sheet instructions = wb.createSheet(INSTRUCTIONS_SHEET);
        Sheet codeSheet = wb.createSheet(ColumnHelp.CODES_SHEET);
        Map<String, String> listRanges = writeCodes(codeSheet, codes, st);
        writeData(data, contract, codes, listRanges, st);
        writeInstructions(instructions, contract, codes, st);
        wb.setActiveSheet(0);
        properties(wb, contract);
        return wb;
    }

    private static void writeData(
            Sheet sheet, Contract contract, Map<String, CodeList> codes, Map<String, String> listRanges, Styles st) {
        Row header = sheet.createRow(0);
        DataValidationHelper dv = sheet.getDataValidationHelper();
        List<ColumnSpec> cols = contract.columns();
        for (int i = 0; i < cols.size(); i++) {
            ColumnSpec c = cols.get(i);
            var cell = header.createCell(i);
            cell.setCellValue(c.name());
            cell.setCellStyle(c.required() ? st.required : st.optional);
            sheet.setColumnWidth(i, Math.min(60, Math.max(14, c.name().length() + 4)) * 256);
            sheet.setDefaultColumnStyle(
                    i, "date".equals(c.logicalType()) ? st.date : isNumeric(c) ? st.number : st.text);
            DataValidationConstraint constraint = constraint(dv, c, listRanges.get(c.name()));
            // "any value" still carries the input message
            DataValidation v = dv.createValidation(
                    constraint == null
                            ? new XSSFDataValidationConstraint(
                                    DataValidationConstraint.ValidationType.ANY, OperatorType.IGNORED, null, null)
                            : constraint,
                    new CellRangeAddressList(1, LAST_ROW, i, i));
            v.setEmptyCellAllowed(true);
            v.setShowPromptBox(true);
            v.createPromptBox(
                    clip(c.name() + (c.required() ? " (required)" : ""), PROMPT_TITLE_MAX),
                    clip(
                            prompt(
                                    c,
                                    codes.get(c.name()),
                                    contract.supersessionKey().contains(c.name())),
                            PROMPT_TEXT_MAX));
            if (constraint != null) {
                v.setShowErrorBox(true);
                // the contract keeps an unlisted value as its unknown value, and reads true/false as well as yes/no:
                // there Excel warns but lets it stand
                v.setErrorStyle(
                        c.unknownValue() != null || "boolean".equals(c.logicalType())
                                ? DataValidation.ErrorStyle.WARNING
                                : DataValidation.ErrorStyle.STOP);
                v.createErrorBox(
                        clip("Not a valid " + c.name(), PROMPT_TITLE_MAX),
                        clip(ColumnHelp.entry(c, codes.get(c.name())), PROMPT_TEXT_MAX));
            } else {
                v.setShowErrorBox(false);
            }
            sheet.addValidationData(v);
        }
        sheet.createFreezePane(0, 1);
    }

    /** The validation for a column, or null when Excel cannot check it (text, lists, identifiers). */
    static DataValidationConstraint constraint(DataValidationHelper dv, ColumnSpec c, String listRange) {
        if (listRange != null && !c.isList()) {
            return dv.createFormulaListConstraint(listRange);
        }
        if (c.isList() || c.isIdentifier() || !c.suppressionMarkers().isEmpty()) {
            // a list is several codes in one cell; a suppressed count is '*' or '<5', which a number rule would refuse
            return null;
        }
        switch (c.logicalType()) {
            case "integer":
                return numeric(dv, DataValidationConstraint.ValidationType.INTEGER, c);
            case "number":
                return numeric(dv, DataValidationConstraint.ValidationType.DECIMAL, c);
            case "date":
                // the contract gives dates no range: any real date, typed as a date
                return dv.createDateConstraint(OperatorType.BETWEEN, "DATE(1900,1,1)", "DATE(9999,12,31)", null);
            case "boolean":
                return dv.createExplicitListConstraint(new String[] {"yes", "no"});
            default:
                return null;
        }
    }

    private static DataValidationConstraint numeric(DataValidationHelper dv, int type, ColumnSpec c) {
        String lo = c.minimum() == null ? null : ColumnHelp.num(c.minimum());
        String hi = c.maximum() == null ? null : ColumnHelp.num(c.maximum());
        if (lo != null && hi != null) {
            return dv.createNumericConstraint(type, OperatorType.BETWEEN, lo, hi);
        }
        if (lo != null) {
            return dv.createNumericConstraint(type, OperatorType.GREATER_OR_EQUAL, lo, null);
        }
        if (hi != null) {
            return dv.createNumericConstraint(type, OperatorType.LESS_OR_EQUAL, hi, null);
        }
        return dv.createNumericConstraint(type, OperatorType.BETWEEN, "-1000000000", "1000000000");
    }

    /** The input message: the column's meaning from the contract, then how to fill it in. */
    static String prompt(ColumnSpec c, CodeList codes, boolean key) {
        String meaning = c.description() == null ? "" : c.description().strip();
        if (!meaning.isEmpty() && !meaning.endsWith(".")) {
            meaning += ".";
        }
        String how = ColumnHelp.entry(c, codes)
                + (c.required() ? " Required." : " May be left blank.")
                + (key ? " Part of the row's key (see Instructions)." : "");
        return meaning.isEmpty() ? how : meaning + " " + how;
    }

    /** One column pair (code, name) per coded column; returns each column's list range for its drop-down. */
    private static Map<String, String> writeCodes(Sheet sheet, Map<String, CodeList> codes, Styles st) {
        Map<String, String> ranges = new LinkedHashMap<>();
        Row header = sheet.createRow(0);
        int col = 0;
        for (CodeList l : codes.values()) {
            var h = header.createCell(col);
            h.setCellValue(l.column());
            h.setCellStyle(st.optional);
            var n = header.createCell(col + 1);
            n.setCellValue(l.column() + " (meaning)");
            n.setCellStyle(st.optional);
            for (int r = 0; r < l.entries().size(); r++) {
                Row row = sheet.getRow(r + 1) == null ? sheet.createRow(r + 1) : sheet.getRow(r + 1);
                var code = row.createCell(col);
                code.setCellValue(l.entries().get(r).code());
                code.setCellStyle(st.text);
                if (l.entries().get(r).label() != null) {
                    row.createCell(col + 1).setCellValue(l.entries().get(r).label());
                }
            }
            String letter = CellReference.convertNumToColString(col);
            ranges.put(
                    l.column(),
                    "'" + ColumnHelp.CODES_SHEET + "'!$" + letter + "$2:$" + letter + "$"
                            + (l.entries().size() + 1));
            sheet.setColumnWidth(col, 24 * 256);
            sheet.setColumnWidth(col + 1, 40 * 256);
            col += 3;
        }
        sheet.createFreezePane(0, 1);
        return ranges;
    }

    private static void writeInstructions(Sheet sheet, Contract contract, Map<String, CodeList> codes, Styles st) {
        int r = 0;
        r = line(sheet, r, st.title, contract.name() + ": return template");
        r = line(
                sheet,
                r,
                null,
                "Contract: " + contract.name() + " version " + contract.version() + " (data-contracts/sources/"
                        + contract.file().getFileName() + ")");
        if (contract.description() != null) {
            r = line(sheet, r, null, contract.description());
        }
        r++;
        r = line(sheet, r, st.bold, "How to fill it in");
        for (String s : List.of(
                "Enter one row per record on sheet '" + contract.name()
                        + "', under the header. Do not rename, reorder or delete the header's columns.",
                "Required columns (dark header) must be filled in on every row; optional ones (light header) may be"
                        + " left blank.",
                "Coded columns have a drop-down; the codes' names are on sheet '" + ColumnHelp.CODES_SHEET + "'.",
                "Columns holding a list take several values separated by ';' (e.g. E09000001;E09000002).",
                "Before sending, check the file: scripts/rehabmap check FILE (it says which rows would be refused"
                        + " and why).",
                "Send the workbook as .xlsx (or saved as CSV) to landing/" + contract.name() + "/.")) {
            r = line(sheet, r, null, "• " + s);
        }
        r++;
        r = line(sheet, r, st.bold, "Key and corrections");
        r = line(sheet, r, null, ColumnHelp.supersession(contract));
        r++;
        Row h = sheet.createRow(r++);
        String[] heads = {"column", "required", "key", "what to enter", "meaning"};
        for (int i = 0; i < heads.length; i++) {
            var c = h.createCell(i);
            c.setCellValue(heads[i]);
            c.setCellStyle(st.optional);
        }
        for (ColumnSpec c : contract.columns()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(c.name());
            row.createCell(1).setCellValue(ColumnHelp.required(c));
            int key = contract.supersessionKey().indexOf(c.name());
            row.createCell(2).setCellValue(key < 0 ? "" : "key " + (key + 1));
            var what = row.createCell(3);
            what.setCellValue(ColumnHelp.entry(c, codes.get(c.name())));
            what.setCellStyle(st.wrap);
            var meaning = row.createCell(4);
            meaning.setCellValue(c.description() == null ? "" : c.description());
            meaning.setCellStyle(st.wrap);
        }
        sheet.setColumnWidth(0, 26 * 256);
        sheet.setColumnWidth(1, 26 * 256);
        sheet.setColumnWidth(2, 8 * 256);
        sheet.setColumnWidth(3, 70 * 256);
        sheet.setColumnWidth(4, 60 * 256);
    }

    private static int line(Sheet sheet, int r, CellStyle style, String text) {
        var cell = sheet.createRow(r).createCell(0);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return r + 1;
    }

    private static void properties(XSSFWorkbook wb, Contract contract) {
        POIXMLProperties p = wb.getProperties();
        p.getCoreProperties().setTitle(contract.name() + " return template");
        p.getCoreProperties().setSubjectProperty("rehabmap landing contract " + contract.name());
        p.getCoreProperties().setKeywords("rehabmap; " + contract.name() + "; contract version " + contract.version());
        p.getCoreProperties().setCreator("rehabmap template " + contract.name());
        p.getCustomProperties().addProperty("rehabmap_source", contract.name());
        p.getCustomProperties().addProperty("rehabmap_contract_version", contract.version());
    }

    private static boolean isNumeric(ColumnSpec c) {
        return ("integer".equals(c.logicalType()) || "number".equals(c.logicalType()))
                && c.suppressionMarkers().isEmpty();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The few cell styles of a template. */
    private static final class Styles {
        final CellStyle required;
        final CellStyle optional;
        final CellStyle text;
        final CellStyle number;
        final CellStyle date;
        final CellStyle bold;
        final CellStyle title;
        final CellStyle wrap;

        Styles(XSSFWorkbook wb) {
            Font boldWhite = wb.createFont();
            boldWhite.setBold(true);
            boldWhite.setColor(IndexedColors.WHITE.getIndex());
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            required = wb.createCellStyle();
            required.setFont(boldWhite);
            required.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
            required.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            required.setBorderBottom(BorderStyle.THIN);
            optional = wb.createCellStyle();
            optional.setFont(boldFont);
            optional.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
            optional.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            optional.setBorderBottom(BorderStyle.THIN);
            // text format keeps codes such as band 8a, 07 or 18-39 as typed (Excel would make some numbers or dates)
            text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("General"));
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            title = wb.createCellStyle();
            title.setFont(big);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
        }
    }
}
