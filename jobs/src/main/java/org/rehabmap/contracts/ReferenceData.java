package org.rehabmap.contracts;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rehabmap.config.ConfigError;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Value sets a contract refers to as {@code file_stem.column} (e.g. london_boroughs.la_code),
 * read from the reference CSVs the repo keeps in data/reference.
 */
public final class ReferenceData {
    private final Path dir;

    public ReferenceData(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Set<String> values(String reference) {
        return labelled(reference, null).keySet();
    }

    /**
     * The values of {@code file_stem.column}, in file order, each with its text in {@code labelColumn} of the
     * same row (null when no label column is given).
     */
    public Map<String, String> labelled(String reference, String labelColumn) {
        String[] parts = reference.split("\\.");
        if (parts.length != 2) {
            throw new ConfigError("reference '" + reference + "' must be file_stem.column");
        }
        Path f = dir.resolve(parts[0] + ".csv");
        if (!Files.isRegularFile(f)) {
            throw new ConfigError("reference file not found: " + f);
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(
                        r,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get())) {
            if (!p.getHeaderMap().containsKey(parts[1])) {
                throw new ConfigError("reference " + f + " has no column " + parts[1]);
            }
            if (labelColumn != null && !p.getHeaderMap().containsKey(labelColumn)) {
                throw new ConfigError("reference " + f + " has no column " + labelColumn);
            }
            for (CSVRecord rec : p) {
                String v = rec.get(parts[1]).trim();
                if (!v.isEmpty()) {
                    out.putIfAbsent(
                            v, labelColumn == null ? null : rec.get(labelColumn).trim());
                }
            }
        } catch (IOException e) {
            throw new ConfigError("cannot read reference file " + f + ": " + e.getMessage());
        }
        return out;
    }
}
