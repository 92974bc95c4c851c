package org.rehabmap.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.config.Settings;
import org.rehabmap.gold.Geography;
import org.rehabmap.lake.Lake;
import org.rehabmap.stats.Comparison;
import org.rehabmap.stats.ConfidenceIntervals;
import org.rehabmap.stats.ConfidenceLevel;
import org.rehabmap.stats.Interval;
import org.rehabmap.stats.Polarity;
import org.rehabmap.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small gold tables in the published shape, built to trip every rule the publisher enforces:
 * a borough count of 3 (primary suppression) whose STP siblings must give one up (secondary),
 * a 0 that must show, a tiny denominator, an area describing 5 people (row gate), a count that
 * gold already suppressed, WTE figures under 8 that are not people, and text that a spreadsheet
 * would run as a formula. Values are otherwise plausible so the report looks like the real thing.
 */
public final class SampleGold {
    public static final String PEOPLE = "hna_unaddressed_high_distress_pct";
    public static final String WTE = "specialist_ahp_wte_per_100k";
    public static final String MULTI = "multimorbidity_pct";
    public static final String INDEX = "unmet_need_index";
    /** City of London: 3 of 40 assessments (primary suppression). */
    public static final String SMALL = "E09000001";
    /** Bexley: 0 of 50 (shown). */
    public static final String ZERO = "E09000004";
    /** Brent: multimorbidity 2 of 7 (both suppressed). */
    public static final String TINY = "E09000005";
    /** Camden: gold already suppressed its numerator. */
    public static final String UPSTREAM = "E09000007";

    public static final List<String> FORMULAS = List.of(
            "=HYPERLINK(\"http://example.invalid\",\"click\")",
            "+SUM(A1:A9)",
            "-2+3",
            "@SUM(1)",
            "\tleading tab",
            "\rleading return");

    private SampleGold() {}

    private static Path sharedLake;

    /**
     * The fixture tables written once per test JVM (Delta writes are the slow part); tests read them
     * and publish from them into their own workspaces.
     */
    public static synchronized Path sharedLake() {
        if (sharedLake == null) {
            Path lake = SharedSpark.newWorkspace("sample-gold").resolve("lake");
            write(new Lake(SharedSpark.session(), lake.toString()), true);
            sharedLake = lake;
        }
        return sharedLake;
    }

    /** Test settings: the shared fixture lake; extracts and fixture contracts in the workspace; warehouse as given ("" = none). */
    public static Settings settings(Path ws, String warehouseUrl, String user, String password) throws IOException {
        return settings(ws, sharedLake(), warehouseUrl, user, password);
    }

