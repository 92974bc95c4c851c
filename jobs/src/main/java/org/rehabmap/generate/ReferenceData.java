package org.rehabmap.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rehabmap.config.ConfigError;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parts of data/reference the generator draws on, in file order. */
final class ReferenceData {
    record Borough(String code, String name, String stp, int population, double pct65Plus, double imdScore) {}

    record Concern(String code, String domain) {}

    final List<Borough> boroughs;
    final List<String> professions;
    final List<Concern> concerns;
    final List<String> conditions;

    private ReferenceData(
            List<Borough> boroughs, List<String> professions, List<Concern> concerns, List<String> conditions) {
        this.boroughs = List.copyOf(boroughs);
        this.professions = List.copyOf(professions);
        this.concerns = List.copyOf(concerns);
        this.conditions = List.copyOf(conditions);
    }

    static ReferenceData load(Path dir) {
        Map<String, CSVRecord> population = byCode(read(dir.resolve("london_population.csv")), "la_code");
        Map<String, CSVRecord> imd = byCode(read(dir.resolve("london_imd.csv")), "la_code");
        List<Borough> boroughs = new ArrayList<>();
        for (CSVRecord r : read(dir.resolve("london_boroughs.csv"))) {
            String code = r.get("la_code");
            CSVRecord p = population.get(code);
            CSVRecord d = imd.get(code);
            if (p == null || d == null) {
                throw new ConfigError(
                        "reference data: borough " + code + " is missing from london_population.csv or london_imd.csv");
            }
            boroughs.add(new Borough(
                    code,
                    r.get("la_name"),
                    r.get("stp_footprint"),
                    Integer.parseInt(p.get("census2021_usual_residents")),
                    Double.parseDouble(p.get("census2021_pct_65_plus")),
                    Double.parseDouble(d.get("imd_average_score"))));
        }
        List<String> professions = read(dir.resolve("ahp_professions.csv")).stream()
                .map(r -> r.get("code"))
                .toList();
        List<Concern> concerns = read(dir.resolve("hna_concerns.csv")).stream()
                .map(r -> new Concern(r.get("code"), r.get("domain_code")))
                .toList();
        List<String> conditions = read(dir.resolve("ltc_conditions.csv")).stream()
                .map(r -> r.get("code"))
                .toList();
        if (boroughs.isEmpty() || professions.isEmpty() || concerns.isEmpty() || conditions.isEmpty()) {
            throw new ConfigError("reference data in " + dir + " is incomplete (a file has no rows)");
        }
        return new ReferenceData(boroughs, professions, concerns, conditions);
    }

    Borough borough(String code) {
        for (Borough b : boroughs) {
            if (b.code().equals(code)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown borough " + code);
    }

    private static Map<String, CSVRecord> byCode(List<CSVRecord> rows, String column) {
        Map<String, CSVRecord> out = new TreeMap<>();
        for (CSVRecord r : rows) {
            out.put(r.get(column), r);
        }
        return out;
    }

    private static List<CSVRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("reference file not found: " + file);
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(in, format)) {
            return p.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConfigError("cannot read reference file " + file + ": " + e.getMessage());
        }
    }
}
