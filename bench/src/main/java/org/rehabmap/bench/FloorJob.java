package org.rehabmap.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.SparkSessions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's floor: what any Spark job pays to take the same landing CSVs into Delta with no
 * rules at all. One SparkSession built exactly as rehabmap builds its own ({@link SparkSessions}),
 * then for each source folder every *.csv read as text columns (header, no schema inference) and
 * written as one Delta table. Nothing is checked, typed, pseudonymised, merged or audited; Excel
 * deliveries are not read (Spark has no reader for them).
 *
 * <p>Usage: {@code FloorJob --landing DIR --out DIR}. Prints rows written per source to stderr.
 */
public final class FloorJob {
    private FloorJob() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = DuckDbIndicators.Args.parse(args);
        Path landing = Path.of(DuckDbIndicators.Args.required(a, "landing")).toAbsolutePath();
        Path out = Path.of(DuckDbIndicators.Args.required(a, "out")).toAbsolutePath();
        long t0 = System.nanoTime();
        Settings settings = Settings.load(Settings.home(), "local", Map.of("rehabmap.paths.lake", out.toString()));
        SparkSession spark = SparkSessions.create(settings, false);
        long rows = 0;
        List<Path> sources;
        try (Stream<Path> s = Files.list(landing)) {
            sources = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path source : sources) {
            List<String> csvs = new ArrayList<>();
            try (Stream<Path> s = Files.list(source)) {
                s.filter(p -> p.getFileName()
                                .toString()
                                .toLowerCase(java.util.Locale.ROOT)
                                .endsWith(".csv"))
                        .sorted()
                        .forEach(p -> csvs.add(p.toString()));
            }
            if (csvs.isEmpty()) {
                continue;
            }
            Dataset<Row> df = spark.read()
                    .option("header", "true")
                    .option("inferSchema", "false")
                    .csv(csvs.toArray(String[]::new));
            String target = out.resolve(source.getFileName().toString()).toString();
            df.write().format("delta").mode("overwrite").save(target);
            long n = spark.read().format("delta").load(target).count();
            rows += n;
            System.err.println("floor: " + source.getFileName() + ": " + csvs.size() + " file(s), " + n + " rows");
        }
        spark.stop();
        System.err.printf("floor: %d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
        System.out.println("rows=" + rows);
    }
}
