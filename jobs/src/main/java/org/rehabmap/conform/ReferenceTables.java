package org.rehabmap.conform;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.ReferenceContract;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.Parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.lit;

/**
 * Loads the reference CSVs the repo keeps (data/reference, with their source notes) into
 * silver.<name>, typed by their contracts. A table is rewritten only when its file changed, so
 * a quiet night writes nothing.
 */
public final class ReferenceTables {
    private ReferenceTables() {}

    /** audit.reference_load: which file content each reference table holds (one read tells a quiet night). */
    public static final String LOG = "audit.reference_load";

    /** Returns the versions of the tables it (re)wrote. */
    public static Map<String, Long> load(
            Lake lake, Path referenceDir, Map<String, ReferenceContract> contracts, String runId) throws IOException {
        Map<String, Long> written = new LinkedHashMap<>();
        Map<String, String> loaded = new java.util.HashMap<>();
        if (lake.exists(LOG)) {
            for (Row r : lake.read(LOG).select("table_name", "sha256").collectAsList()) {
                loaded.put(r.getString(0), r.getString(1));
            }
        }
        List<ReferenceContract> stale = new ArrayList<>();
        Map<String, String> shas = new java.util.HashMap<>();
        for (ReferenceContract rc : contracts.values()) {
            Path file = referenceDir.resolve(rc.file());
            if (!Files.isRegularFile(file)) {
                throw new ConfigError("reference file not found: " + file + " (contract silver." + rc.name() + ")");
            }
            String sha = DigestUtils.sha256Hex(Files.readAllBytes(file));
            if (!sha.equals(loaded.get("silver." + rc.name()))) {
                stale.add(rc);
                shas.put(rc.name(), sha);
            }
        }
        // The tables are independent and small: each is mostly the driver's planning and a Delta commit, so
        // they are written side by side (a fresh lake's dozen took ~9 s one after another). Results, and the
        // first error, come back in the contracts' order.
        List<Long> versions = Parallel.map(
                "reference",
                Parallel.cores(),
                stale,
                rc -> write(lake, referenceDir.resolve(rc.file()), rc, shas.get(rc.name())));
        List<Row> log = new ArrayList<>();
        for (int i = 0; i < stale.size(); i++) {
            ReferenceContract rc = stale.get(i);
            written.put("silver." + rc.name(), versions.get(i));
            log.add(RowFactory.create("silver." + rc.name(), rc.file(), shas.get(rc.name()), runId));
        }
        if (!log.isEmpty()) {
            StructType schema = new StructType()
                    .add("table_name", DataTypes.StringType)
                    .add("file", DataTypes.StringType)
                    .add("sha256", DataTypes.StringType)
                    .add("run_id", DataTypes.StringType);
            Dataset<Row> updates = lake.spark().createDataFrame(log, schema);
            if (lake.exists(LOG)) {
                lake.table(LOG)
                        .as("t")
                        .merge(updates.as("s"), "t.table_name = s.table_name")
                        .whenMatched()
                        .updateAll()
                        .whenNotMatched()
                        .insertAll()
                        .execute();
            } else {
                updates.coalesce(1).write().format("delta").save(lake.path(LOG));
            }
            written.put(LOG, lake.version(LOG));
        }
        return written;
    }

    /** Parses, checks and writes one reference table; its new Delta version. */
    private static long write(Lake lake, Path file, ReferenceContract rc, String sha) {
        String table = "silver." + rc.name();
        // parsed from the driver's copy: on a cluster the executors cannot see the driver's files
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigError("cannot read reference file " + file + ": " + e.getMessage());
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        Dataset<Row> csv = lake.spark()
                .read()
                .option("header", "true")
                .option("mode", "FAILFAST")
                .option("escape", "\"")
                .schema(schema(rc))
                .csv(lake.spark().createDataset(lines, org.apache.spark.sql.Encoders.STRING()));
        // a reference file is small: read it once, check it here, write what was checked
        List<Row> rows = check(csv, rc, file);
        lake.spark()
                .createDataFrame(rows, csv.schema())
                .withColumn("_source_file", lit(rc.file()))
                .withColumn("_source_sha256", lit(sha))
                .orderBy(rc.key().stream()
                        .map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .coalesce(1)
                .write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .save(lake.path(table));
        return lake.version(table);
    }

    static StructType schema(ReferenceContract rc) {
        StructField[] f = new StructField[rc.columns().size()];
        for (int i = 0; i < f.length; i++) {
            ColumnSpec c = rc.columns().get(i);
            f[i] = DataTypes.createStructField(c.name(), type(c.logicalType()), true);
        }
        return new StructType(f);
    }

    private static DataType type(String logical) {
        return switch (logical) {
            case "integer" -> DataTypes.IntegerType;
            case "number" -> DataTypes.DoubleType;
            case "boolean" -> DataTypes.BooleanType;
            case "date" -> DataTypes.DateType;
            default -> DataTypes.StringType;
        };
    }

    /**
     * The file's rows, once every required value is there and the key is unique; one Spark job
     * (the read) however many columns are checked.
     */
    static List<Row> check(Dataset<Row> df, ReferenceContract rc, Path file) {
        List<Row> rows;
        try {
            rows = df.collectAsList();
        } catch (Exception e) { // Spark's own SparkException is checked in Java's eyes, but thrown undeclared
            throw new ConfigError("reference file " + file + " does not match its contract: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> names = List.of(df.columns());
        for (ColumnSpec c : rc.columns()) {
            if (!c.required()) {
                continue;
            }
            int i = names.indexOf(c.name());
            for (Row r : rows) {
                if (r.isNullAt(i)) {
                    throw new ConfigError("reference file " + file + ": column " + c.name() + " has an empty or non-"
                            + c.logicalType() + " value");
                }
            }
        }
        if (!rc.key().isEmpty()) {
            int[] k = rc.key().stream().mapToInt(names::indexOf).toArray();
            java.util.Set<List<Object>> seen = new java.util.HashSet<>();
            for (Row r : rows) {
                List<Object> key = new ArrayList<>();
                for (int i : k) {
                    key.add(r.get(i));
                }
                if (!seen.add(key)) {
                    throw new ConfigError("reference file " + file + ": key " + rc.key() + " is not unique");
                }
            }
        }
        return rows;
    }
}
