package org.rehabmap.supplier;

import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.audit.FileLedger;
import org.rehabmap.audit.Quarantine;
import org.rehabmap.cli.Main;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every source's template, filled in with valid rows by POI and delivered, is ingested and conformed
 * with nothing quarantined; and the workbook carries the drop-downs, validation, messages and
 * instructions the contract implies.
 */
@ExtendWith(SharedSpark.class)
class TemplateTest {
    static final int ROWS = 12;
    static final LocalDate AS_OF = LocalDate.parse("2025-06-30");
    static Contracts contracts;
    static Templates templates;
    static Path ws;
    static TestRuns.Result conform;

    @BeforeAll
    static void deliverFilledTemplates() throws Exception {
        Path home = Settings.home();
        contracts = Contracts.load(home.resolve("data-contracts"));
        ReferenceData reference = new ReferenceData(home.resolve("data/reference"));
        templates = new Templates(contracts, reference);
        ws = SharedSpark.newWorkspace("templates");
        for (Contract c : contracts.sources().values()) {
            Path blank = ws.resolve("templates").resolve(c.name() + ".xlsx");
            templates.write(c.name(), Templates.XLSX, blank);
            Map<String, CodeList> codes = new LinkedHashMap<>();
            for (ColumnSpec col : c.columns()) {
                CodeList l = CodeList.of(col, contracts, reference);
                if (l != null) {
                    codes.put(col.name(), l);
                }
            }
            Path filled = ws.resolve("landing").resolve(c.name()).resolve(c.name() + "_filled.xlsx");
            Files.createDirectories(filled.getParent());
            try (InputStream in = Files.newInputStream(blank);
                    XSSFWorkbook wb = new XSSFWorkbook(in)) {
                TemplateFiller.fill(wb, c, codes, ROWS, null);
                try (var out = Files.newOutputStream(filled)) {
                    wb.write(out);
                }
            }
        }
        TestRuns.Result ingest = TestRuns.run(ws, "ingest", AS_OF);
        assertTrue(ingest.outcome().succeeded(), ingest.stdout());
        conform = TestRuns.run(ws, "conform", AS_OF);
        assertTrue(conform.outcome().succeeded(), conform.stdout());
    }

