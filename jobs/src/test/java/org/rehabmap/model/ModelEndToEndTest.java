package org.rehabmap.model;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.cli.Main;
import org.rehabmap.config.Settings;
import org.rehabmap.curate.CurateJob;
import org.rehabmap.lake.Lake;
import org.rehabmap.pipeline.Pipeline;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.testing.SharedSpark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.model.TwoBoroughs.ALPHA;
import static org.rehabmap.model.TwoBoroughs.BETA;
import static org.rehabmap.model.TwoBoroughs.LONDON;
import static org.rehabmap.model.TwoBoroughs.OT;
import static org.rehabmap.model.TwoBoroughs.PHYSIO;
import static org.rehabmap.model.TwoBoroughs.STP;

/**
 * The two-borough London of {@link TwoBoroughSilver} through the real curate and model steps (Spark,
 * Delta, output contracts) and the what-if command. The numbers are those worked out by hand in
 * {@link WorkforceModelTest}: collecting them from silver must not change them.
 *
 * <p>The project home is a copy of conf/ and data-contracts/ with one more environment,
 * conf/modeltest.conf: the test assumption set, end year 2027 and a 3-person minimum.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelEndToEndTest {
    static final double EPS = 1e-9;
    Path home;
    Path lakeDir;
    Lake lake;
    Pipeline.Outcome curate;

    @BeforeAll
    void curateTheFixture() throws IOException {
        Path ws = SharedSpark.newWorkspace("model-e2e");
        home = ws.resolve("home");
        copy(SharedSpark.projectHome().resolve("conf"), home.resolve("conf"));
        copy(SharedSpark.projectHome().resolve("data-contracts"), home.resolve("data-contracts"));
        Files.writeString(home.resolve("conf/modeltest.conf"), """
                rehabmap {
                  pseudonymisation.allow-development-key = true
                  spark.shuffle-partitions = 1
                  workforce-model {
                    assumption-set = "%s"
                    end-year = 2027
                    min-assessed-people = 3
                  }
                }
                """.formatted(
                        TwoBoroughs.assumptionFile().toString().replace("\\", "/")));
        lakeDir = ws.resolve("lake");
        Settings s = Settings.load(
                home,
                "modeltest",
                Map.of(
                        "rehabmap.paths.lake",
                        lakeDir.toString(),
                        "rehabmap.paths.landing",
                        ws.resolve("landing").toString()));
        lake = new Lake(SharedSpark.session(), lakeDir.toString());
        TwoBoroughSilver.write(lake);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Instant now = Instant.now();
        RunContext ctx = new RunContext(
                s,
                SharedSpark.session(),
                lake,
                org.rehabmap.cli.RunIds.next(now),
                now,
                LocalDate.of(2025, 6, 30),
                ws.resolve("landing").toString(),
                new RunContext.Console(out, out, true));
        curate = new Pipeline(List.of(new CurateJob(), new WorkforceModelJob())).run(ctx, "run curate");
        assertTrue(curate.succeeded(), () -> String.valueOf(curate.failure()));
    }

    @Test
    void theCurateStepFillsTheModelWithTheHandWorkedNumbers() {
        assertTrue(
                curate.versions().keySet().containsAll(List.of(WorkforceModelJob.MODEL, WorkforceModelJob.SENSITIVITY)),
                curate.versions().toString());
        List<Row> rows = lake.read("gold.workforce_model")
                .filter(col("scenario").equalTo("baseline"))
                .collectAsList();
        // 5 areas × 5 professions (4 + all) × 3 years
        assertEquals(75, rows.size());
        Row p = find(rows, ALPHA, PHYSIO, 2025);
        assertEquals("assumptions-test", p.getAs("assumption_set"));
        assertEquals(1.0, (double) p.getAs("high_distress_concerns_per_person"), EPS);
        assertEquals(1200.0, (double) p.getAs("living_with_cancer"), EPS);
        assertEquals(4.0, (double) p.getAs("required_wte"), EPS);
        // 0.5 (W1) + 1.0 (W2) + 0.6 × 2.5 (W4) = 3.0 in post: the older survey W0 is not the current position
        assertEquals(3.0, (double) p.getAs("available_wte"), 1e-6);
        assertEquals(1.0, (double) p.getAs("gap_wte"), 1e-6);
        assertEquals(61371.30275, (double) p.getAs("cost_per_wte_gbp"), 1e-4);
        assertEquals("2024-25", p.getAs("hna_period"));
        assertEquals("2025-03-31", p.getAs("workforce_position"));
        // Beta: the STP's rate (2 people < 3), 0.4 × 2.5 (W4) + 0.5 × 1.0 (W5) = 1.5 in post, W6 left out
        Row b = find(rows, BETA, PHYSIO, 2025);
        assertEquals(STP, b.getAs("rate_area_code"));
        assertEquals(3.0, (double) b.getAs("required_wte"), EPS);
        assertEquals(1.5, (double) b.getAs("available_wte"), 1e-6);
        assertTrue(((String) b.getAs("note")).contains("1 generalist post row(s) without a cancer caseload share"));
        // fatigue counts for OT as well: Alpha OT 1 ÷ 4 × 1,200 = 300 episodes → 1.0 WTE
        assertEquals(1.0, (double) find(rows, ALPHA, OT, 2025).getAs("required_wte"), EPS);
        // London: 12 ÷ 8 = 1.5 physio concerns per person (unknown residence included) × 1,800 × 1.21 → 10.89 WTE in
        // 2027
        assertEquals(10.89, (double) find(rows, LONDON, PHYSIO, 2027).getAs("required_wte"), EPS);
        assertEquals(7.9275, (double) find(rows, LONDON, ModelRow.ALL, 2027).getAs("gap_wte"), 1e-6);
        // the other configured scenarios are there, each naming its assumption set
        List<Row> scenarios = lake.read("gold.workforce_model")
                .select("scenario", "assumption_set")
                .distinct()
                .orderBy("scenario")
                .collectAsList();
        assertEquals(
                List.of("ageing", "baseline", "productivity_plus_10pct", "vacancies_filled"),
                scenarios.stream().map(r -> r.getString(0)).toList());
        assertTrue(scenarios.stream().allMatch(r -> r.getString(1).equals("assumptions-test")));
        Row filled = lake
                .read("gold.workforce_model")
                .filter(col("scenario").equalTo("vacancies_filled"))
                .collectAsList()
                .stream()
                .filter(r -> r.getAs("area_code").equals(ALPHA)
                        && r.getAs("profession").equals(PHYSIO)
                        && (int) r.getAs("year") == 2025)
                .findFirst()
                .orElseThrow();
        assertEquals(0.0, (double) filled.getAs("gap_wte"), 1e-6);
        // ageing, from the rebased projection: STP physio 2027 = 1.5 × (1,200 × 1.1 + 600 × 1.2) → 10.2 WTE; Alpha 65+
        // 11,000 × 0.9
        List<Row> ageing = lake.read("gold.workforce_model")
                .filter(col("scenario").equalTo("ageing"))
                .collectAsList();
        assertEquals(10.2, (double) find(ageing, STP, PHYSIO, 2027).getAs("required_wte"), 1e-9);
        assertEquals(9900.0, (double) find(ageing, ALPHA, PHYSIO, 2027).getAs("population_65_plus"), 1e-9);
    }

    @Test
    void sensitivityAndPeerGroupsAreWritten() {
        List<Row> s = lake.read("gold.workforce_model_sensitivity")
                .filter(col("area_code").equalTo(ALPHA).and(col("profession").equalTo(PHYSIO)))
                .orderBy("rank")
                .collectAsList();
        assertEquals(
                List.of(
                        "hours-per-wte-year",
                        "clinical-time-pct",
                        "contacts-per-episode",
                        "minutes-per-contact",
                        "prevalence-growth-pct"),
                s.stream().map(r -> (String) r.getAs("assumption")).toList());
        assertEquals(2027, (int) s.get(0).getAs("year"));
        assertEquals(4.84 / 0.8 - 4.84 / 1.2, (double) s.get(0).getAs("swing_wte"), 1e-6);
        // two boroughs: each is the other's only peer
        List<Row> peers = lake.read("gold.peer_groups").orderBy("borough_code").collectAsList();
        assertEquals(2, peers.size());
        assertEquals(BETA, peers.get(0).getAs("peer_code"));
        assertEquals(ALPHA, peers.get(1).getAs("peer_code"));
        // peer_value: specialist AHP WTE per 100,000 of the peer — Alpha's peer Beta: 0.4 × 2.5 (W4) = 1.0 ÷ 40,000 ×
        // 100,000 = 2.5;
        // Beta's peer Alpha: 0.5 + 1.0 + 1.5 + 0.5 (SLT) = 3.5 ÷ 60,000 × 100,000 = 5.8333
        List<Row> bench = lake.read("gold.benchmarks")
                .filter(col("indicator_id").equalTo("specialist_ahp_wte_per_100k"))
                .collectAsList();
        Map<String, Object> peerValue = new LinkedHashMap<>();
        for (Row r : bench) {
            peerValue.put(r.getAs("area_code"), r.getAs("peer_value"));
        }
        assertEquals(2.5, (double) peerValue.get(ALPHA), 1e-6);
        assertEquals(350.0 / 60.0, (double) peerValue.get(BETA), 1e-6);
        assertNull(peerValue.get(STP));
        assertNull(peerValue.get(LONDON));
        List<String> cols = List.of(lake.read("gold.benchmarks").columns());
        assertEquals(cols.indexOf("london_value") + 1, cols.indexOf("peer_value"));
    }

    @Test
    void theWhatIfCommandPrintsTheChangedGapAndWritesNothing() {
        Map<String, Long> before = versions();
        // 60-minute contacts: Alpha physio 1,200 × 4 × 60 ÷ 54,000 = 5.3333 required − 3.0 = 2.3333 (configured: 1.0)
        Outcome o = cli(
                "model",
                "--env",
                "modeltest",
                "--lake",
                lakeDir.toString(),
                "--area",
                ALPHA,
                "--year",
                "2025",
                "--profession",
                PHYSIO,
                "--set",
                "minutes-per-contact=60",
                "--format",
                "csv",
                "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        String[] lines = o.out().strip().split("\n");
        assertEquals(2, lines.length, o.out());
        assertTrue(
                lines[0].startsWith(
                        "area_code,area_name,profession,year,need_episodes,required_wte,available_wte,gap_wte,"
                                + "gap_pct_of_required,shortfall_wte,surplus_wte,shortfall_cost_gbp,gap_wte_configured,"
                                + "gap_change_wte"),
                lines[0]);
        String[] v = lines[1].split(",");
        assertEquals(ALPHA, v[0]);
        assertEquals(1200.0 * 240 / 54000, Double.parseDouble(v[5]), 1e-6);
        assertEquals(1200.0 * 240 / 54000 - 3.0, Double.parseDouble(v[7]), 1e-6);
        assertEquals(1200.0 * 240 / 54000 - 3.0, Double.parseDouble(v[9]), 1e-6);
        assertEquals(1.0, Double.parseDouble(v[12]), 1e-6);
        assertEquals(1200.0 * 240 / 54000 - 4.0, Double.parseDouble(v[13]), 1e-6);
        // the default table: STPs, every year and profession, with the description on stderr
        Outcome t = cli("model", "--env", "modeltest", "--lake", lakeDir.toString(), "--scenario", "vacancies_filled");
        assertEquals(Main.OK, t.code(), t.err());
        assertTrue(t.out().contains("E54000027") && t.out().contains("(15 rows)"), t.out());
        assertTrue(t.err().contains("scenario vacancies_filled") && t.err().contains("nothing is written"), t.err());
        assertEquals(before, versions(), "the what-if command changed a table");
    }

    @Test
    void aBadAssumptionIsOneLineAndExitTwo() {
        for (String[] args : List.of(
                new String[] {"--set", "minutes=60"},
                new String[] {"--set", "minutes-per-contact"},
                new String[] {"--scenario", "utopia"},
                new String[] {"--area", "E09000099"},
                new String[] {"--level", "ward"})) {
            String[] all = Stream.concat(
                            Stream.of("model", "--env", "modeltest", "--lake", lakeDir.toString()), Stream.of(args))
                    .toArray(String[]::new);
            Outcome o = cli(all);
            assertEquals(Main.USAGE, o.code(), String.join(" ", args) + ": " + o.err());
            String[] lines = o.err().strip().split("\\R");
            assertEquals(1, lines.length, o.err());
            assertTrue(lines[0].startsWith("rehabmap: "), lines[0]);
        }
        assertTrue(cli("model", "--env", "modeltest", "--lake", lakeDir.toString(), "--set", "minutes=60")
                .err()
                .contains("unknown assumption 'minutes' (known: contacts-per-episode"));
    }

    private Map<String, Long> versions() {
        Map<String, Long> v = new LinkedHashMap<>();
        for (String t : lake.tables()) {
            v.put(t, lake.version(t));
        }
        return v;
    }

    static Row find(List<Row> rows, String area, String profession, int year) {
        for (Row r : rows) {
            if (r.getAs("area_code").equals(area)
                    && r.getAs("profession").equals(profession)
                    && (int) r.getAs("year") == year) {
                return r;
            }
        }
        throw new AssertionError("no row " + area + " " + profession + " " + year);
    }

    record Outcome(int code, String out, String err) {}

    /** The command line in-process, with this test's project home. */
    Outcome cli(String... args) {
        synchronized (System.class) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            String oldHome = System.getProperty("rehabmap.home");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setProperty("rehabmap.home", home.toString());
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code = Main.execute(args);
                return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
                if (oldHome == null) {
                    System.clearProperty("rehabmap.home");
                } else {
                    System.setProperty("rehabmap.home", oldHome);
                }
            }
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
