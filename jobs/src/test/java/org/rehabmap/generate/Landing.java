package org.rehabmap.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.ingest.FileRejected;
import org.rehabmap.ingest.ParsedTable;
import org.rehabmap.ingest.TextDecoder;
import org.rehabmap.ingest.XlsxTableReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Generated landing folders for the tests (each (seed, scale) generated once per test JVM) and a reader for their files. */
final class Landing {
    static final Path HOME =
            Path.of(System.getProperty("rehabmap.home", "..")).toAbsolutePath().normalize();
    static final Path REFERENCE = HOME.resolve("data/reference");
    static final Map<String, Contract> CONTRACTS =
            Contracts.load(HOME.resolve("data-contracts")).sources();
    private static final Map<String, Landing> CACHE = new TreeMap<>();

    final Path dir;
    final Generator.Summary summary;

    private Landing(Path dir, Generator.Summary summary) {
        this.dir = dir;
        this.summary = summary;
    }

    static synchronized Landing of(long seed, double scale) {
        return CACHE.computeIfAbsent(seed + "@" + scale, k -> generate(seed, Plan.forScale(scale)));
    }

    static synchronized Landing of(long seed, Plan plan) {
        return CACHE.computeIfAbsent(seed + "@" + plan, k -> generate(seed, plan));
    }

    static synchronized Landing sample() {
        return CACHE.computeIfAbsent("sample", k -> generate(SampleMaker.SEED, Plan.sample()));
    }

    static Landing generate(long seed, Plan plan) {
        Path dir = tempDir();
        return new Landing(dir, new Generator(REFERENCE, seed, plan).writeTo(dir));
    }

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("rehabmap-generate-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }

    /** Relative paths of every file written, sorted. */
    List<String> files() {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files of one source in name (= delivery) order. */
    List<Path> files(String source) {
        return files().stream()
                .filter(f -> f.startsWith(source + "/"))
                .map(dir::resolve)
                .toList();
    }

    /** Header then data rows of every file of a source except the one deliberately bad file, in delivery order. */
    List<String[]> rows(String source, boolean includeCorrections) {
        List<String[]> out = new ArrayList<>();
        for (Path f : files(source)) {
            String name = f.getFileName().toString();
            if (name.equals(WorkforceSurveyWriter.BAD_FILE)) {
                continue;
            }
            if (!includeCorrections && (name.contains("corrections") || name.contains("resend"))) {
                continue;
            }
            out.addAll(read(f, source).rows().stream()
                    .map(ParsedTable.ParsedRow::cells)
                    .toList());
        }
        return out;
    }

    static ParsedTable read(Path file, String source) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (file.toString().endsWith(".xlsx")) {
                return XlsxTableReader.read(bytes, CONTRACTS.get(source).requiredColumns());
            }
            String text = TextDecoder.decode(bytes).text();
            List<String> header = null;
            List<ParsedTable.ParsedRow> rows = new ArrayList<>();
            try (CSVParser p = CSVParser.parse(
                    new StringReader(text),
                    CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get())) {
                for (CSVRecord r : p) {
                    if (header == null) {
                        header = List.of(r.values());
                    } else {
                        rows.add(new ParsedTable.ParsedRow(r.getRecordNumber(), r.values()));
                    }
                }
            }
            return new ParsedTable(header, rows, "csv", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FileRejected e) {
            throw new AssertionError(file + " rejected: " + e.getMessage(), e);
        }
    }
}
