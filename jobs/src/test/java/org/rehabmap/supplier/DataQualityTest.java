package org.rehabmap.supplier;

import com.typesafe.config.ConfigFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.audit.FileLedger;
import org.rehabmap.audit.Quarantine;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.contracts.OutputCheck;
import org.rehabmap.testing.SharedSpark;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gold.data_quality from tiny audit and silver frames: counts, completeness, timeliness, missing returns. */
@ExtendWith(SharedSpark.class)
class DataQualityTest {
    static final LocalDate AS_OF = LocalDate.parse("2025-03-01");
    static Contracts contracts;
    static GoldContract out;
    static Dataset<Row> dq;
    static Map<String, Row> byKey = new HashMap<>();

    static Schedule schedule() {
        return Schedule.from(
                ConfigFactory.parseString(
                        "provider_returns { period-column = return_period, frequency = quarterly, due-days = 45 }\n"
                                + "workforce_survey { period-column = survey_date, frequency = annual, due-days = 60 }\n"
                                + "hna_concerns { period-column = assessment_date, frequency = quarterly }"),
                contracts.sources());
    }

    static Row ledger(String sha, String source, String status, long seq, String day) {
        return RowFactory.create(
                sha + ".csv",
                "/landing/" + sha + ".csv",
                source,
                sha,
                10L,
                "csv",
                status,
                null,
                1L,
                1L,
                0L,
                null,
                "run",
                seq,
                Timestamp.valueOf(day + " 09:00:00"),
                null);
    }

