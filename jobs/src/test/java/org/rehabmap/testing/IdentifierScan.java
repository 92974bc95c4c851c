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
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.apache.spark.sql.functions.*;

/**
 * Looks for raw NHS numbers everywhere a run wrote: the bytes of every file (zip containers such
 * as .xlsx opened), and — because Parquet pages are compressed — the decoded contents of every
 * Delta table, every column turned to JSON text. Numbers are searched as 10 digits and as 3-3-4.
 */
public final class IdentifierScan {
    private IdentifierScan() {}

    public static List<String> findings(Path root, Collection<String> rawNumbers, SparkSession spark, String... alsoText) throws IOException {
        List<String> needles = new ArrayList<>();
        for (String n : rawNumbers) {
            String d = n.replace(" ", "");
            needles.add(d);
            needles.add(d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6));
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = readText(f);
                for (String n : needles) if (text.contains(n)) found.add(root.relativize(f) + " contains " + n);
            }
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path log : dirs.filter(p -> p.getFileName().toString().equals("_delta_log")).toList()) {
                Path table = log.getParent();
                List<Row> rows = spark.read().format("delta").load(table.toString())
                        .select(to_json(struct(col("*"))).as("j")).collectAsList();
                for (Row r : rows) {
                    String j = r.getString(0);
                    for (String n : needles) if (j.contains(n)) found.add("table " + root.relativize(table) + " holds " + n);
                }
            }
        }
        for (String t : alsoText) for (String n : needles) if (t.contains(n)) found.add("console output contains " + n);
        return found;
    }

    private static String readText(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        StringBuilder s = new StringBuilder(new String(b, StandardCharsets.ISO_8859_1));
        if (b.length > 4 && b[0] == 'P' && b[1] == 'K') {
            try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
                ZipEntry e;
                while ((e = z.getNextEntry()) != null) s.append(new String(readAll(z), StandardCharsets.UTF_8));
            }
        }
        return s.toString();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
