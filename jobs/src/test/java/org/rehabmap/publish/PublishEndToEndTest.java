package org.rehabmap.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.cli.Steps;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.DisclosureSpec;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.lake.Lake;
import org.rehabmap.notebook.Notebook;
import org.rehabmap.notebook.NotebookRunner;
import org.rehabmap.pipeline.Pipeline;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.testing.IdentifierScan;
import org.rehabmap.testing.Landing;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestServices;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real pipeline on a real delivery (the acceptance scenario's first run): ingest, conform,
 * curate, then publish to PostgreSQL and the packs; every notebook runs on the gold (and silver)
 * tables it made; nothing published holds a small count or an NHS number.
 */
@ExtendWith(SharedSpark.class)
class PublishEndToEndTest {
    static final LocalDate AS_OF = LocalDate.parse("2025-06-30");
    static final String SCHEMA = "rehabmap_e2e";
    static Path ws;
    static Settings settings;
    static Lake lake;
    static Pipeline.Outcome outcome;
    static String console;
    static TestServices.Postgres pg;

    @BeforeAll
    static void runAll() throws Exception {
        pg = TestServices.postgres();
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        ws = SharedSpark.newWorkspace("e2e");
        Landing.copy(Landing.resources().resolve("acceptance/landing_run1"), ws);
        Map<String, Object> o = new HashMap<>();
        o.put("rehabmap.paths.lake", ws.resolve("lake").toString());
        o.put("rehabmap.paths.landing", ws.resolve("landing").toString());
        o.put("rehabmap.paths.extracts", ws.resolve("extracts").toString());
        o.put("rehabmap.warehouse.url", pg.url());
        o.put("rehabmap.warehouse.user", pg.user());
        o.put("rehabmap.warehouse.password", pg.password());
        o.put("rehabmap.warehouse.schema", SCHEMA);
        settings = Settings.load(SharedSpark.projectHome(), "test", o);
        lake = new Lake(SharedSpark.session(), settings.location("paths.lake"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        RunContext ctx = new RunContext(
                settings,
                SharedSpark.session(),
                lake,
                org.rehabmap.cli.RunIds.next(Instant.now()),
                Instant.now(),
                AS_OF,
                settings.location("paths.landing"),
                new RunContext.Console(out, out, false));
        outcome = new Pipeline(Steps.forTarget("all")).run(ctx, "run all");
        console = buf.toString(StandardCharsets.UTF_8);
        assertTrue(
                outcome.succeeded(),
                console + (outcome.failure() == null ? "" : outcome.failure().toString()));
    }

    static Path extracts() {
        return ws.resolve("extracts");
    }

    @Test
    void runAllWritesTheThreeAlliancePacksAndLondonsWithTheIndex() throws Exception {
        List<String> gold =
                lake.tables().stream().filter(t -> t.startsWith("gold.")).toList();
        assertFalse(gold.isEmpty());
        for (Pack p : Pack.all(SampleGold.areas())) {
            Path dir = extracts().resolve(p.slug()).resolve(AS_OF.toString());
            for (String t : gold) {
                assertTrue(Files.isRegularFile(dir.resolve(t.substring(5) + ".csv")), dir + " " + t);
            }
            assertTrue(Files.isRegularFile(dir.resolve("report.html")));
            assertTrue(Files.isRegularFile(dir.resolve("inequalities.html")));
            // the asset-map view (domains × the pack's boroughs) is in the second document, not the 4-page report
            String second = Files.readString(dir.resolve("inequalities.html"));
            assertTrue(second.contains("Asset map: concerns raised against the services that meet them"), p.slug());
            assertTrue(second.contains("<table class=\"assets\">"), p.slug());
            assertFalse(Files.readString(dir.resolve("report.html")).contains("Asset map"), p.slug());
            JsonNode m =
                    new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
            // a CSV per gold table, the workbook, the report and the inequalities view
            assertEquals(gold.size() + 3, m.path("files").size());
            assertTrue(Files.readString(extracts().resolve("index.html"))
                    .contains(p.slug() + "/" + AS_OF + "/report.html"));
        }
        assertTrue(console.contains("publish: "), console);
        // kept for a person to look at (target/report-check), as the browser test keeps its screenshots
        Path keep = SharedSpark.projectHome().resolve("jobs/target/report-check/e2e");
        PackWriter.deleteTree(keep);
        Files.createDirectories(keep);
        for (Pack p : Pack.all(SampleGold.areas())) {
            Files.copy(
                    extracts().resolve(p.slug()).resolve(AS_OF.toString()).resolve("report.html"),
                    keep.resolve(p.slug() + ".html"));
        }
    }

    @Test
    void postgresHoldsEveryGoldTableWithNoSmallCountOfPeople() throws Exception {
        List<String> gold = lake.tables().stream()
                .filter(t -> t.startsWith("gold."))
                .map(t -> t.substring(5))
                .toList();
        Map<String, GoldContract> contracts =
                Contracts.load(Path.of(settings.location("paths.contracts"))).gold();
        Catalogue cat = Catalogue.from(settings);
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement st = c.createStatement()) {
            for (String t : gold) {
                // the contract's natural key is the table's primary key, for BI tools' relationships
                List<String> pk = new java.util.ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON "
                        + "a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indisprimary AND i.indrelid = '"
                        + SCHEMA + "." + t + "'::regclass ORDER BY array_position(i.indkey::int2[], a.attnum)")) {
                    while (rs.next()) {
                        pk.add(rs.getString(1));
                    }
                }
                assertEquals(contracts.get("gold." + t).key(), pk, t + " primary key");
                DisclosureSpec spec = contracts.get("gold." + t).disclosure();
                assertNotNull(spec, t + " has a disclosure statement");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + "." + t)) {
                    rs.next();
                    assertEquals(
                            SharedSpark.session()
                                    .read()
                                    .format("delta")
                                    .load(lake.path("gold." + t))
                                    .count(),
                            rs.getLong(1),
                            t);
                }
                if (!spec.countsPeople()) {
                    continue;
                }
                String when = spec.appliesWhen() == null ? "true" : cat.expand(spec.appliesWhen(), t);
                for (String col : spec.counts()) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + "." + t + " WHERE (" + when
                            + ") AND " + col + " BETWEEN 1 AND 7")) {
                        rs.next();
                        assertEquals(0, rs.getLong(1), t + "." + col + " publishes a count of 1–7");
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + "._publication")) {
                rs.next();
                assertEquals(gold.size(), rs.getLong(1));
            }
            // the indicator catalogue the column comments point to: one row per indicator of conf
            try (ResultSet rs = st.executeQuery(
                    "SELECT string_agg(indicator_id, ',' ORDER BY indicator_id) FROM " + SCHEMA + ".indicators")) {
                rs.next();
                assertEquals(
                        cat.all().stream()
                                .map(Catalogue.Indicator::id)
                                .sorted()
                                .collect(java.util.stream.Collectors.joining(",")),
                        rs.getString(1));
            }
        }
    }

    @Test
    void everyNotebookRunsOnTheTablesTheRunMade() throws Exception {
        lake.registerAll();
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(SharedSpark.projectHome().resolve("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertEquals(5, notebooks.size());
        List<String> failures = new ArrayList<>();
        for (Path f : notebooks) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                int ran = new NotebookRunner(
                                SharedSpark.session(), new PrintStream(buf, true, StandardCharsets.UTF_8), 20)
                        .run(Notebook.read(f));
                assertTrue(ran >= 3, f.toString());
                assertTrue(buf.toString(StandardCharsets.UTF_8).contains("row"), f + " printed results");
            } catch (NotebookRunner.CellFailed e) {
                failures.add(e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyReportShowsTheCostedShortfallAndThePeerValues() throws Exception {
        for (Pack p : Pack.all(SampleGold.areas())) {
            String html = Files.readString(
                    extracts().resolve(p.slug()).resolve(AS_OF.toString()).resolve("report.html"));
            assertTrue(html.contains("<h3>Cost of closing the gap</h3>"), p.slug());
            assertTrue(html.matches("(?s).*<td>[0-9.,]+</td><td>£[0-9.,m]+</td>.*"), p.slug() + " shows £ by area");
            assertTrue(html.contains("<span class=\"peer\">"), p.slug() + " shows peer values");
        }
    }

    @Test
    void everyReportOnRealDataPrintsOnFourPages() throws Exception {
        Chromium chromium = new Chromium(TestServices.chromium());
        for (Pack p : Pack.all(SampleGold.areas())) {
            Path pdf = ws.resolve(p.slug() + ".pdf");
            chromium.run(
                    extracts().resolve(p.slug()).resolve(AS_OF.toString()).resolve("report.html"),
                    "--print-to-pdf=" + pdf,
                    "--no-pdf-header-footer");
            assertEquals(4, ReportBrowserTest.pages(pdf), p.slug() + " prints on four A4 pages");
        }
    }

    @Test
    void noNhsNumberReachesTheExtracts() throws Exception {
        JsonNode expected = new ObjectMapper()
                .readTree(
                        Landing.resources().resolve("acceptance/expected.json").toFile());
        List<String> raw = new ArrayList<>();
        expected.get("raw_nhs_numbers").forEach(n -> raw.add(n.asText()));
        assertEquals(List.of(), IdentifierScan.findings(extracts(), raw, SharedSpark.session()));
    }
}
