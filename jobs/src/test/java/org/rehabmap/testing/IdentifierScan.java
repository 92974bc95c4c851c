package org.rehabmap.testing;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * Looks for raw NHS numbers everywhere a run wrote: the bytes of every file (zip containers such
 * as .xlsx opened), and — because Parquet pages are compressed — the decoded contents of every
 * Delta table, every column turned to JSON text. Numbers are searched as 10 digits and as 3-3-4.
 */
public final class IdentifierScan {
    private IdentifierScan() {}

    public static List<String> findings(
            Path root, Collection<String> rawNumbers, SparkSession spark, String... alsoText) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (String n : rawNumbers) {
            wanted.add(n.replace(" ", ""));
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                for (String n : occurrences(readText(f), wanted)) {
                    found.add(root.relativize(f) + " contains " + n);
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path log : dirs.filter(p -> p.getFileName().toString().equals("_delta_log"))
                    .toList()) {
                Path table = log.getParent();
                List<Row> rows = spark.read()
                        .format("delta")
                        .load(table.toString())
                        .select(to_json(struct(col("*"))).as("j"))
                        .collectAsList();
                for (Row r : rows) {
                    for (String n : occurrences(r.getString(0), wanted)) {
                        found.add("table " + root.relativize(table) + " holds " + n);
                    }
                }
            }
        }
        for (String t : alsoText) {
            for (String n : occurrences(t, wanted)) {
                found.add("console output contains " + n);
            }
        }
        return found;
    }

    private static final Pattern SPACED = Pattern.compile("(?=(\\d{3} \\d{3} \\d{4}))");
    private static final Pattern DIGITS = Pattern.compile("\\d{10,}");

    /**
     * The wanted numbers that occur in the text, as 10 digits (also inside a longer run of digits)
     * or as 3-3-4: one pass over the text with a set lookup, instead of a search per number, because
     * the acceptance delivery has thousands of numbers and the extracts megabytes of text.
     */
    static Set<String> occurrences(String text, Set<String> wanted) {
        Set<String> hits = new TreeSet<>();
        Matcher d = DIGITS.matcher(text);
        while (d.find()) {
            String run = d.group();
            for (int i = 0; i + 10 <= run.length(); i++) {
                String w = run.substring(i, i + 10);
                if (wanted.contains(w)) {
                    hits.add(w);
                }
            }
        }
        Matcher s = SPACED.matcher(text);
        while (s.find()) {
            String w = s.group(1);
            if (wanted.contains(w.replace(" ", ""))) {
                hits.add(w);
            }
        }
        return hits;
    }

    private static String readText(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        StringBuilder s = new StringBuilder(new String(b, StandardCharsets.ISO_8859_1));
        if (b.length > 4 && b[0] == 'P' && b[1] == 'K') {
            try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
                ZipEntry e;
                while ((e = z.getNextEntry()) != null) {
                    s.append(new String(readAll(z), StandardCharsets.UTF_8));
                }
            }
        }
        return s.toString();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
