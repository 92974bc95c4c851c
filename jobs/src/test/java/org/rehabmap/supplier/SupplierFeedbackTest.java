package org.rehabmap.supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.bronze.NhsNumber;
import org.rehabmap.lake.Lake;
import org.rehabmap.publish.SupplierFeedback;
import org.rehabmap.testing.IdentifierScan;
import org.rehabmap.testing.Landing;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `run all` on a delivery holding two providers' rows in one file writes each supplier feedback with
 * their own rows only, no NHS number anywhere, the files no supplier can be given for the programme team,
 * and gold.data_quality.
 */
@ExtendWith(SharedSpark.class)
class SupplierFeedbackTest {
    static final LocalDate AS_OF = LocalDate.parse("2025-06-30");
    static final String HNA_FILE = "=export.csv";
    static Path ws;
    static Path suppliers;
    static TestRuns.Result run;
    static List<String> nhs = new ArrayList<>();

    @BeforeAll
    static void runAll() throws IOException {
        ws = SharedSpark.newWorkspace("feedback");
        for (int i = 0; i < 4; i++) {
            nhs.add(TemplateFiller.nhsNumber(i));
        }
        String good = nhs.get(3);
        String badCheck = good.substring(0, 9) + ((good.charAt(9) - '0' + 1) % 10);
        if (NhsNumber.modulus11Valid(badCheck)) {
            badCheck = good.substring(0, 9) + ((good.charAt(9) - '0' + 2) % 10);
        }
        nhs.add(badCheck);
        String hna = String.join(
                "\n",
                "assessment_id,nhs_number,assessment_date,provider_code,residence_borough_code,age_band,sex,tumour_group,"
                        + "pathway_point,concern_code,concern_score,action,referred_to",
                "A1," + nhs.get(0) + ",2025-01-10,AAA1,E09000001,40-59,female,breast,treatment,breathing,8,referred,"
                        + "physiotherapist",
                "A1," + nhs.get(0) + ",2025-01-10,AAA1,E09000001,40-59,female,breast,treatment,constipation,<b>x</b>,"
                        + "discussed,",
                "A2," + nhs.get(1) + ",2025-02-11,aaa1,,60-69,male,lung,diagnosis,breathing,3,no_action,",
                "B1," + nhs.get(2) + ",2025-01-15,BBB2,E09000002,70-79,male,lung,follow_up,breathing,2,discussed,",
                "B2," + badCheck + ",2025-01-16,BBB2,E09000002,70-79,male,lung,follow_up,breathing,2,discussed,",
                "C1," + nhs.get(3) + ",2025-01-17,R$1,E09000003,70-79,male,lung,follow_up,breathing,2,discussed,",
                "");
        Landing.write(ws, "hna_concerns/" + HNA_FILE, hna.getBytes(StandardCharsets.UTF_8));
        String returns = String.join(
                "\n",
                "return_period,provider_code,provider_name,provider_type,service_id,service_name,setting,borough_codes,"
                        + "tumour_groups,pathway_stages,rehab_level,referral_routes,funding_source,funding_end_date,"
                        + "referrals_received,patients_seen,median_wait_days",
                "2025-Q1,AAA1,Alpha Trust,acute_trust,S1,Physio,community,E09000001,all,restorative,2,gp;self,nhs_block,,"
                        + "10,8,12",
                "2025-Q1,AAA1,Alpha Trust,acute_trust,S2,Rehab,nowhere,E09000001,breast,supportive,3,,charity,,,,",
                "");
        Landing.write(ws, "provider_returns/returns.csv", returns.getBytes(StandardCharsets.UTF_8));
        Landing.write(
                ws,
                "workforce_survey/old_template.csv",
                ("survey_date,provider_code,borough_codes,profession,afc_band,cancer_specialist,wte_funded\n"
                                + "2025-03-31,AAA1,E09000001,dietitian,6,yes,1\n")
                        .getBytes(StandardCharsets.UTF_8));
        run = TestRuns.run(ws, "all", AS_OF);
        assertTrue(run.outcome().succeeded(), () -> run.outcome().failure() + "\n" + run.stdout());
        suppliers = ws.resolve("extracts").resolve(SupplierFeedback.DIR);
    }

