package org.rehabmap.publish;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pack's Excel workbook: a contents sheet; gold.benchmarks split into one sheet per indicator
 * family (rehabmap.publish.families) and one sheet per other gold table, each with a frozen header
 * row, filters, number formats and significance colours; and a notes sheet with methods, sources
 * and the Open Government Licence attribution. Withheld cells read {@code *}; text is guarded
 * against formula injection.
 */
public final class WorkbookWriter {
    private final ReportContext ctx;

    public WorkbookWriter(ReportContext ctx) {
        this.ctx = ctx;
    }

    /** A sheet to write: its name, what it holds, and the rows (a table, or part of benchmarks). */
    record Sheet(String name, String about, PublishedTable table) {}

    /** @return data rows written over all sheets */
    public long write(Pack pack, List<PublishedTable> tables, String runId, String date, Path file) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles st = new Styles(book);
            List<Sheet> sheets = plan(tables);
            // Contents and Notes are small and richly formatted: built in memory (the contents list needs
            // only the plan). The data sheets hold most of the cells, so they are streamed
            // (SXSSF): rows go to a temporary file as they are made instead of living as XML objects
            // until the end, which is what made a pack's workbook the slowest part of publish.
            contents(book.createSheet("Contents"), pack, sheets, runId, date, st);
            SXSSFWorkbook wb = new SXSSFWorkbook(book, ROWS_IN_MEMORY);
            // Zip64 headers only where an entry needs them: with them always on, the local headers carry
            // size 0, which java.util.zip (StableZip, and many readers) refuses
            wb.setZip64Mode(Zip64Mode.AsNeeded);
            try {
                long rows = 0;
                for (Sheet s : sheets) {
                    data(wb.createSheet(s.name()), s.table(), st);
                    rows += s.table().rows().size();
                }
                // made on the in-memory workbook after the streamed sheets, so it is last (a sheet the stream
                // does not know is written as it is)
                Notes.write(book.createSheet("Notes"), ctx, st.wrap, st.heading);
                book.getProperties()
                        .getCoreProperties()
                        .setTitle("Cancer rehabilitation benchmark pack: " + pack.name());
                book.getProperties().getCoreProperties().setCreator("rehabmap " + runId);
                // the as-of date, not the clock: the same pack content gives the same bytes (StableZip)
                long asOf = java.time.LocalDate.parse(date)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
                book.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(asOf)));
                java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
                wb.write(buf);
                StableZip.write(buf.toByteArray(), asOf, file);
                return rows;
            } finally {
                wb.dispose();
            }
        }
    }

    /** Rows of a data sheet kept in memory before they are flushed to the sheet's temporary file. */
    private static final int ROWS_IN_MEMORY = 200;

    List<Sheet> plan(List<PublishedTable> tables) {
        List<Sheet> out = new ArrayList<>();
        Set<String> used = new HashSet<>(Set.of("contents", "notes"));
        for (PublishedTable t : tables) {
            if (t.name().equals("benchmarks") && t.has("indicator_id")) {
                int id = t.index("indicator_id");
                Set<String> placed = new HashSet<>();
                for (Map.Entry<String, List<String>> f : ctx.families().entrySet()) {
                    PublishedTable part = t.filter(r -> {
                        Catalogue.Indicator i = ctx.catalogue().get(String.valueOf(r[id]));
                        return i != null && f.getValue().contains(i.kind());
                    });
                    if (part.rows().isEmpty()) {
                        continue;
                    }
                    part.rows().forEach(r -> placed.add(String.valueOf(r[id])));
                    out.add(new Sheet(
                            unique("Benchmarks - " + f.getKey(), used),
                            "Benchmarks: " + f.getKey().toLowerCase() + " indicators against London",
                            part));
                }
                PublishedTable rest = t.filter(r -> !placed.contains(String.valueOf(r[id])));
                if (!rest.rows().isEmpty() || placed.isEmpty()) {
                    out.add(new Sheet(
                            unique(placed.isEmpty() ? "Benchmarks" : "Benchmarks - Other", used),
                            "Benchmarks against London",
                            rest));
                }
            } else {
                String title = t.contract() != null && t.contract().title() != null
                        ? t.contract().title()
                        : t.name();
                out.add(new Sheet(unique(label(t.name()), used), title, t));
            }
        }
        return out;
    }

    private static String label(String table) {
        String s = table.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String unique(String name, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(name);
        String n = base;
        for (int i = 2; !used.add(n.toLowerCase()); i++) {
            n = base.substring(0, Math.min(base.length(), 27)) + " " + i;
        }
        return n;
    }

    private void contents(XSSFSheet sh, Pack pack, List<Sheet> sheets, String runId, String date, Styles st) {
        int r = 0;
        cell(sh.createRow(r++), 0, "Cancer rehabilitation benchmark pack: " + pack.name(), st.title);
        cell(
                sh.createRow(r++),
                0,
                "As of " + date + " · run " + runId + " · areas: "
                        + (pack.isLondon() ? "all London" : pack.name() + " and London for comparison"),
                st.muted);
        cell(
                sh.createRow(r++),
                0,
                "Counts of 1–" + ctx.disclosure().max()
                        + " people, and values built on them, are suppressed and shown as *.",
                st.muted);
        r++;
        Row h = sh.createRow(r++);
        cell(h, 0, "Sheet", st.header);
        cell(h, 1, "What it holds", st.header);
        cell(h, 2, "Rows", st.header);
        for (Sheet s : sheets) {
            Row row = sh.createRow(r++);
            Cell c = cell(row, 0, s.name(), st.link);
            XSSFHyperlink link = sh.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress("'" + s.name().replace("'", "''") + "'!A1");
            c.setHyperlink(link);
            cell(row, 1, s.about(), st.wrap);
            row.createCell(2).setCellValue(s.table().rows().size());
            row.getCell(2).setCellStyle(st.integer);
        }
        Row row = sh.createRow(r);
        Cell c = cell(row, 0, "Notes", st.link);
        XSSFHyperlink link = sh.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress("'Notes'!A1");
        c.setHyperlink(link);
        cell(row, 1, "Methods, sources, disclosure control and licence", st.wrap);
        sh.setColumnWidth(0, 28 * 256);
        sh.setColumnWidth(1, 80 * 256);
        sh.setColumnWidth(2, 10 * 256);
    }

    private void data(org.apache.poi.ss.usermodel.Sheet sh, PublishedTable t, Styles st) {
        boolean withTitle = t.has("indicator_id") && !ctx.catalogue().isEmpty();
        List<String> headers = new ArrayList<>();
        if (withTitle) {
            headers.add("indicator");
        }
        headers.addAll(t.columns());
        Row h = sh.createRow(0);
        int[] width = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            cell(h, i, headers.get(i), st.header);
            width[i] = Math.max(8, headers.get(i).length() + 2);
        }
        int off = withTitle ? 1 : 0;
        int idCol = t.index("indicator_id");
        Set<Integer> sigCols = new HashSet<>();
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).startsWith("significance")) {
                sigCols.add(i);
            }
        }
        for (int r = 0; r < t.rows().size(); r++) {
            Object[] v = t.rows().get(r);
            boolean[] m = t.masked().get(r);
            Row row = sh.createRow(r + 1);
            if (withTitle) {
                String title = ctx.catalogue().title(String.valueOf(v[idCol]));
                cell(row, 0, FormulaGuard.neutralise(title), st.text);
                width[0] = Math.max(width[0], Math.min(60, title.length() + 2));
            }
            for (int i = 0; i < v.length; i++) {
                Cell c = row.createCell(i + off);
                DataType type = t.types().get(i);
                if (m[i]) {
                    c.setCellValue(CellText.WITHHELD);
                    c.setCellStyle(st.withheld);
                } else if (v[i] == null) {
                    c.setBlank();
                } else if (v[i] instanceof Number n && isNumeric(type)) {
                    c.setCellValue(n.doubleValue());
                    c.setCellStyle(isWhole(type) ? st.integer : st.decimal);
                } else if (v[i] instanceof Boolean b) {
                    c.setCellValue(b);
                } else {
                    String s = CellText.forExcel(CellText.of(v[i], false), t.name() + ".csv in this pack");
                    c.setCellValue(s);
                    c.setCellStyle(sigCols.contains(i) ? st.significance.get(Significance.of(v[i])) : st.text);
                    width[i + off] = Math.max(width[i + off], Math.min(50, s.length() + 2));
                }
            }
        }
        for (int i = 0; i < width.length; i++) {
            sh.setColumnWidth(i, width[i] * 256);
        }
        sh.createFreezePane(off, 1);
        if (!headers.isEmpty()) {
            sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, t.rows().size()), 0, headers.size() - 1));
        }
    }

    private static boolean isNumeric(DataType t) {
        return isWhole(t)
                || t.equals(DataTypes.DoubleType)
                || t.equals(DataTypes.FloatType)
                || t instanceof DecimalType;
    }

    private static boolean isWhole(DataType t) {
        return t.equals(DataTypes.LongType) || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.ShortType);
    }

    static Cell cell(Row row, int i, String text, CellStyle style) {
        Cell c = row.createCell(i);
        c.setCellValue(CellText.forExcel(text, "this pack's CSV and HTML files"));
        if (style != null) {
            c.setCellStyle(style);
        }
        return c;
    }

    /** The handful of styles the workbook uses (Excel caps the number of distinct styles). */
    static final class Styles {
        final XSSFCellStyle header;
        final XSSFCellStyle text;
        final XSSFCellStyle wrap;
        final XSSFCellStyle integer;
        final XSSFCellStyle decimal;
        final XSSFCellStyle withheld;
        final XSSFCellStyle title;
        final XSSFCellStyle muted;
        final XSSFCellStyle link;
        final XSSFCellStyle heading;
        final Map<Significance, XSSFCellStyle> significance = new EnumMap<>(Significance.class);

        Styles(XSSFWorkbook wb) {
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            bold.setColor(new XSSFColor(rgb("FFFFFF"), null));
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(new XSSFColor(rgb("005EB8"), null));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            text = wb.createCellStyle();
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            withheld = wb.createCellStyle();
            withheld.setAlignment(HorizontalAlignment.RIGHT);
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            big.setColor(new XSSFColor(rgb("005EB8"), null));
            title = wb.createCellStyle();
            title.setFont(big);
            XSSFFont grey = wb.createFont();
            grey.setColor(new XSSFColor(rgb("4C6272"), null));
            muted = wb.createCellStyle();
            muted.setFont(grey);
            XSSFFont underline = wb.createFont();
            underline.setUnderline(XSSFFont.U_SINGLE);
            underline.setColor(new XSSFColor(rgb("005EB8"), null));
            link = wb.createCellStyle();
            link.setFont(underline);
            XSSFFont h2 = wb.createFont();
            h2.setBold(true);
            h2.setFontHeightInPoints((short) 12);
            heading = wb.createCellStyle();
            heading.setFont(h2);
            for (Significance s : Significance.values()) {
                XSSFCellStyle c = wb.createCellStyle();
                if (s != Significance.NOT_COMPARED) {
                    c.setFillForegroundColor(new XSSFColor(rgb(s.fill), null));
                    c.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    XSSFFont f = wb.createFont();
                    f.setColor(new XSSFColor(rgb(s.text), null));
                    c.setFont(f);
                    c.setBorderBottom(BorderStyle.HAIR);
                }
                significance.put(s, c);
            }
        }

        static byte[] rgb(String hex) {
            return java.util.HexFormat.of().parseHex(hex);
        }
    }
}
