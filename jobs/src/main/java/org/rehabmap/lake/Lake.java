package org.rehabmap.lake;

import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The Delta lake on disk or object storage: {@code <root>/<layer>/<table>} for the layers
 * bronze, silver, gold and audit. Jobs address tables by path; {@link #registerAll()} names
 * them {@code layer.table} in the session catalog so SQL, notebooks and BI can use the names.
 */
public final class Lake {
    public static final List<String> LAYERS = List.of("bronze", "silver", "gold", "audit");

    private final SparkSession spark;
    private final String root;

    public Lake(SparkSession spark, String root) {
        this.spark = spark;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    /** Path of a table named "layer.table". */
    public String path(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        if (parts.length != 2 || !LAYERS.contains(parts[0])) {
            throw new IllegalArgumentException("not a lake table name: " + qualifiedName);
        }
        return root + "/" + parts[0] + "/" + parts[1];
    }

    /** A working folder outside the layers (staging of large ingests, run scratch space). */
    public String scratch(String name) {
        return root + "/_scratch/" + name;
    }

    /** A table exists once its first commit does (a first write killed before its commit left no table). */
    public boolean exists(String qualifiedName) {
        return version(qualifiedName) >= 0;
    }

    public Dataset<Row> read(String qualifiedName) {
        return spark.read().format("delta").load(path(qualifiedName));
    }

    /**
     * Appends a few rows made on the driver (a run, ledger entries, feedback profiles) as one file in one
     * commit. A table written before a column was added to {@code schema} gains it (older rows read null).
     */
    public void appendRows(String qualifiedName, List<Row> rows, StructType schema) {
        spark.createDataFrame(rows, schema)
                .coalesce(1)
                .write()
                .format("delta")
                .mode("append")
                .option("mergeSchema", "true")
                .save(path(qualifiedName));
    }

    public DeltaTable table(String qualifiedName) {
        return DeltaTable.forPath(spark, path(qualifiedName));
    }

    /**
     * The table's latest committed version, -1 when it has none: the highest commit file
     * {@code _delta_log/<20 digits>.json}. Delta never deletes the latest commit file (log clean-up
     * keeps everything after the last checkpoint) and writes it last, atomically, so this is the
     * version a reader sees. A listing, not a Spark query: a run asks this hundreds of times, and
     * {@code history(1)} cost a Spark job each time (docs/benchmarks.md).
     */
    public long version(String qualifiedName) {
        try {
            FileSystem fs = fileSystem();
            Path log = new Path(path(qualifiedName), "_delta_log");
            if (!fs.exists(log)) {
                return -1;
            }
            long max = -1;
            for (FileStatus st : fs.listStatus(log)) {
                String n = st.getPath().getName();
                if (n.length() == 25
                        && n.endsWith(".json")
                        && n.substring(0, 20).chars().allMatch(Character::isDigit)) {
                    max = Math.max(max, Long.parseLong(n.substring(0, 20)));
                }
            }
            return max;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The userMetadata of a table's latest commit, or null (no table, or a commit without it such
     * as RESTORE or OPTIMIZE): read from the commit file itself, because asking Delta for history
     * is a Spark query, and curate asks for every gold table on every run.
     */
    public String lastUserMetadata(String qualifiedName) {
        long v = version(qualifiedName);
        if (v < 0) {
            return null;
        }
        Path commit = new Path(new Path(path(qualifiedName), "_delta_log"), String.format("%020d.json", v));
        try (var in = new java.io.BufferedReader(
                new java.io.InputStreamReader(fileSystem().open(commit), java.nio.charset.StandardCharsets.UTF_8))) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.contains("\"commitInfo\"")) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode m =
                        json.readTree(line).path("commitInfo").path("userMetadata");
                return m.isTextual() ? m.asText() : null;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables present in the lake, as "layer.table", sorted. */
    public List<String> tables() {
        List<String> out = new ArrayList<>();
        try {
            FileSystem fs = fileSystem();
            for (String layer : LAYERS) {
                Path dir = new Path(root + "/" + layer);
                if (!fs.exists(dir)) {
                    continue;
                }
                for (FileStatus st : fs.listStatus(dir)) {
                    if (st.isDirectory() && fs.exists(new Path(st.getPath(), "_delta_log"))) {
                        out.add(layer + "." + st.getPath().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(String::compareTo);
        return out;
    }

    /** Names every table as layer.table in this session's catalog. */
    public List<String> registerAll() {
        List<String> names = tables();
        for (String layer : LAYERS) {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + layer);
        }
        for (String name : names) {
            spark.sql("DROP TABLE IF EXISTS " + name);
            spark.sql("CREATE TABLE " + name + " USING delta LOCATION '"
                    + path(name).replace("'", "''") + "'");
        }
        return names;
    }

    public FileSystem fileSystem() throws IOException {
        return FileSystem.get(
                URI.create(root.contains("://") ? root : "file://" + root),
                spark.sparkContext().hadoopConfiguration());
    }
}