    public static Settings settings(Path ws, Path lake, String warehouseUrl, String user, String password)
            throws IOException {
        Path contracts = ws.resolve("contracts/gold");
        Files.createDirectories(contracts);
        try (var s = Files.list(SharedSpark.projectHome().resolve("jobs/src/test/resources/publish/contracts/gold"))) {
            for (Path f : s.toList()) {
                Files.copy(f, contracts.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<String, Object> o = new HashMap<>();
        o.put("rehabmap.paths.lake", lake.toString());
        o.put("rehabmap.paths.landing", ws.resolve("landing").toString());
        o.put("rehabmap.paths.extracts", ws.resolve("extracts").toString());
        o.put("rehabmap.paths.contracts", ws.resolve("contracts").toString());
        o.put("rehabmap.warehouse.url", warehouseUrl);
        o.put("rehabmap.warehouse.user", user);
        o.put("rehabmap.warehouse.password", password);
        Settings base = Settings.load(SharedSpark.projectHome(), "test", o);
        if (!base.has("indicators")) {
            o.put("rehabmap.indicators", catalogue());
        }
        return Settings.load(SharedSpark.projectHome(), "test", o);
    }

    static List<Map<String, Object>> catalogue() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(indicator(
                WTE,
                "Specialist cancer AHP workforce per 100,000 population",
                "WTE per 100,000 population",
                "high_is_good",
                "workforce",
                false));
        out.add(indicator(
                PEOPLE,
                "Assessments with a high-distress concern left without action",
                "%",
                "low_is_good",
                "hna_assessments",
                true));
        out.add(indicator(
                MULTI,
                "People living with cancer with two or more other long-term conditions",
                "%",
                "no_judgement",
                "comorbidity",
                true));
        out.add(indicator(
                INDEX,
                "Unmet-need index (London = 100)",
                "index, London = 100",
                "low_is_good",
                "unmet_need_index",
                false));
        return out;
    }

    private static Map<String, Object> indicator(
            String id, String title, String unit, String polarity, String kind, boolean disclosure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("unit", unit);
        m.put("polarity", polarity);
        m.put("kind", kind);
        m.put("disclosure", disclosure);
        return m;
    }

    public static final String LONDON = "E12000007";

    public static Geography areas() {
        return Geography.load(
                SharedSpark.projectHome().resolve("data/reference/london_boroughs.csv"), LONDON, "London");
    }

    /** London, then every area below it in lookup order (alliances, STPs, boroughs). */
    static List<Geography.Area> all(Geography areas) {
        List<Geography.Area> out = new ArrayList<>();
        out.add(areas.area(areas.londonCode()));
        out.addAll(areas.within(areas.londonCode()));
        return out;
    }

    /** Writes the four fixture tables into the lake. */
    public static void write(Lake lake, boolean withModel) {
        SparkSession spark = lake.spark();
        Geography areas = areas();
        save(lake, "gold.benchmarks", spark.createDataFrame(benchmarks(areas), benchmarkSchema()));
        save(lake, "gold.unmet_need", spark.createDataFrame(unmetNeed(areas), unmetSchema()));
        save(lake, "gold.inequalities", spark.createDataFrame(inequalities(areas), inequalitiesSchema()));
        List<Row> wf = new ArrayList<>();
        for (Geography.Area a : all(areas)) {
            int i = 0;
            for (String p : List.of("physiotherapist", "occupational_therapist", "dietitian")) {
                wf.add(RowFactory.create(a.code(), a.name(), p, 2.5 + (a.code().hashCode() & 7) + i++));
            }
        }
        save(
                lake,
                "gold.workforce_ratios",
                spark.createDataFrame(
                        wf,
                        new StructType()
                                .add("area_code", DataTypes.StringType)
                                .add("area_name", DataTypes.StringType)
                                .add("profession", DataTypes.StringType)
                                .add("wte_in_post", DataTypes.DoubleType)));
        if (withModel) {
            List<Row> m = new ArrayList<>();
            for (Geography.Area a : all(areas)) {
                if (a.level().equals("borough") || a.level().equals("stp")) {
                    continue;
                }
                int k = 1;
                for (String p : List.of(
                        "physiotherapist", "occupational_therapist", "dietitian", "speech_and_language_therapist")) {
                    for (String sc : List.of("baseline", "vacancies_filled")) {
                        for (int y : List.of(2025, 2030)) {
                            double req = 20.0 * k + (y - 2025) * 1.5;
                            double avail = 16.0 * k + (k == 3 ? 30 : 0) + (sc.equals("baseline") ? 0 : 3);
                            m.add(RowFactory.create(a.code(), p, sc, y, req, avail, req - avail));
                        }
                    }
                    k++;
                }
            }
            save(
                    lake,
                    "gold.workforce_model",
                    spark.createDataFrame(
                            m,
                            new StructType()
                                    .add("area_code", DataTypes.StringType)
                                    .add("profession", DataTypes.StringType)
                                    .add("scenario", DataTypes.StringType)
                                    .add("year", DataTypes.IntegerType)
                                    .add("required_wte", DataTypes.DoubleType)
                                    .add("available_wte", DataTypes.DoubleType)
                                    .add("gap_wte", DataTypes.DoubleType)));
        }
    }

    /**
     * gold.inequalities for every area (2024-25, the people indicator): sex and deprivation quintiles 1–5 with
     * the quintile 1 − 5 gap above borough level; quintile 1 is higher than the area, quintile 5 lower.
     */
    static List<Row> inequalities(Geography areas) {
        List<Row> out = new ArrayList<>();
        for (Geography.Area a : all(areas)) {
            double whole = 30.0;
            List<Object[]> groups = new ArrayList<>();
            groups.add(new Object[] {"sex", "female", "Female", 60L, 200L, "similar"});
            groups.add(new Object[] {"sex", "male", "Male", 54L, 180L, "similar"});
            if (!a.level().equals("borough")) {
                for (int q = 1; q <= 5; q++) {
                    long n = 100;
                    long x = 50 - 7L * q; // 43 … 15
                    String sig = q == 1 ? "higher" : q == 5 ? "lower" : "similar";
                    groups.add(new Object[] {"deprivation_quintile", Integer.toString(q), "Quintile " + q, x, n, sig});
                }
            }
            for (Object[] g : groups) {
                long x = (Long) g[3];
                long n = (Long) g[4];
                double v = 100.0 * x / n;
                out.add(RowFactory.create(
                        PEOPLE, "2024-25", a.level(), a.code(), a.name(), g[0], g[1], g[2], x, n, v, v - 9, v + 9,
                        v - 13, v + 13, whole, g[5], false, null));
            }
            if (!a.level().equals("borough")) {
                out.add(RowFactory.create(
                        PEOPLE,
                        "2024-25",
                        a.level(),
                        a.code(),
                        a.name(),
                        "deprivation_quintile",
                        "gap_q1_q5",
                        "Gap: quintile 1 minus quintile 5",
                        null,
                        null,
                        28.0,
                        15.0,
                        40.0,
                        10.0,
                        44.0,
                        null,
                        "higher",
                        false,
                        null));
            }
        }
        return out;
    }

    static StructType inequalitiesSchema() {
        return new StructType()
                .add("indicator_id", DataTypes.StringType)
                .add("period", DataTypes.StringType)
                .add("area_level", DataTypes.StringType)
                .add("area_code", DataTypes.StringType)
                .add("area_name", DataTypes.StringType)
                .add("breakdown", DataTypes.StringType)
                .add("breakdown_code", DataTypes.StringType)
                .add("breakdown_label", DataTypes.StringType)
                .add("numerator", DataTypes.LongType)
                .add("denominator", DataTypes.LongType)
                .add("value", DataTypes.DoubleType)
                .add("lower_ci95", DataTypes.DoubleType)
                .add("upper_ci95", DataTypes.DoubleType)
                .add("lower_ci998", DataTypes.DoubleType)
                .add("upper_ci998", DataTypes.DoubleType)
                .add("area_value", DataTypes.DoubleType)
                .add("significance", DataTypes.StringType)
                .add("suppressed", DataTypes.BooleanType)
                .add("note", DataTypes.StringType);
    }

    private static void save(Lake lake, String name, org.apache.spark.sql.Dataset<Row> df) {
        df.coalesce(1)
                .write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .save(lake.path(name));
    }

    static StructType benchmarkSchema() {
        return new StructType()
                .add("indicator_id", DataTypes.StringType)
                .add("period", DataTypes.StringType)
                .add("area_level", DataTypes.StringType)
                .add("area_code", DataTypes.StringType)
                .add("area_name", DataTypes.StringType)
                .add("numerator", DataTypes.DoubleType)
                .add("denominator", DataTypes.DoubleType)
                .add("value", DataTypes.DoubleType)
                .add("lower_ci95", DataTypes.DoubleType)
                .add("upper_ci95", DataTypes.DoubleType)
                .add("london_value", DataTypes.DoubleType)
                .add("significance", DataTypes.StringType)
                .add("rank", DataTypes.IntegerType)
                .add("suppressed", DataTypes.BooleanType)
                .add("note", DataTypes.StringType);
    }

    /** Borough counts rolled up to STP, alliance and London, with statistics from org.rehabmap.stats. */
    static List<Row> benchmarks(Geography areas) {
        List<Row> out = new ArrayList<>();
        for (String period : List.of("2023-24", "2024-25")) {
            for (String ind : List.of(WTE, PEOPLE, MULTI)) {
                Map<String, double[]> counts = new LinkedHashMap<>();
                int i = 0;
                for (Geography.Area b : areas.ofLevel("borough")) {
                    i++;
                    double num;
                    double den;
                    if (ind.equals(WTE)) {
                        num = 1.5 + (i % 6) * 0.9;
                        den = 150_000 + i * 7_000;
                    } else if (ind.equals(PEOPLE)) {
                        den = 80 + (i * 37) % 220;
                        num = Math.round(den * (0.09 + (i % 7) * 0.025));
                        if (b.code().equals(SMALL)) {
                            num = 3;
                            den = 40;
                        }
                        if (b.code().equals(ZERO)) {
                            num = 0;
                            den = 50;
                        }
                        if (period.equals("2023-24")) {
                            num = Math.max(0, num - 2);
                        }
                    } else {
                        den = 900 + (i * 131) % 1500;
                        num = Math.round(den * (0.33 + (i % 5) * 0.02));
                        if (b.code().equals(TINY)) {
                            num = 2;
                            den = 7;
                        }
                    }
                    counts.put(b.code(), new double[] {num, den});
                }
                for (String level : List.of("stp", "alliance", "london")) {
                    for (Geography.Area a : areas.ofLevel(level)) {
                        double n = 0;
                        double d = 0;
                        for (Geography.Area c : areas.within(a.code())) {
                            if (c.level().equals("borough")) {
                                n += counts.get(c.code())[0];
                                d += counts.get(c.code())[1];
                            }
                        }
                        counts.put(a.code(), new double[] {n, d});
                    }
                }
                double[] ldn = counts.get(LONDON);
                double mult = ind.equals(WTE) ? 100_000 : 100;
                double london = ldn[0] / ldn[1] * mult;
                Polarity pol = ind.equals(PEOPLE) ? Polarity.LOW_IS_GOOD : Polarity.NO_JUDGEMENT;
                for (Geography.Area a : all(areas)) {
                    double[] c = counts.get(a.code());
                    double v = c[0] / c[1] * mult;
                    Double lo = null;
                    Double up = null;
                    String sig = "not_compared";
                    if (!ind.equals(WTE)) {
                        Interval ci = ConfidenceIntervals.wilson((long) c[0], (long) c[1], ConfidenceLevel.P95);
                        lo = ci.lower() * 100;
                        up = ci.upper() * 100;
                        if (!a.level().equals("london")) {
                            sig = Comparison.compare(lo, up, london, pol);
                        }
                    }
                    boolean upstream = a.code().equals(UPSTREAM) && ind.equals(PEOPLE);
                    String note = null;
                    if (a.level().equals("borough")) {
                        int k = Math.abs(a.code().hashCode()) % 9;
                        if (k < FORMULAS.size()) {
                            note = FORMULAS.get(k);
                        }
                    }
                    if (upstream) {
                        note = "suppressed upstream";
                    }
                    out.add(RowFactory.create(
                            ind,
                            period,
                            a.level(),
                            a.code(),
                            a.name(),
                            upstream ? null : c[0],
                            upstream ? null : c[1],
                            upstream ? null : v,
                            upstream ? null : lo,
                            upstream ? null : up,
                            london,
                            upstream ? "not_compared" : sig,
                            null,
                            upstream,
                            note));
                }
            }
        }
        // the unmet-need index: no counts, no interval
        int i = 0;
        for (Geography.Area a : all(areas)) {
            double v = a.level().equals("london") ? 100 : 70 + (i++ * 17) % 65;
            out.add(RowFactory.create(
                    INDEX,
                    "2024-25",
                    a.level(),
                    a.code(),
                    a.name(),
                    null,
                    null,
                    v,
                    null,
                    null,
                    100.0,
                    "not_compared",
                    null,
                    false,
                    null));
        }
        return out;
    }

    static StructType unmetSchema() {
        return new StructType()
                .add("period", DataTypes.StringType)
                .add("area_level", DataTypes.StringType)
                .add("area_code", DataTypes.StringType)
                .add("area_name", DataTypes.StringType)
                .add("breakdown", DataTypes.StringType)
                .add("breakdown_label", DataTypes.StringType)
                .add("assessments", DataTypes.LongType)
                .add("concerns", DataTypes.LongType)
                .add("declined_concerns", DataTypes.LongType)
                .add("declined_pct", DataTypes.DoubleType);
    }

    /** Ealing (E09000009) describes 5 people; Enfield (E09000010)'s Emotional domain has 4 declined concerns. */
    static List<Row> unmetNeed(Geography areas) {
        List<Row> out = new ArrayList<>();
        int i = 0;
        for (Geography.Area a : all(areas)) {
            i++;
            long assessments = a.code().equals("E09000009") ? 5 : 200 + i * 3;
            long[][] domains = {{assessments * 2, 30}, {assessments, 20 + i % 5}, {assessments / 2, 12}};
            if (a.code().equals("E09000010")) {
                domains[1][1] = 4;
            }
            long concerns = 0;
            long declined = 0;
            for (long[] d : domains) {
                concerns += d[0];
                declined += d[1];
            }
            out.add(RowFactory.create(
                    "2024-25",
                    a.level(),
                    a.code(),
                    a.name(),
                    "all",
                    "All concerns",
                    assessments,
                    concerns,
                    declined,
                    100.0 * declined / concerns));
            String[] labels = {"Physical", "Emotional", i == 3 ? FORMULAS.get(0) : "Practical"};
            for (int d = 0; d < 3; d++) {
                out.add(RowFactory.create(
                        "2024-25",
                        a.level(),
                        a.code(),
                        a.name(),
                        "domain",
                        labels[d],
                        assessments,
                        domains[d][0],
                        domains[d][1],
                        100.0 * domains[d][1] / domains[d][0]));
            }
        }
        return out;
    }
}
