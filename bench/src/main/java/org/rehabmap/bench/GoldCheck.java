package org.rehabmap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks DuckDB's indicators ({@link DuckDbIndicators}) against rehabmap's gold.benchmarks:
 * for every indicator × period × area both have, numerator, denominator, value and the four
 * confidence limits must agree to 1e-9 (relative to the value's size when above 1). Rows that
 * gold suppresses for disclosure are counted, not compared. gold.benchmarks is read from its
 * Delta log (the files of its current version) with DuckDB's Parquet reader, so the check needs
 * no Spark.
 *
 * <p>Usage: {@code GoldCheck --lake DIR --expected duckdb.csv --out check.json}; exit 0 when the
 * two agree, 3 when they do not.
 */
public final class GoldCheck {
    static final double TOLERANCE = 1e-9;
    static final List<String> COMPARED =
            List.of("numerator", "denominator", "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998");

    private GoldCheck() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = DuckDbIndicators.Args.parse(args);
        Path table = Path.of(DuckDbIndicators.Args.required(a, "lake")).resolve("gold/benchmarks");
        Path expected = Path.of(DuckDbIndicators.Args.required(a, "expected"));
        Path out = Path.of(DuckDbIndicators.Args.required(a, "out"));
        Result r = check(table, expected);
        Files.writeString(out, r.json() + "\n");
        System.err.println("gold check: " + r.json());
        for (String m : r.problems().subList(0, Math.min(20, r.problems().size()))) {
            System.err.println("  " + m);
        }
        System.exit(r.agree() ? 0 : 3);
    }

    record Result(
            int compared, int suppressed, int onlyInDuckDb, int onlyInGold, double maxDiff, List<String> problems) {
        boolean agree() {
            return problems.isEmpty() && compared > 0;
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"agree\": %s, \"compared\": %d, \"suppressed_in_gold\": %d, \"only_in_duckdb\": %d, "
                            + "\"only_in_gold\": %d, \"max_abs_diff\": %.3e, \"problems\": %d}",
                    agree(),
                    compared,
                    suppressed,
                    onlyInDuckDb,
                    onlyInGold,
                    maxDiff,
                    problems.size());
        }
    }

    static Result check(Path goldTable, Path expectedCsv) throws Exception {
        Map<String, Map<String, Double>> expected = readExpected(expectedCsv);
        Set<String> ids = new LinkedHashSet<>();
        for (String k : expected.keySet()) {
            ids.add(k.substring(0, k.indexOf('|')));
        }
        Map<String, Map<String, Double>> gold = new LinkedHashMap<>();
        Set<String> suppressed = new LinkedHashSet<>();
        List<Path> files = currentFiles(goldTable);
        if (files.isEmpty()) {
            throw new IllegalStateException(goldTable + " has no data files");
        }
        StringBuilder list = new StringBuilder("[");
        for (Path f : files) {
            list.append(list.length() > 1 ? ", " : "")
                    .append('\'')
                    .append(DuckDbIndicators.sqlString(f.toString()))
                    .append('\'');
        }
        list.append(']');
        String idList = String.join(
                ", ",
                ids.stream().map(i -> "'" + DuckDbIndicators.sqlString(i) + "'").toList());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT indicator_id, period, area_level, area_code, coalesce(suppressed, false), "
                                + String.join(", ", COMPARED) + " FROM read_parquet(" + list
                                + ") WHERE indicator_id IN (" + idList + ")")) {
            while (r.next()) {
                String key = r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4);
                if (r.getBoolean(5)) {
                    suppressed.add(key);
                    continue;
                }
                Map<String, Double> v = new LinkedHashMap<>();
                for (int i = 0; i < COMPARED.size(); i++) {
                    double d = r.getDouble(6 + i);
                    v.put(COMPARED.get(i), r.wasNull() ? null : d);
                }
                gold.put(key, v);
            }
        }
        List<String> problems = new ArrayList<>();
        int compared = 0;
        int onlyDuck = 0;
        double maxDiff = 0;
        for (Map.Entry<String, Map<String, Double>> e : expected.entrySet()) {
            if (suppressed.contains(e.getKey())) {
                continue;
            }
            Map<String, Double> g = gold.get(e.getKey());
            if (g == null) {
                onlyDuck++;
                problems.add("only in DuckDB: " + e.getKey());
                continue;
            }
            compared++;
            for (String col : COMPARED) {
                Double x = e.getValue().get(col);
                Double y = g.get(col);
                if (x == null && y == null) {
                    continue;
                }
                if (x == null || y == null) {
                    problems.add(e.getKey() + " " + col + ": DuckDB " + x + ", gold " + y);
                    continue;
                }
                double diff = Math.abs(x - y);
                maxDiff = Math.max(maxDiff, diff);
                if (diff > TOLERANCE * Math.max(1.0, Math.abs(y))) {
                    problems.add(e.getKey() + " " + col + ": DuckDB " + x + ", gold " + y);
                }
            }
        }
        int onlyGold = 0;
        for (String k : gold.keySet()) {
            if (!expected.containsKey(k)) {
                // gold fills every area of a period; DuckDB leaves out areas without rows (numerator and denominator 0)
                Map<String, Double> g = gold.get(k);
                boolean empty = g.get("value") == null && (g.get("numerator") == null || g.get("numerator") == 0.0);
                if (!empty) {
                    onlyGold++;
                    problems.add("only in gold: " + k);
                }
            }
        }
        return new Result(compared, suppressed.size(), onlyDuck, onlyGold, maxDiff, problems);
    }

    static Map<String, Map<String, Double>> readExpected(Path csv) throws IOException {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        try (Reader rd = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(
                        rd,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get())) {
            for (CSVRecord r : p) {
                Map<String, Double> v = new LinkedHashMap<>();
                for (String col : COMPARED) {
                    v.put(col, r.get(col).isEmpty() ? null : Double.parseDouble(r.get(col)));
                }
                out.put(
                        r.get("indicator_id") + "|" + r.get("period") + "|" + r.get("area_level") + "|"
                                + r.get("area_code"),
                        v);
            }
        }
        return out;
    }

    /** The data files of a Delta table's latest version, from its JSON commits (add minus remove). */
    static List<Path> currentFiles(Path table) throws IOException {
        Path log = table.resolve("_delta_log");
        List<Path> commits;
        try (Stream<Path> s = Files.list(log)) {
            commits = s.filter(p -> p.getFileName().toString().matches("[0-9]{20}\\.json"))
                    .sorted()
                    .toList();
        }
        if (commits.isEmpty() || !commits.get(0).getFileName().toString().equals("00000000000000000000.json")) {
            throw new IllegalStateException(
                    log + ": the log does not start at version 0 (cleaned up?); read it with Spark instead");
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> live = new LinkedHashSet<>();
        for (Path commit : commits) {
            for (String line : Files.readAllLines(commit, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                if (n.has("add")) {
                    live.add(n.get("add").get("path").asText());
                }
                if (n.has("remove")) {
                    live.remove(n.get("remove").get("path").asText());
                }
            }
        }
        List<Path> out = new ArrayList<>();
        for (String p : live) {
            out.add(table.resolve(URLDecoder.decode(p, StandardCharsets.UTF_8)));
        }
        return out;
    }
}