    static Row quarantined(String source, String sha, long rowNumber, Map<String, String> row) {
        return RowFactory.create(
                source,
                sha + ".csv",
                sha,
                rowNumber,
                "R",
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("R")).toSeq(),
                "reason",
                scala.jdk.javaapi.CollectionConverters.asScala(row),
                "run");
    }

    static scala.collection.immutable.Seq<String> list(String... items) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(items)).toList();
    }

    @BeforeAll
    static void build() {
        SparkSession spark = SharedSpark.session();
        contracts = Contracts.load(Settings.home().resolve("data-contracts"));
        out = contracts.gold(DataQuality.TABLE);
        Dataset<Row> ledger = spark.createDataFrame(
                List.of(
                        ledger("a", "provider_returns", FileLedger.CONFORMED, 1, "2024-08-01"),
                        ledger("b", "provider_returns", FileLedger.CONFORMED, 2, "2024-12-01"),
                        // the same bytes again: not a delivery of its own
                        ledger("b", "provider_returns", FileLedger.DUPLICATE, 3, "2025-01-05"),
                        ledger("c", "hna_concerns", FileLedger.CONFORMED, 4, "2024-07-10"),
                        ledger("d", "workforce_survey", FileLedger.REJECTED, 5, "2024-07-10")),
                FileLedger.SCHEMA);
        Dataset<Row> quarantine = spark.createDataFrame(
                List.of(
                        quarantined(
                                "provider_returns",
                                "a",
                                4,
                                Map.of("provider_code", " aaa1 ", "return_period", "2024-Q2")),
                        // not an ODS code: nobody's row
                        quarantined(
                                "provider_returns", "a", 5, Map.of("provider_code", "R$1", "return_period", "2024-Q2")),
                        quarantined(
                                "provider_returns",
                                "b",
                                2,
                                Map.of("provider_code", "BBB2", "return_period", "Q3 2024"))),
                Quarantine.SCHEMA);
        StructType service = new StructType()
                .add("provider_code", DataTypes.StringType)
                .add("return_period", DataTypes.StringType)
                .add("referral_routes", DataTypes.createArrayType(DataTypes.StringType))
                .add("funding_end_date", DataTypes.DateType)
                .add("referrals_received", DataTypes.IntegerType)
                .add("patients_seen", DataTypes.IntegerType)
                .add("median_wait_days", DataTypes.IntegerType)
                .add("_file_seq", DataTypes.LongType);
        Dataset<Row> services = spark.createDataFrame(
                List.of(
                        RowFactory.create("AAA1", "2024-Q2", list("gp", "cns"), null, 3, 5, 10, 1L),
                        RowFactory.create("AAA1", "2024-Q2", null, null, 3, null, 12, 1L),
                        RowFactory.create("BBB2", "2024-Q3", list(), Date.valueOf("2026-03-31"), 1, 1, 1, 2L)),
                service);
        StructType hnaSchema = new StructType()
                .add("provider_code", DataTypes.StringType)
                .add("assessment_date", DataTypes.DateType)
                .add("residence_borough_code", DataTypes.StringType)
                .add("referred_to", DataTypes.StringType)
                .add("_file_seq", DataTypes.LongType);
        Dataset<Row> hna = spark.createDataFrame(
                List.of(
                        RowFactory.create("AAA1", Date.valueOf("2024-05-02"), "unknown", null, 4L),
                        RowFactory.create("AAA1", Date.valueOf("2024-05-03"), "E09000001", "gp", 4L)),
                hnaSchema);
        dq = DataQuality.build(
                        ledger,
                        quarantine,
                        Map.of("provider_returns", services, "hna_concerns", hna),
                        contracts.sources(),
                        schedule(),
                        AS_OF,
                        out)
                .cache();
        for (Row r : dq.collectAsList()) {
            byKey.put(r.getAs("provider_code") + " " + r.getAs("source") + " " + r.getAs("period"), r);
        }
    }

    static Row row(String key) {
        Row r = byKey.get(key);
        if (r == null) {
            throw new AssertionError("no row " + key + " in " + byKey.keySet());
        }
        return r;
    }

    @Test
    void theTableKeepsItsContract() {
        assertEquals(out.columnNames(), List.of(dq.columns()));
        assertEquals(List.of(), OutputCheck.violations(out, dq));
        assertEquals(
                java.util.Set.of(
                        "AAA1 provider_returns 2024-Q2",
                        "AAA1 provider_returns 2024-Q3",
                        "AAA1 provider_returns 2024-Q4",
                        "BBB2 provider_returns 2024-Q3",
                        "BBB2 provider_returns 2024-Q4",
                        "BBB2 provider_returns unknown",
                        "AAA1 hna_concerns 2024-Q2"),
                byKey.keySet(),
                "R$1 names no provider; nothing of the rejected workforce file");
    }

    @Test
    void countsRowsAcceptedAndQuarantinedAndCompleteness() {
        Row a = row("AAA1 provider_returns 2024-Q2");
        assertEquals(2L, (long) a.<Long>getAs("rows_accepted"));
        assertEquals(1L, (long) a.<Long>getAs("rows_quarantined"), "' aaa1 ' is AAA1");
        assertEquals(33.3, a.<Double>getAs("quarantined_pct"));
        assertEquals(1, (int) a.<Integer>getAs("files"));
        assertEquals(50.0, a.<Double>getAs("referral_routes_complete_pct"));
        assertEquals(50.0, a.<Double>getAs("patients_seen_complete_pct"));
        assertEquals(100.0, a.<Double>getAs("median_wait_days_complete_pct"));
        assertEquals(0.0, a.<Double>getAs("funding_end_date_complete_pct"));
        assertNull(a.getAs("referred_to_complete_pct"), "not a column of provider returns");
        // an empty list is not a referral route
        assertEquals(0.0, row("BBB2 provider_returns 2024-Q3").<Double>getAs("referral_routes_complete_pct"));
        Row h = row("AAA1 hna_concerns 2024-Q2");
        assertEquals(50.0, h.<Double>getAs("residence_borough_code_complete_pct"), "'unknown' is not a borough");
        assertEquals(50.0, h.<Double>getAs("referred_to_complete_pct"));
        assertNull(h.getAs("referral_routes_complete_pct"));
    }

    @Test
    void judgesEachReturnAgainstItsDueDate() {
        Row onTime = row("AAA1 provider_returns 2024-Q2");
        assertEquals(DataQuality.ON_TIME, onTime.getAs("timeliness"));
        assertEquals(Date.valueOf("2024-08-14"), onTime.getAs("due_date"));
        assertEquals(Date.valueOf("2024-08-01"), onTime.getAs("first_received"));
        assertNull(onTime.getAs("days_overdue"));
        Row late = row("BBB2 provider_returns 2024-Q3");
        assertEquals(DataQuality.LATE, late.getAs("timeliness"));
        assertEquals(17, (int) late.<Integer>getAs("days_overdue"));
        assertEquals(Date.valueOf("2024-12-01"), late.getAs("last_received"), "the duplicate is no delivery");
        Row missing = row("AAA1 provider_returns 2024-Q3");
        assertEquals(DataQuality.MISSING, missing.getAs("timeliness"));
        assertEquals(0, (int) missing.<Integer>getAs("files"));
        assertEquals(0L, (long) missing.<Long>getAs("rows_accepted"));
        assertNull(missing.getAs("quarantined_pct"));
        assertEquals(107, (int) missing.<Integer>getAs("days_overdue"), "2024-11-14 to 2025-03-01");
        assertEquals(DataQuality.MISSING, row("AAA1 provider_returns 2024-Q4").getAs("timeliness"), "due 2025-02-14");
        assertEquals(
                DataQuality.UNKNOWN_PERIOD, row("BBB2 provider_returns unknown").getAs("timeliness"));
        assertEquals(DataQuality.NOT_SCHEDULED, row("AAA1 hna_concerns 2024-Q2").getAs("timeliness"));
        assertNull(row("AAA1 hna_concerns 2024-Q2").getAs("due_date"));
    }

    @Test
    void periodsAreCountedOutByTheirIndex() {
        assertEquals("2024-Q3", Frequency.QUARTERLY.label(Frequency.QUARTERLY.index(LocalDate.parse("2024-09-30"))));
        assertEquals(LocalDate.parse("2024-12-31"), Frequency.QUARTERLY.end(2024 * 4 + 3));
        assertEquals("2024-25", Frequency.ANNUAL.label(Frequency.ANNUAL.index(LocalDate.parse("2025-03-31"))));
        assertEquals(LocalDate.parse("2025-03-31"), Frequency.ANNUAL.end(2024));
        assertEquals(2024 * 4 + 3, Frequency.QUARTERLY.lastDue(AS_OF, 45));
        assertEquals(2024 * 4 + 2, Frequency.QUARTERLY.lastDue(LocalDate.parse("2025-02-13"), 45));
        assertEquals(2023, Frequency.ANNUAL.lastDue(LocalDate.parse("2025-05-29"), 60));
        assertEquals(2024, Frequency.ANNUAL.lastDue(LocalDate.parse("2025-05-30"), 60));
    }

    @Test
    void aScheduleThatCannotBeFollowedIsAConfigurationError() {
        ConfigError noColumn = assertThrows(
                ConfigError.class,
                () -> Schedule.from(
                        ConfigFactory.parseString(
                                "provider_returns { period-column = period, frequency = quarterly, due-days = 45 }"),
                        contracts.sources()));
        assertTrue(noColumn.getMessage().contains("unknown column period"), noColumn.getMessage());
        ConfigError noProvider = assertThrows(
                ConfigError.class,
                () -> Schedule.from(
                        ConfigFactory.parseString("comorbidity { period-column = extract_date, frequency = annual }"),
                        contracts.sources()));
        assertTrue(noProvider.getMessage().contains("no provider_code"), noProvider.getMessage());
        ConfigError badFrequency = assertThrows(
                ConfigError.class,
                () -> Schedule.from(
                        ConfigFactory.parseString(
                                "hna_concerns { period-column = assessment_date, frequency = monthly }"),
                        contracts.sources()));
        assertTrue(badFrequency.getMessage().contains("quarterly or annual"), badFrequency.getMessage());
    }
}
