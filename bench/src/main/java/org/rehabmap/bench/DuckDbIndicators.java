package org.rehabmap.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.rehabmap.ingest.FileRejected;
import org.rehabmap.ingest.ParsedTable;
import org.rehabmap.ingest.XlsxTableReader;
import org.rehabmap.stats.ConfidenceLevel;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's DuckDB baseline: the two key indicators of METHODS.md computed straight from
 * the landing files with DuckDB (JDBC, in process), by the same rules rehabmap applies on the way,
 * so the two can be checked against each other:
 * <ul>
 *   <li>{@code hna_unaddressed_high_distress_pct}: of distinct assessments in the financial year,
 *   % with at least one concern scored ≥ the high-distress threshold whose action is no_action;
 *   Wilson limits; an unknown residence counts only towards London;</li>
 *   <li>{@code specialist_ahp_wte_per_100k}: Σ wte_in_post of cancer-specialist rows (rehab
 *   support workers excluded) shared to boroughs by Census 2021 population, per 100,000 residents;
 *   the position at each survey date is every provider's latest survey on or before it.</li>
 * </ul>
 * Rows that break the landing contracts (the ones rehabmap quarantines) are left out, and of rows
 * with the same key the later file wins, as in silver. DuckDB has no offline Excel reader, so
 * .xlsx deliveries are first turned into CSV with rehabmap's own reader (timed with the rest).
 *
 * <p>Usage: {@code DuckDbIndicators --landing DIR --reference DIR --as-of YYYY-MM-DD --out FILE
 * [--high-distress 7] [--london E12000007] [--threads N]}. Writes one CSV row per indicator ×
 * period × area (levels borough, stp, alliance, london).
 */
public final class DuckDbIndicators {
    static final String HNA = "hna_unaddressed_high_distress_pct";
    static final String WTE = "specialist_ahp_wte_per_100k";

    static final List<String> HNA_COLUMNS = List.of(
            "assessment_id",
            "nhs_number",
            "assessment_date",
            "provider_code",
            "residence_borough_code",
            "age_band",
            "sex",
            "tumour_group",
            "pathway_point",
            "concern_code",
            "concern_score",
            "action",
            "referred_to");
    static final List<String> WF_COLUMNS = List.of(
            "survey_date",
            "provider_code",
            "service_id",
            "borough_codes",
            "profession",
            "afc_band",
            "cancer_specialist",
            "wte_funded",
            "wte_in_post",
            "cancer_caseload_pct");
    /** Columns a delivery may leave out (the contracts' required: false). */
    static final List<String> HNA_OPTIONAL = List.of("residence_borough_code", "referred_to");

    static final List<String> WF_OPTIONAL = List.of("service_id", "cancer_caseload_pct");

    private DuckDbIndicators() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Path landing = Path.of(Args.required(a, "landing"));
        Path reference = Path.of(Args.required(a, "reference"));
        LocalDate asOf = LocalDate.parse(Args.required(a, "as-of"));
        Path out = Path.of(Args.required(a, "out"));
        int highDistress = Integer.parseInt(a.getOrDefault("high-distress", "7"));
        String london = a.getOrDefault("london", "E12000007");
        long t0 = System.nanoTime();
        Path scratch = Files.createTempDirectory("duckdb-bench");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            if (a.containsKey("threads")) {
                s.execute("SET threads = " + Integer.parseInt(a.get("threads")));
            }
            s.execute("SET preserve_insertion_order = true");
            loadReference(s, reference, london);
            long hnaRows =
                    load(s, "hna_raw", HNA_COLUMNS, HNA_OPTIONAL, LandingFiles.of(landing, "hna_concerns"), scratch);
            long wfRows =
                    load(s, "wf_raw", WF_COLUMNS, WF_OPTIONAL, LandingFiles.of(landing, "workforce_survey"), scratch);
            List<String[]> rows = new ArrayList<>();
            rows.addAll(hnaIndicator(s, asOf, highDistress));
            rows.addAll(wteIndicator(s));
            write(out, rows);
            System.err.printf(
                    "duckdb: %d HNA and %d workforce rows read, %d indicator rows in %.2f s%n",
                    hnaRows, wfRows, rows.size(), (System.nanoTime() - t0) / 1e9);
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    static void loadReference(Statement s, Path ref, String london) throws SQLException {
        s.execute(
                "CREATE TABLE borough AS SELECT trim(la_code) la_code, trim(stp19_code) stp, trim(cancer_alliance19_code) alliance FROM "
                        + csv(ref.resolve("london_boroughs.csv")));
        s.execute(
                "CREATE TABLE pop AS SELECT trim(la_code) la_code, CAST(census2021_usual_residents AS BIGINT) pop FROM "
                        + csv(ref.resolve("london_population.csv")));
        s.execute("CREATE TABLE concern_ref AS SELECT trim(code) code FROM " + csv(ref.resolve("hna_concerns.csv")));
        s.execute("CREATE TABLE profession_ref AS SELECT trim(code) code FROM "
                + csv(ref.resolve("ahp_professions.csv")));
        // la_code → every area it counts towards; an unknown residence only towards London
        s.execute("CREATE TABLE area_map AS "
                + "SELECT la_code, 'borough' area_level, la_code area_code FROM borough "
                + "UNION ALL SELECT la_code, 'stp', stp FROM borough "
                + "UNION ALL SELECT la_code, 'alliance', alliance FROM borough "
                + "UNION ALL SELECT la_code, 'london', '" + london + "' FROM borough "
                + "UNION ALL SELECT 'unknown', 'london', '" + london + "'");
        s.execute(
                "CREATE TABLE area_pop AS SELECT area_level, area_code, sum(pop) pop FROM area_map JOIN pop USING (la_code) GROUP BY ALL");
    }

