package org.rehabmap.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Parallel;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestServices;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publish step end to end on the fixture gold tables: packs, index, manifest, workbook and warehouse. */
@ExtendWith(SharedSpark.class)
class PublishJobTest {
    static final LocalDate AS_OF = LocalDate.parse("2025-06-30");
    static final List<String> SLUGS = List.of(
            "north-central-and-north-east-london", "north-west-and-south-west-london", "south-east-london", "london");
    static Path extracts;
    static PublishRuns.Result run;
    static TestServices.Postgres pg;
    static Settings settings;

    @BeforeAll
    static void publish() throws Exception {
        pg = TestServices.postgres();
        // the test server outlives a test run: start from an empty warehouse
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS rehabmap CASCADE");
        }
        Path ws = SharedSpark.newWorkspace("publish");
        settings = SampleGold.settings(ws, pg.url(), pg.user(), pg.password());
        run = PublishRuns.run(settings, AS_OF);
        extracts = Path.of(settings.location("paths.extracts"));
    }

    static Path pack(String slug) {
        return extracts.resolve(slug).resolve(AS_OF.toString());
    }

    static List<CSVRecord> csv(Path f) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with BOM for Excel");
        try (Reader r = new java.io.StringReader(text.substring(1));
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            return p.getRecords();
        }
    }

    @Test
    void writesThePacksOfTheThreeAlliancesAndLondon() {
        assertTrue(run.step().changed(), run.console());
        for (String slug : SLUGS) {
            for (String f : List.of(
                    "benchmarks.csv",
                    "unmet_need.csv",
                    "workforce_ratios.csv",
                    "workforce_model.csv",
                    "report.html",
                    "inequalities.csv",
                    "inequalities.html",
                    "manifest.json",
                    "rehabmap-" + slug + "-" + AS_OF + ".xlsx")) {
                assertTrue(Files.isRegularFile(pack(slug).resolve(f)), slug + "/" + f);
            }
        }
    }

    @Test
    void theInequalitiesViewIsASecondDocumentLinkedFromTheReportAndTheIndex() throws IOException {
        String view = Files.readString(pack("south-east-london").resolve("inequalities.html"));
        assertTrue(view.contains("Who is left out: South East London"), "the pack's own area");
        assertTrue(view.contains("Quintile 1") && view.contains("area-based"), "quintiles, said to be area-based");
        assertTrue(view.contains("higher than the area") && view.contains("lower than the area"), view);
        assertTrue(view.contains("quintile 1 higher"), "the gap against no difference");
        assertTrue(view.contains("By sex") && view.contains("Female"), "the sex breakdown");
        assertTrue(Files.readString(pack("south-east-london").resolve("report.html"))
                .contains("href=\"inequalities.html\""));
        String index = Files.readString(extracts.resolve("index.html"));
        assertTrue(index.contains("inequalities.html\">Inequalities</a>"), "the index links it by name");
    }

    @Test
    void anAlliancePackHoldsItsOwnAreasAndLondonOnly() throws IOException {
        Pack sel = Pack.all(SampleGold.areas()).stream()
                .filter(p -> p.slug().equals("south-east-london"))
                .findFirst()
                .orElseThrow();
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : csv(pack("south-east-london").resolve("benchmarks.csv"))) {
            seen.add(r.get("area_code"));
        }
        assertEquals(sel.areaCodes(), seen);
        assertTrue(seen.contains(SampleGold.LONDON));
        assertEquals(6 + 1 + 1 + 1, seen.size(), "six boroughs, one STP, the alliance and London");
    }

    @Test
    void withheldCellsReadStarInTheFiles() throws IOException {
        boolean found = false;
        for (CSVRecord r : csv(pack("north-central-and-north-east-london").resolve("benchmarks.csv"))) {
            if (r.get("area_code").equals(SampleGold.SMALL)
                    && r.get("indicator_id").equals(SampleGold.PEOPLE)
                    && r.get("period").equals("2024-25")) {
                assertEquals("*", r.get("numerator"));
                assertEquals("*", r.get("value"));
                assertEquals("40", r.get("denominator"));
                assertEquals("true", r.get("suppressed"));
                found = true;
            }
            if (r.get("area_code").equals(SampleGold.ZERO)
                    && r.get("indicator_id").equals(SampleGold.PEOPLE)) {
                assertEquals("0", r.get("numerator"));
            }
        }
        assertTrue(found);
    }

    @Test
    void noCsvCellCanRunAsAFormulaAndNoSmallCountIsPublished() throws IOException {
        try (Stream<Path> files = Files.walk(extracts)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (CSVRecord r : csv(f)) {
                    for (String v : r.values()) {
                        if (FormulaGuard.dangerous(v)) {
                            assertDoesNotThrow(() -> Double.parseDouble(v), f + ": " + v);
                        }
                    }
                    if (f.getFileName().toString().equals("unmet_need.csv")) {
                        for (String c : List.of("assessments", "concerns", "declined_concerns")) {
                            if (!r.get(c).equals("*")) {
                                assertFalse(
                                        Long.parseLong(r.get(c)) >= 1 && Long.parseLong(r.get(c)) <= 7, f + " " + c);
                            }
                        }
                    }
                }
            }
        }
        String all = Files.readString(pack("london").resolve("benchmarks.csv"));
        assertTrue(all.contains("'=HYPERLINK("), "the formula is there, neutralised");
    }

    @Test
    void theManifestChecksEveryFileAndNamesTheDeltaVersions() throws Exception {
        java.util.Map<String, Long> versions = new java.util.HashMap<>();
        for (String slug : SLUGS) {
            Path dir = pack(slug);
            JsonNode m =
                    new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
            assertEquals(run.runId(), m.path("run_id").asText());
            Set<String> listed = new HashSet<>();
            for (JsonNode f : m.path("files")) {
                String name = f.path("path").asText();
                listed.add(name);
                assertEquals(
                        Manifest.sha256(dir.resolve(name)), f.path("sha256").asText(), name);
                if (name.endsWith(".csv")) {
                    assertEquals(csv(dir.resolve(name)).size(), f.path("rows").asLong(), name);
                }
                JsonNode from = f.path("built_from");
                assertTrue(from.size() > 0, name);
                from.fields()
                        .forEachRemaining(e -> assertEquals(
                                versions.computeIfAbsent(e.getKey(), run.lake()::version),
                                e.getValue().asLong(),
                                name + " " + e.getKey()));
            }
            Set<String> onDisk = new HashSet<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(p -> onDisk.add(p.getFileName().toString()));
            }
            onDisk.remove("manifest.json");
            assertEquals(onDisk, listed);
        }
    }

    @Test
    void theIndexListsEveryPackWithWorkingLinks() throws IOException {
        String html = Files.readString(extracts.resolve("index.html"));
        for (String slug : SLUGS) {
            String href = slug + "/" + AS_OF + "/report.html";
            assertTrue(html.contains("href=\"" + href + "\""), href);
        }
        var m = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            if (m.group(1).startsWith("http")) {
                continue;
            }
            assertTrue(Files.exists(extracts.resolve(m.group(1))), m.group(1));
        }
    }

    @Test
    void theWorkbookHasContentsFamiliesFrozenHeadersColoursAndNotes() throws IOException {
        try (XSSFWorkbook wb =
                new XSSFWorkbook(Files.newInputStream(pack("london").resolve("rehabmap-london-" + AS_OF + ".xlsx")))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals("Contents", names.get(0));
            assertEquals("Notes", names.get(names.size() - 1));
            assertTrue(
                    names.containsAll(List.of(
                            "Benchmarks - Workforce",
                            "Benchmarks - Needs assessment",
                            "Benchmarks - Comorbidity",
                            "Benchmarks - Unmet need",
                            "Unmet need",
                            "Workforce ratios",
                            "Workforce model")),
                    names.toString());
            boolean coloured = false;
            boolean star = false;
            for (Sheet sh : wb) {
                if (sh.getSheetName().equals("Contents") || sh.getSheetName().equals("Notes")) {
                    continue;
                }
                assertEquals(
                        1, sh.getPaneInformation().getHorizontalSplitPosition(), sh.getSheetName() + " header frozen");
                for (Row r : sh) {
                    for (Cell c : r) {
                        assertNotEquals(CellType.FORMULA, c.getCellType());
                        if (c.getCellType() != CellType.STRING) {
                            continue;
                        }
                        String v = c.getStringCellValue();
                        assertFalse(FormulaGuard.dangerous(v), sh.getSheetName() + ": " + v);
                        star |= v.equals("*");
                        if (v.equals("worse")) {
                            XSSFCellStyle st = (XSSFCellStyle) c.getCellStyle();
                            assertEquals(
                                    "FFC00000", st.getFillForegroundColorColor().getARGBHex());
                            coloured = true;
                        }
                    }
                }
            }
            assertTrue(star, "withheld cells read *");
            assertTrue(coloured, "a worse-than-London cell is red");
            Sheet notes = wb.getSheet("Notes");
            StringBuilder text = new StringBuilder();
            for (Row r : notes) {
                for (Cell c : r) {
                    text.append(c.getStringCellValue()).append('\n');
                }
            }
            assertTrue(text.toString().contains("Open Government Licence v3.0"));
            assertTrue(text.toString().contains("Census 2021"));
        }
    }

    @Test
    void theWarehouseHoldsEveryTableWithCommentsAndDisclosureControl() throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement st = c.createStatement()) {
            for (String t : List.of("benchmarks", "unmet_need", "workforce_ratios", "workforce_model")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*), obj_description('rehabmap." + t
                        + "'::regclass, 'pg_class') FROM rehabmap." + t)) {
                    rs.next();
                    assertTrue(rs.getLong(1) > 0, t);
                    assertNotNull(rs.getString(2), t + " has a comment");
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT numerator, value, suppressed, denominator FROM rehabmap.benchmarks WHERE indicator_id = '"
                            + SampleGold.PEOPLE + "' AND period = '2024-25' AND area_code = '" + SampleGold.SMALL
                            + "'")) {
                assertTrue(rs.next());
                assertNull(rs.getObject(1));
                assertNull(rs.getObject(2));
                assertTrue(rs.getBoolean(3));
                assertEquals(40.0, rs.getDouble(4));
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM rehabmap.unmet_need WHERE assessments BETWEEN 1 AND 7 OR concerns BETWEEN 1 AND 7 "
                            + "OR declined_concerns BETWEEN 1 AND 7")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
            try (ResultSet rs =
                    st.executeQuery("SELECT col_description('rehabmap.benchmarks'::regclass, attnum) FROM pg_attribute "
                            + "WHERE attrelid = 'rehabmap.benchmarks'::regclass AND attname = 'numerator'")) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("Numerator."), rs.getString(1));
                assertTrue(rs.getString(1).contains("suppressed = true"));
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM rehabmap._publication WHERE run_id = '" + run.runId() + "'")) {
                rs.next();
                assertEquals(5, rs.getLong(1)); // the fixture's five tables, gold.inequalities among them
            }
            try (ResultSet rs =
                    st.executeQuery("SELECT count(*) FROM rehabmap.inequalities WHERE breakdown_code = 'gap_q1_q5'")) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "gold.inequalities reaches the warehouse with its gap rows");
            }
        }
    }

    @Test
    void packsBuiltSideBySideAreByteForByteThePacksBuiltOneAtATime() throws Exception {
        PublishJob.Inputs in = PublishJob.inputs(settings);
        List<String> gold =
                run.lake().tables().stream().filter(t -> t.startsWith("gold.")).toList();
        List<PublishedTable> tables = new ArrayList<>();
        PublishJob.select(gold, in.contracts())
                .publish()
                .forEach((q, c) -> tables.add(
                        PublishJob.read(run.lake(), q, c, in.catalogue(), in.geography(), in.disclosure(), 100_000)));
        PackWriter writer = new PackWriter(
                ReportContext.from(settings, in.geography(), in.catalogue(), in.disclosure()), java.time.Instant.now());
        List<Pack> packs = Pack.all(in.geography());
        Path ws = SharedSpark.newWorkspace("packs-side-by-side");
        try (Parallel one = new Parallel("one", 1);
                Parallel four = new Parallel("four", 4)) {
            writer.writeAll(one, ws.resolve("sequential"), packs, tables, "run-x", AS_OF.toString());
            // past the 2-second resolution of a zip entry's time: a file stamped with the clock would differ
            Thread.sleep(2100);
            writer.writeAll(four, ws.resolve("parallel"), packs, tables, "run-x", AS_OF.toString());
        }
        java.util.Map<String, String> sequential = digests(ws.resolve("sequential"));
        // each table's CSV, then the report, the manifest, the workbook and the inequalities view
        assertEquals(
                packs.size() * (tables.size() + 4),
                sequential.size(),
                sequential.keySet().toString());
        assertEquals(sequential, digests(ws.resolve("parallel")));
    }

    @Test
    void aValueLongerThanAnExcelCellIsCutInTheWorkbookWithANoteNotAFailedPublish() throws Exception {
        PublishJob.Inputs in = PublishJob.inputs(settings);
        List<String> gold =
                run.lake().tables().stream().filter(t -> t.startsWith("gold.")).toList();
        List<PublishedTable> tables = new ArrayList<>();
        PublishJob.select(gold, in.contracts())
                .publish()
                .forEach((q, c) -> tables.add(
                        PublishJob.read(run.lake(), q, c, in.catalogue(), in.geography(), in.disclosure(), 100_000)));
        // the first shown text cell of a table other than benchmarks, made longer than a cell holds (as the
        // asset map's London list of service keys is at ten times the sample)
        String longText = "K".repeat(CellText.EXCEL_MAX + 5_000);
        String changed = null;
        for (int k = 0; k < tables.size() && changed == null; k++) {
            PublishedTable t = tables.get(k);
            if (t.name().equals("benchmarks") || t.rows().isEmpty()) {
                continue;
            }
            for (int i = 0; i < t.columns().size() && changed == null; i++) {
                if (t.types().get(i).equals(org.apache.spark.sql.types.DataTypes.StringType)
                        && t.rows().get(0)[i] != null
                        && !t.masked().get(0)[i]) {
                    List<Object[]> rows = new ArrayList<>(t.rows());
                    Object[] first = rows.get(0).clone();
                    first[i] = longText;
                    rows.set(0, first);
                    tables.set(
                            k,
                            new PublishedTable(
                                    t.name(), t.version(), t.contract(), t.columns(), t.types(), rows, t.masked()));
                    changed = t.name();
                }
            }
        }
        assertNotNull(changed, "no published table with a text cell to lengthen");
        Pack london = Pack.all(in.geography()).stream()
                .filter(Pack::london)
                .findFirst()
                .orElseThrow();
        Path file = SharedSpark.newWorkspace("long-cell").resolve("pack.xlsx");
        new WorkbookWriter(ReportContext.from(settings, in.geography(), in.catalogue(), in.disclosure()))
                .write(london, tables, "run-x", AS_OF.toString(), file);
        String found = null;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            for (Sheet sh : wb) {
                for (Row r : sh) {
                    for (Cell c : r) {
                        if (c.getCellType() == CellType.STRING
                                && c.getStringCellValue().startsWith("KKKKKKKKKK")) {
                            found = c.getStringCellValue();
                        }
                    }
                }
            }
        }
        assertNotNull(found, "the lengthened cell is not in the workbook");
        assertEquals(CellText.EXCEL_MAX, found.length());
        assertTrue(
                found.endsWith("37,767 in all: the whole value is in " + changed + ".csv in this pack]"),
                found.substring(found.length() - 200));
    }

    /** Every file under a folder: its relative path → SHA-256 of its bytes. */
    static java.util.Map<String, String> digests(Path root) throws IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Manifest.sha256(f));
            }
        }
        return out;
    }

    @Test
    void aQuietNightChangesNothing() throws Exception {
        PublishRuns.Result again = PublishRuns.run(settings, AS_OF);
        assertFalse(again.step().changed(), again.console());
        assertTrue(
                again.step().summary().startsWith("nothing new to publish"),
                again.step().summary());
        for (String slug : SLUGS) {
            JsonNode m = new ObjectMapper()
                    .readTree(pack(slug).resolve("manifest.json").toFile());
            assertEquals(run.runId(), m.path("run_id").asText(), "the pack of the first run is left as it was");
        }
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM rehabmap._publication WHERE run_id = '" + again.runId() + "'")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
    }

    @Test
    void aFailedLoadLeavesTheLiveTableAsItWas() throws SQLException {
        PublishedTable good = new PublishedTable(
                "atomic_probe",
                1,
                null,
                List.of("n"),
                List.of(org.apache.spark.sql.types.DataTypes.LongType),
                List.<Object[]>of(new Object[] {1L}, new Object[] {2L}),
                List.of(new boolean[1], new boolean[1]));
        Warehouse w = new Warehouse(pg.url(), pg.user(), pg.password(), "rehabmap", "");
        new WarehouseLoader(w).load(List.of(good), "r1");
        List<Object[]> bad = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            bad.add(new Object[] {(long) i});
        }
        bad.add(new Object[] {"not a number"});
        List<boolean[]> masks = new ArrayList<>();
        for (int i = 0; i < bad.size(); i++) {
            masks.add(new boolean[1]);
        }
        PublishedTable broken = new PublishedTable("atomic_probe", 2, null, good.columns(), good.types(), bad, masks);
        assertThrows(SQLException.class, () -> new WarehouseLoader(w).load(List.of(broken), "r2"));
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM rehabmap.atomic_probe")) {
                rs.next();
                assertEquals(2, rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'rehabmap' AND tablename LIKE '\\_stage\\_%'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no staging table left behind");
            }
            try (ResultSet rs =
                    st.executeQuery("SELECT run_id FROM rehabmap._publication WHERE table_name = 'atomic_probe'")) {
                rs.next();
                assertEquals("r1", rs.getString(1));
            }
            st.execute("DROP TABLE rehabmap.atomic_probe");
            st.execute("DELETE FROM rehabmap._publication WHERE table_name = 'atomic_probe'");
        }
    }

    @Test
    void withoutAWarehouseItSaysSoInOneLineAndStillWritesThePacks() throws Exception {
        Path ws = SharedSpark.newWorkspace("nowarehouse");
        Settings s = SampleGold.settings(ws, ws.resolve("lake"), "", "", "");
        SampleGold.write(new org.rehabmap.lake.Lake(SharedSpark.session(), s.location("paths.lake")), false);
        PublishRuns.Result r = PublishRuns.run(s, AS_OF);
        assertEquals(
                1,
                r.console()
                        .lines()
                        .filter(l -> l.contains("no warehouse configured"))
                        .count(),
                r.console());
        assertTrue(Files.isRegularFile(Path.of(s.location("paths.extracts"))
                .resolve("london")
                .resolve(AS_OF.toString())
                .resolve("report.html")));
        String html = Files.readString(Path.of(s.location("paths.extracts"))
                .resolve("london")
                .resolve(AS_OF.toString())
                .resolve("report.html"));
        assertTrue(
                html.contains("gold.workforce_model) is not in the lake yet"), "the report says the model is missing");
    }
}