    static XSSFWorkbook open(String source) throws Exception {
        try (InputStream in = Files.newInputStream(ws.resolve("templates").resolve(source + ".xlsx"))) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void aFilledTemplateIsIngestedWithNothingQuarantined() {
        Lake lake = TestRuns.lake(ws);
        if (lake.exists(Quarantine.TABLE)) {
            List<Row> q = lake.read(Quarantine.TABLE).collectAsList();
            assertEquals(List.of(), q, "quarantined rows");
        }
        List<Row> files = lake.read(FileLedger.TABLE).collectAsList();
        assertEquals(contracts.sources().size(), files.size(), conform.stdout());
        for (Row f : files) {
            String name = f.getAs("file_name");
            assertEquals(FileLedger.CONFORMED, f.getAs("status"), name + ": " + f.getAs("reason"));
            assertEquals(ROWS, (long) f.<Long>getAs("rows_accepted"), name);
            assertEquals(0L, (long) f.<Long>getAs("rows_quarantined"), name);
        }
        for (Contract c : contracts.sources().values()) {
            long silver = lake.read("silver." + c.silverTable())
                    .filter(col("_file_name").equalTo(c.name() + "_filled.xlsx"))
                    .count();
            assertEquals(ROWS, silver, "silver." + c.silverTable());
        }
    }

    @Test
    void theDataSheetHasItsHeaderFrozenAndAValidationPerColumn() throws Exception {
        for (Contract c : contracts.sources().values()) {
            try (XSSFWorkbook wb = open(c.name())) {
                assertEquals(c.name(), wb.getSheetName(0), "the data sheet comes first");
                XSSFSheet data = wb.getSheetAt(0);
                assertEquals(1, data.getPaneInformation().getHorizontalSplitPosition(), "header frozen");
                assertEquals(c.columnNames(), header(data));
                Map<Integer, XSSFDataValidation> byColumn = new LinkedHashMap<>();
                for (XSSFDataValidation v : data.getDataValidations()) {
                    for (CellRangeAddress r : v.getRegions().getCellRangeAddresses()) {
                        assertEquals(1, r.getFirstRow(), "below the header");
                        byColumn.put(r.getFirstColumn(), v);
                    }
                }
                for (int i = 0; i < c.columns().size(); i++) {
                    ColumnSpec col = c.columns().get(i);
                    XSSFDataValidation v = byColumn.get(i);
                    assertNotNull(v, c.name() + "." + col.name() + " has a validation");
                    assertTrue(v.getShowPromptBox(), col.name());
                    assertTrue(v.getPromptBoxText().length() > 10, col.name() + ": " + v.getPromptBoxText());
                    int type = v.getValidationConstraint().getValidationType();
                    boolean coded = col.valueRules().stream().anyMatch(r -> r.isValidValues());
                    if (coded && !col.isList()) {
                        assertEquals(ValidationType.LIST, type, col.name() + " is a drop-down");
                        assertTrue(v.getValidationConstraint().getFormula1().contains(ColumnHelp.CODES_SHEET));
                    } else if (col.isList()) {
                        assertTrue(v.getPromptBoxText().contains("';'"), col.name() + " explains the separator");
                    } else if ("date".equals(col.logicalType())) {
                        assertEquals(ValidationType.DATE, type, col.name());
                    } else if ("integer".equals(col.logicalType())
                            && col.suppressionMarkers().isEmpty()) {
                        assertEquals(ValidationType.INTEGER, type, col.name());
                    } else if ("number".equals(col.logicalType())) {
                        assertEquals(ValidationType.DECIMAL, type, col.name());
                    }
                }
            }
        }
    }

    @Test
    void rangesComeFromTheContract() throws Exception {
        try (XSSFWorkbook wb = open("provider_returns")) {
            XSSFDataValidation wait = validation(wb.getSheetAt(0), "median_wait_days");
            assertEquals("0", wait.getValidationConstraint().getFormula1());
            assertEquals("730", wait.getValidationConstraint().getFormula2());
            XSSFDataValidation setting = validation(wb.getSheetAt(0), "setting");
            assertEquals(ValidationType.LIST, setting.getValidationConstraint().getValidationType());
        }
        try (XSSFWorkbook wb = open("workforce_survey")) {
            XSSFDataValidation wte = validation(wb.getSheetAt(0), "wte_in_post");
            assertEquals(ValidationType.DECIMAL, wte.getValidationConstraint().getValidationType());
            assertEquals("500", wte.getValidationConstraint().getFormula2());
        }
    }

    @Test
    void boroughsAreListedByCodeWithTheirNames() throws Exception {
        try (XSSFWorkbook wb = open("comorbidity")) {
            Sheet codes = wb.getSheet(ColumnHelp.CODES_SHEET);
            List<String> header = header(codes);
            int at = header.indexOf("borough_code");
            assertTrue(at >= 0, header.toString());
            assertEquals("E09000001", codes.getRow(1).getCell(at).getStringCellValue());
            assertEquals("City of London", codes.getRow(1).getCell(at + 1).getStringCellValue());
            String formula = validation(wb.getSheetAt(0), "borough_code")
                    .getValidationConstraint()
                    .getFormula1();
            assertTrue(formula.endsWith("$34"), "33 boroughs under a header: " + formula);
        }
    }

    @Test
    void theInstructionsGiveTheVersionTheKeyAndHowALaterReturnSupersedes() throws Exception {
        Contract pr = contracts.source("provider_returns");
        try (XSSFWorkbook wb = open("provider_returns")) {
            String text = sheetText(wb.getSheet(TemplateWorkbook.INSTRUCTIONS_SHEET));
            assertTrue(text.contains("version " + pr.version()), text);
            assertTrue(text.contains("(provider_code, service_id, return_period)"), text);
            assertTrue(text.contains("replaces the earlier row"), text);
            assertTrue(text.contains("scripts/rehabmap check"), text);
            for (ColumnSpec c : pr.columns()) {
                assertTrue(text.contains(c.name()), c.name());
                if (c.description() != null) {
                    assertTrue(text.contains(c.description()), c.description());
                }
            }
            assertTrue(text.contains("optional (may be left blank)"));
            assertEquals(
                    pr.version(),
                    wb.getProperties()
                            .getCustomProperties()
                            .getProperty("rehabmap_contract_version")
                            .getLpwstr());
        }
    }

    @Test
    void theCommandWritesEveryTemplateAndAHeaderOnlyCsv() throws Exception {
        Path dir = ws.resolve("cli");
        assertEquals(0, Main.execute("template", "--all", "--out", dir.toString(), "--quiet"));
        for (String s : contracts.sources().keySet()) {
            assertTrue(Files.size(dir.resolve(s + ".xlsx")) > 1000, s);
        }
        Path csv = dir.resolve("hna.csv");
        assertEquals(0, Main.execute("template", "hna_concerns", "--out", csv.toString()));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(List.of(String.join(",", contracts.source("hna_concerns").columnNames())), lines);
        var err = new ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Main.USAGE, Main.execute("template", "nonsense", "--out", csv.toString()));
            assertEquals(Main.USAGE, Main.execute("template", "--out", csv.toString()));
        } finally {
            System.setErr(old);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("no contract for source 'nonsense'"), said);
        assertTrue(said.lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + said);
    }

    static XSSFDataValidation validation(XSSFSheet sheet, String column) {
        int i = header(sheet).indexOf(column);
        for (XSSFDataValidation v : sheet.getDataValidations()) {
            if (v.getRegions().getCellRangeAddresses()[0].getFirstColumn() == i) {
                return v;
            }
        }
        throw new AssertionError("no validation on " + column);
    }

    static List<String> header(Sheet s) {
        List<String> out = new java.util.ArrayList<>();
        s.getRow(0).forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    static String sheetText(Sheet s) {
        StringBuilder b = new StringBuilder();
        s.forEach(r -> r.forEach(c -> b.append(c.getStringCellValue()).append('\n')));
        return b.toString();
    }
}