    /**
     * Every delivered file of a source into one table of text cells, in file order: seq is the
     * file's place, rowid the row's place. Rows whose cell count differs from the header's are
     * skipped by DuckDB's reader (ignore_errors), as rehabmap quarantines them.
     */
    static long load(
            Statement s, String table, List<String> columns, List<String> optional, List<Path> files, Path scratch)
            throws SQLException, IOException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (seq INTEGER");
        for (String col : columns) {
            ddl.append(", ").append(col).append(" VARCHAR");
        }
        s.execute(ddl.append(")").toString());
        int seq = 0;
        for (Path f : files) {
            seq++;
            Path csvFile = LandingFiles.isXlsx(f)
                    ? xlsxToCsv(
                            f,
                            columns.stream().filter(c -> !optional.contains(c)).toList(),
                            scratch)
                    : f;
            if (csvFile == null) {
                continue;
            }
            List<String> header = header(csvFile);
            if (header == null || !columns.stream().allMatch(col -> header.contains(col) || optional.contains(col))) {
                continue; // rejected whole
            }
            StringBuilder cols = new StringBuilder();
            for (int i = 0; i < header.size(); i++) {
                cols.append(i > 0 ? ", " : "").append("'c").append(i).append("': 'VARCHAR'");
            }
            StringBuilder sel = new StringBuilder("INSERT INTO " + table + " SELECT " + seq);
            for (String col : columns) {
                sel.append(", ").append(header.contains(col) ? "c" + header.indexOf(col) : "NULL");
            }
            sel.append(" FROM read_csv('")
                    .append(sqlString(csvFile.toString()))
                    .append("', columns = {")
                    .append(cols)
                    .append(
                            "}, header = true, auto_detect = false, ignore_errors = true, delim = ',', quote = '\"', escape = '\"')");
            s.execute(sel.toString());
        }
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The header's names as rehabmap matches them (trimmed, lower case); null when a name repeats (rehabmap rejects the file). */
    private static List<String> header(Path csvFile) throws IOException {
        try (Reader rd = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(rd, CSVFormat.RFC4180)) {
            var it = p.iterator();
            if (!it.hasNext()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (String h : it.next().values()) {
                names.add(h.replace("\uFEFF", "").trim().toLowerCase(java.util.Locale.ROOT));
            }
            return names.stream().filter(n -> !n.isEmpty()).distinct().count()
                            == names.stream().filter(n -> !n.isEmpty()).count()
                    ? names
                    : null;
        }
    }

    /** An .xlsx delivery as CSV, through rehabmap's reader (sheet choice, dates, numbers); null when rehabmap rejects it. */
    static Path xlsxToCsv(Path xlsx, List<String> required, Path scratch) throws IOException {
        ParsedTable t;
        try {
            t = XlsxTableReader.read(Files.readAllBytes(xlsx), required);
        } catch (FileRejected e) {
            return null;
        }
        Path out = scratch.resolve(xlsx.getFileName() + ".csv");
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord(t.header().stream()
                    .map(h -> h.trim().toLowerCase(java.util.Locale.ROOT))
                    .toList());
            for (ParsedTable.ParsedRow r : t.rows()) {
                p.printRecord((Object[]) r.cells());
            }
        }
        return out;
    }

    /** A text cell as rehabmap normalises it: trimmed, empty as null. */
    private static String v(String col) {
        return "nullif(trim(" + col + "), '')";
    }

    private static String date(String e) {
        return "CASE WHEN regexp_full_match(" + e + ", '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN CAST(try_strptime(" + e
                + ", '%Y-%m-%d') AS DATE) " + "WHEN regexp_full_match(" + e
                + ", '[0-9]{2}/[0-9]{2}/[0-9]{4}') THEN CAST(try_strptime(" + e + ", '%d/%m/%Y') AS DATE) END";
    }

    private static String number(String e) {
        return "CASE WHEN regexp_full_match(" + e
                + ", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(" + e + " AS DOUBLE) END";
    }

    private static String integer(String e) {
        return "CASE WHEN regexp_full_match(" + e + ", '[+-]?[0-9]{1,9}') THEN TRY_CAST(" + e + " AS INTEGER) END";
    }

    /** 10 digits (spaces allowed) with a valid Modulus 11 check digit. */
    private static String nhsValid(String e) {
        StringBuilder sum = new StringBuilder("(");
        for (int i = 0; i < 9; i++) {
            if (i > 0) {
                sum.append(" + ");
            }
            sum.append("TRY_CAST(substr(")
                    .append(e)
                    .append(", ")
                    .append(i + 1)
                    .append(", 1) AS INTEGER) * ")
                    .append(10 - i);
        }
        sum.append(")");
        String check = "(11 - " + sum + " % 11)";
        return "(regexp_full_match(" + e + ", '[0-9]{10}') AND (CASE WHEN " + check + " = 11 THEN 0 ELSE " + check
                + " END) = TRY_CAST(substr(" + e + ", 10, 1) AS INTEGER))";
    }

    /** The London borough codes as a list literal (a lambda cannot hold a subquery). */
    private static String boroughList(Statement s) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT la_code FROM borough ORDER BY 1")) {
            while (r.next()) {
                codes.add("'" + sqlString(r.getString(1)) + "'");
            }
        }
        return "[" + String.join(", ", codes) + "]::VARCHAR[]";
    }

    private static String in(String e, String values) {
        return "(" + e + " IN (" + values + "))";
    }

    static List<String[]> hnaIndicator(Statement s, LocalDate asOf, int highDistress) throws SQLException {
        String enumAge = "'18-39', '40-59', '60-69', '70-79', '80+'";
        String enumSex = "'female', 'male', 'other', 'unknown'";
        String enumTumour =
                "'breast', 'lung', 'colorectal', 'upper_gi', 'urology', 'head_and_neck', 'gynaecology', 'haematology', "
                        + "'brain_cns', 'skin', 'sarcoma', 'other'";
        String enumPoint = "'diagnosis', 'treatment', 'end_of_treatment', 'follow_up', 'recurrence', 'palliative'";
        String enumAction = "'referred', 'information_given', 'discussed', 'no_action', 'declined'";
        s.execute("CREATE TABLE hna_norm AS SELECT seq, rowid rid, "
                + v("assessment_id") + " AS assessment_id, replace(trim(nhs_number), ' ', '') AS nhs, "
                + date(v("assessment_date")) + " AS assessment_date, " + v("assessment_date")
                + " AS assessment_date_text, "
                + "upper(" + v("provider_code") + ") AS provider_code, upper(" + v("residence_borough_code")
                + ") AS residence, "
                + "lower(" + v("age_band") + ") AS age_band, " + "lower(" + v("sex") + ") AS sex, " + "lower("
                + v("tumour_group") + ") AS tumour_group, "
                + "lower(" + v("pathway_point") + ") AS pathway_point, " + "lower(" + v("concern_code")
                + ") AS concern_code, "
                + v("concern_score") + " AS score_text, " + integer(v("concern_score")) + " AS score, "
                + "lower(" + v("action") + ") AS action, " + "lower(" + v("referred_to")
                + ") AS referred_to FROM hna_raw");
        List<String> rules = List.of(
                "assessment_id IS NOT NULL",
                nhsValid("nhs"),
                "assessment_date IS NOT NULL AND assessment_date <= DATE '" + asOf + "'",
                "provider_code IS NOT NULL",
                in("age_band", enumAge),
                in("sex", enumSex),
                in("tumour_group", enumTumour),
                in("pathway_point", enumPoint),
                "concern_code IN (SELECT code FROM concern_ref)",
                "score IS NOT NULL AND score BETWEEN 0 AND 10",
                in("action", enumAction),
                "(referred_to IS NULL OR referred_to IN (SELECT code FROM profession_ref) OR referred_to IN ('psychology', "
                        + "'social_care', 'nursing', 'gp', 'other'))",
                "(action <> 'referred' OR referred_to IS NOT NULL)");
        String ok = explainRules(s, "hna_norm", rules);
        // silver: of valid rows with the same (assessment_id, concern_code), the later file's (then the later row) wins
        s.execute(
                "CREATE TABLE hna AS SELECT *, "
                        + "CASE WHEN residence IN (SELECT la_code FROM borough) THEN residence ELSE 'unknown' END la_code, "
                        + "(CASE WHEN month(assessment_date) >= 4 THEN year(assessment_date) ELSE year(assessment_date) - 1 END) fy_start "
                        + "FROM hna_norm WHERE " + ok
                        + " QUALIFY row_number() OVER (PARTITION BY assessment_id, concern_code ORDER BY seq DESC, rid DESC) = 1");
        // one row per assessment: a known borough wins over 'unknown'; flagged when any concern is high distress with
        // no action
        s.execute("CREATE TABLE hna_assessment AS SELECT fy_start, assessment_id, min(la_code) la_code, "
                + "max(CASE WHEN score >= " + highDistress + " AND action = 'no_action' THEN 1 ELSE 0 END) unaddressed "
                + "FROM hna GROUP BY fy_start, assessment_id");
        List<String[]> out = new ArrayList<>();
        String sql = "SELECT printf('%d-%02d', fy_start, (fy_start + 1) % 100) period, area_level, area_code, "
                + "sum(unaddressed)::BIGINT x, count(*)::BIGINT n FROM hna_assessment JOIN area_map USING (la_code) GROUP BY ALL "
                + "ORDER BY ALL";
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long x = r.getLong(4);
                long n = r.getLong(5);
                double value = (double) x / n * 100;
                double[] ci95 = wilson(x, n, ConfidenceLevel.P95.z());
                double[] ci998 = wilson(x, n, ConfidenceLevel.P998.z());
                out.add(row(
                        HNA,
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        x,
                        n,
                        value,
                        ci95[0] * 100,
                        ci95[1] * 100,
                        ci998[0] * 100,
                        ci998[1] * 100));
            }
        }
        return out;
    }

    /** The rules as one predicate; with -Dbench.explain=true, how many rows break each (to chase a difference with gold). */
    private static String explainRules(Statement s, String table, List<String> rules) throws SQLException {
        if (Boolean.getBoolean("bench.explain")) {
            for (String r : rules) {
                try (ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM " + table + " WHERE NOT coalesce(" + r + ", false)")) {
                    rs.next();
                    System.err.println("duckdb: " + table + ": " + rs.getLong(1) + " row(s) break " + r);
                }
            }
        }
        return "(" + String.join(") AND (", rules) + ")";
    }

    /** Wilson score limits of x/n on the 0..1 scale (METHODS.md). */
    static double[] wilson(long x, long n, double z) {
        double z2 = z * z;
        double spread = z * Math.sqrt(z2 + 4.0 * x * (1.0 - (double) x / n));
        double den = 2.0 * (n + z2);
        return new double[] {(2.0 * x + z2 - spread) / den, (2.0 * x + z2 + spread) / den};
    }

    static List<String[]> wteIndicator(Statement s) throws SQLException {
        String enumBand = "'2', '3', '4', '5', '6', '7', '8a', '8b', '8c', '8d', '9'";
        s.execute("CREATE TABLE wf_norm AS SELECT seq, rowid rid, "
                + date(v("survey_date")) + " AS survey_date, upper(" + v("provider_code") + ") AS provider_code, "
                + v("service_id") + " AS service_id, "
                + "CASE WHEN " + v("borough_codes") + " IS NOT NULL THEN list_filter(list_transform(string_split("
                + v("borough_codes")
                + ", ';'), lambda x: upper(trim(x))), lambda x: x <> '') END AS borough_codes, "
                + "lower(" + v("profession") + ") AS profession, " + "lower(" + v("afc_band") + ") AS afc_band, "
                + "CASE WHEN lower(" + v("cancer_specialist") + ") IN ('true', 'yes', 'y', '1') THEN true "
                + "WHEN lower(" + v("cancer_specialist")
                + ") IN ('false', 'no', 'n', '0') THEN false END AS cancer_specialist, "
                + v("wte_funded") + " AS wte_funded_text, " + number(v("wte_funded")) + " AS wte_funded, "
                + v("wte_in_post") + " AS wte_in_post_text, " + number(v("wte_in_post")) + " AS wte_in_post, "
                + v("cancer_caseload_pct") + " AS caseload_text, " + number(v("cancer_caseload_pct"))
                + " AS cancer_caseload_pct FROM wf_raw");
        List<String> rules = List.of(
                "survey_date IS NOT NULL",
                "provider_code IS NOT NULL AND regexp_full_match(provider_code, '[A-Z0-9]{3,6}')",
                "borough_codes IS NOT NULL AND len(borough_codes) > 0 AND list_has_all(" + boroughList(s)
                        + ", borough_codes)",
                "(profession IN (SELECT code FROM profession_ref) OR profession = 'rehab_support_worker')",
                "afc_band IN (" + enumBand + ")",
                "cancer_specialist IS NOT NULL",
                "wte_funded IS NOT NULL AND wte_funded BETWEEN 0 AND 500",
                "wte_in_post IS NOT NULL AND wte_in_post BETWEEN 0 AND 500",
                "(caseload_text IS NULL OR cancer_caseload_pct BETWEEN 0 AND 100)");
        String ok = explainRules(s, "wf_norm", rules);
        s.execute("CREATE TABLE wf AS SELECT * FROM wf_norm WHERE " + ok
                + " QUALIFY row_number() OVER (PARTITION BY survey_date, provider_code, service_id, profession, afc_band, cancer_specialist"
                + " ORDER BY seq DESC, rid DESC) = 1");
        // the position at each survey date D: every provider's rows of its latest survey on or before D
        s.execute("CREATE TABLE wf_position AS WITH d AS (SELECT DISTINCT survey_date position_date FROM wf), "
                + "latest AS (SELECT p.provider_code, d.position_date, max(p.survey_date) survey_date "
                + "FROM (SELECT DISTINCT provider_code, survey_date FROM wf) p JOIN d ON p.survey_date <= d.position_date GROUP BY ALL) "
                + "SELECT strftime(latest.position_date, '%Y-%m-%d') period, wf.rid, wf.borough_codes, "
                + "CASE WHEN wf.cancer_specialist AND wf.profession <> 'rehab_support_worker' THEN wf.wte_in_post ELSE 0 END wte "
                + "FROM wf JOIN latest USING (provider_code, survey_date)");
        // shared out to its distinct boroughs by population
        s.execute(
                "CREATE TABLE wf_apportioned AS WITH e AS (SELECT period, rid, wte, unnest(list_distinct(borough_codes)) la_code "
                        + "FROM wf_position) "
                        + "SELECT period, la_code, wte * pop / sum(pop) OVER (PARTITION BY period, rid) shared FROM e JOIN pop "
                        + "USING (la_code)");
        List<String[]> out = new ArrayList<>();
        String sql = "WITH periods AS (SELECT DISTINCT period FROM wf_position), "
                + "sums AS (SELECT period, area_level, area_code, sum(shared) num FROM wf_apportioned JOIN area_map USING "
                + "(la_code) GROUP BY ALL) "
                + "SELECT p.period, a.area_level, a.area_code, coalesce(s.num, 0), a.pop FROM periods p CROSS JOIN area_pop a "
                + "LEFT JOIN sums s ON s.period = p.period AND s.area_level = a.area_level AND s.area_code = a.area_code ORDER BY ALL";
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                double num = r.getDouble(4);
                double den = r.getLong(5);
                out.add(row(
                        WTE,
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        num,
                        den,
                        num / den * 100000,
                        null,
                        null,
                        null,
                        null));
            }
        }
        return out;
    }

    static final List<String> OUTPUT_COLUMNS = List.of(
            "indicator_id",
            "period",
            "area_level",
            "area_code",
            "numerator",
            "denominator",
            "value",
            "lower_ci95",
            "upper_ci95",
            "lower_ci998",
            "upper_ci998");

    private static String[] row(
            String id,
            String period,
            String level,
            String code,
            double num,
            double den,
            double value,
            Double l95,
            Double u95,
            Double l998,
            Double u998) {
        return new String[] {
            id, period, level, code, str(num), str(den), str(value), str(l95), str(u95), str(l998), str(u998)
        };
    }

    private static String str(Double d) {
        return d == null ? "" : Double.toString(d);
    }

    static void write(Path out, List<String[]> rows) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord(OUTPUT_COLUMNS);
            for (String[] r : rows) {
                p.printRecord((Object[]) r);
            }
        }
    }

    private static String csv(Path p) {
        return "read_csv('" + sqlString(p.toString())
                + "', header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";
    }

    static String sqlString(String s) {
        return s.replace("'", "''");
    }

    /** --name value pairs. */
    static final class Args {
        private Args() {}

        static Map<String, String> parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
                String k = args[i].substring(2);
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    m.put(k, args[++i]);
                } else {
                    m.put(k, "true");
                }
            }
            return m;
        }

        static String required(Map<String, String> m, String k) {
            String v = m.get(k);
            if (v == null) {
                throw new IllegalArgumentException("--" + k + " is required");
            }
            return v;
        }
    }
}