    static Path feedback(String provider, String file) {
        return suppliers.resolve(provider).resolve(AS_OF.toString()).resolve(file);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static Set<String> distinct(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows, String column) {
        return new TreeSet<>(rows.select(column)
                .distinct()
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    }

    static List<CSVRecord> csv(Path p) throws IOException {
        String text = read(p);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with a BOM for Excel");
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }

    @Test
    void eachProviderOfTheDeliveryHasAFolderAndNothingElseDoes() throws IOException {
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> s = Files.list(suppliers)) {
            s.forEach(p -> folders.add(p.getFileName().toString()));
        }
        assertEquals(Set.of("AAA1", "BBB2", SupplierFeedback.PROGRAMME), folders);
        for (String p : List.of("AAA1", "BBB2")) {
            assertTrue(Files.isRegularFile(feedback(p, "feedback.html")), p);
            assertTrue(Files.isRegularFile(feedback(p, "feedback.csv")), p);
        }
        assertTrue(run.stdout().contains("feedback for 2 supplier(s)"), run.stdout());
    }

    @Test
    void aFeedbackHoldsItsOwnProviderOnly() throws IOException {
        String a = read(feedback("AAA1", "feedback.html")) + read(feedback("AAA1", "feedback.csv"));
        String b = read(feedback("BBB2", "feedback.html")) + read(feedback("BBB2", "feedback.csv"));
        assertFalse(a.contains("BBB2"), "AAA1's feedback names BBB2");
        assertFalse(b.contains("AAA1"), "BBB2's feedback names AAA1");
        assertFalse(a.contains("R$1") || b.contains("R$1"), "the row of no provider is in nobody's feedback");
        assertTrue(a.contains("HNA_CONCERN_SCORE_TYPE") && !a.contains("HNA_NHS_NUMBER_VALID"), a);
        assertTrue(b.contains("HNA_NHS_NUMBER_VALID") && !b.contains("HNA_CONCERN_SCORE_TYPE"), b);
        // their own rows only: AAA1 sent three HNA rows (one refused) and two returns (one refused)
        List<CSVRecord> rows = csv(feedback("AAA1", "feedback.csv"));
        assertEquals("2", value(rows, "file", "hna_concerns", "rows_accepted"));
        assertEquals("1", value(rows, "file", "hna_concerns", "rows_quarantined"));
        assertEquals("1", value(rows, "file", "provider_returns", "rows_accepted"));
        CSVRecord bad = rows.stream()
                .filter(r -> r.get("section").equals("quarantined_row")
                        && r.get("source").equals("hna_concerns"))
                .findFirst()
                .orElseThrow();
        assertEquals("3", bad.get("row_number"), "as in the file, the header being row 1");
        assertEquals("'" + HNA_FILE, bad.get("file_name"), "a name Excel would run as a formula is neutralised");
        List<CSVRecord> theirs = csv(feedback("BBB2", "feedback.csv"));
        assertEquals("1", value(theirs, "file", "hna_concerns", "rows_accepted"));
        assertEquals(
                "6",
                theirs.stream()
                        .filter(r -> r.get("section").equals("quarantined_row"))
                        .findFirst()
                        .orElseThrow()
                        .get("row_number"));
        assertTrue(theirs.stream().noneMatch(r -> r.get("source").equals("provider_returns")));
    }

    static String value(List<CSVRecord> rows, String section, String source, String measure) {
        return rows.stream()
                .filter(r -> r.get("section").equals(section)
                        && r.get("source").equals(source)
                        && r.get("measure").equals(measure))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + section + " " + source + " " + measure + " in " + rows))
                .get("value");
    }

    @Test
    void theFeedbackReportsCompletenessTimelinessAndEscapesWhatTheDataSays() throws IOException {
        String html = read(feedback("AAA1", "feedback.html"));
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"), "the refused value is shown escaped");
        assertFalse(html.contains("<b>x</b>"));
        assertTrue(html.contains("This is your first delivery."), html);
        List<CSVRecord> rows = csv(feedback("AAA1", "feedback.csv"));
        // of AAA1's two accepted HNA rows, one names a London borough of residence, one who it was referred to
        assertEquals("50", value(rows, "completeness", "hna_concerns", "residence_borough_code_complete_pct"));
        assertEquals("50", value(rows, "completeness", "hna_concerns", "referred_to_complete_pct"));
        assertEquals("100", value(rows, "completeness", "provider_returns", "median_wait_days_complete_pct"));
        // 2025-Q1 was due on 2025-05-15 and first seen when this test ran
        CSVRecord late = rows.stream()
                .filter(r -> r.get("section").equals("schedule"))
                .findFirst()
                .orElseThrow();
        assertEquals("late", late.get("measure"));
        assertEquals("2025-Q1", late.get("period"));
        assertTrue(read(feedback("BBB2", "feedback.html")).contains("None: every return due so far"));
    }

    @Test
    void whatNoSupplierCanBeGivenIsListedForTheProgrammeTeam() throws IOException {
        Path dir = suppliers.resolve(SupplierFeedback.PROGRAMME).resolve(AS_OF.toString());
        List<CSVRecord> rows = csv(dir.resolve("unattributed.csv"));
        CSVRecord rejected = rows.stream()
                .filter(r -> r.get("file_name").equals("old_template.csv"))
                .findFirst()
                .orElseThrow();
        assertEquals("rejected", rejected.get("value"));
        assertTrue(rejected.get("note").contains("wte_in_post"), rejected.get("note"));
        CSVRecord orphan = rows.stream()
                .filter(r -> r.get("section").equals("rows_without_provider"))
                .findFirst()
                .orElseThrow();
        assertEquals("1", orphan.get("value"));
        for (String p : List.of("AAA1", "BBB2")) {
            assertFalse(read(feedback(p, "feedback.html")).contains("old_template"), p);
        }
        assertTrue(read(dir.resolve("unattributed.html")).contains("old_template.csv"));
    }

    @Test
    void noNhsNumberReachesAnyFeedback() throws IOException {
        List<String> found = IdentifierScan.findings(suppliers, nhs, SharedSpark.session());
        assertEquals(List.of(), found);
        // and the scan would see one: it is not looking at an empty folder
        assertTrue(IdentifierScan.findings(ws.resolve("landing"), nhs, SharedSpark.session())
                        .size()
                >= nhs.size());
    }

    @Test
    void goldDataQualityIsWrittenByTheRun() {
        Lake lake = TestRuns.lake(ws);
        var rows = lake.read(DataQuality.TABLE);
        assertEquals(Set.of("AAA1", "BBB2"), distinct(rows, "provider_code"));
        assertEquals(
                1,
                rows.filter(col("provider_code")
                                .equalTo("AAA1")
                                .and(col("source").equalTo("provider_returns"))
                                .and(col("period").equalTo("2025-Q1"))
                                .and(col("timeliness").equalTo("late"))
                                .and(col("rows_accepted").equalTo(1))
                                .and(col("rows_quarantined").equalTo(1)))
                        .count());
    }

    @Test
    void aLaterReadTakesTheStoredProfilesAndFindsWhatAFreshReadFinds() throws IOException {
        Lake lake = TestRuns.lake(ws);
        var sources = org.rehabmap.contracts.Contracts.load(
                        SharedSpark.projectHome().resolve("data-contracts"))
                .sources();
        // the run's publish stored the finished files: both delivered files with provider codes, one row per code
        var stored = lake.read(DeliveryProfiles.TABLE);
        assertEquals(Set.of("hna_concerns", "provider_returns"), distinct(stored, "source"));
        long version = lake.version(DeliveryProfiles.TABLE);

        Deliveries again = Deliveries.read(lake, sources, "a-later-run");
        assertEquals(version, lake.version(DeliveryProfiles.TABLE), "nothing new to store, so no commit");

        // the same lake without the stored profiles: everything read from bronze and the quarantine
        Path fresh = ws.resolve("fresh-lake");
        org.apache.commons.io.FileUtils.copyDirectory(Path.of(lake.root()).toFile(), fresh.toFile());
        org.apache.commons.io.FileUtils.deleteDirectory(
                fresh.resolve("audit").resolve("delivery_profile").toFile());
        Deliveries read = Deliveries.read(new Lake(SharedSpark.session(), fresh.toString()), sources, null);
        assertFalse(again.providerFiles().isEmpty());
        assertFalse(again.badRows().isEmpty(), "the bad rows come back from the store too");
        assertEquals(read, again);
    }
}
