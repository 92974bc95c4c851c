package org.rehabmap.audit;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.lake.Lake;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * audit.file_ledger: one row per landing file seen, keyed by the SHA-256 of its bytes (and its
 * path, so a re-sent copy under a new name is recorded once, as a duplicate). Ingestion is
 * idempotent because a (path, sha256) already here is never read again.
 */
public final class FileLedger {
    public static final String TABLE = "audit.file_ledger";

    public static final String LOADED = "loaded"; // in bronze, waiting for conform
    public static final String CONFORMED = "conformed"; // rows in silver or quarantine
    public static final String DUPLICATE = "duplicate"; // same bytes as a file already taken
    public static final String REJECTED = "rejected"; // the whole file was refused

    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("file_name", DataTypes.StringType, false),
        DataTypes.createStructField("file_path", DataTypes.StringType, false),
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("sha256", DataTypes.StringType, false),
        DataTypes.createStructField("size_bytes", DataTypes.LongType, false),
        DataTypes.createStructField("format", DataTypes.StringType, true),
        DataTypes.createStructField("status", DataTypes.StringType, false),
        DataTypes.createStructField("duplicate_of", DataTypes.StringType, true),
        DataTypes.createStructField("rows_read", DataTypes.LongType, true),
        DataTypes.createStructField("rows_accepted", DataTypes.LongType, true),
        DataTypes.createStructField("rows_quarantined", DataTypes.LongType, true),
        DataTypes.createStructField("reason", DataTypes.StringType, true),
        DataTypes.createStructField("run_id", DataTypes.StringType, false),
        DataTypes.createStructField("file_seq", DataTypes.LongType, false),
        DataTypes.createStructField("ingested_at", DataTypes.TimestampType, false),
        DataTypes.createStructField("conformed_run_id", DataTypes.StringType, true),
        // added after the first release: a ledger written before has neither, and gains them on its next append
        DataTypes.createStructField("delimiter", DataTypes.StringType, true),
        DataTypes.createStructField("sheet", DataTypes.StringType, true)
    });

    /** What ingest needs to know about a file seen before. */
    public record Known(String path, String sha256, String fileName, String status, long fileSeq) {}

    public record Entry(
            String fileName,
            String filePath,
            String source,
            String sha256,
            long sizeBytes,
            String format,
            String status,
            String duplicateOf,
            Long rowsRead,
            Long rowsAccepted,
            Long rowsQuarantined,
            String reason,
            String runId,
            long fileSeq,
            Timestamp ingestedAt,
            String delimiter,
            String sheet) {
        Row toRow() {
            return RowFactory.create(
                    fileName,
                    filePath,
                    source,
                    sha256,
                    sizeBytes,
                    format,
                    status,
                    duplicateOf,
                    rowsRead,
                    rowsAccepted,
                    rowsQuarantined,
                    reason,
                    runId,
                    fileSeq,
                    ingestedAt,
                    null,
                    delimiter,
                    sheet);
        }
    }

    public record Counts(long read, long accepted, long quarantined) {}

    private final Lake lake;

    public FileLedger(Lake lake) {
        this.lake = lake;
    }

    public List<Known> known() {
        List<Known> out = new ArrayList<>();
        if (!lake.exists(TABLE)) {
            return out;
        }
        for (Row r : lake.read(TABLE)
                .select("file_path", "sha256", "file_name", "status", "file_seq")
                .collectAsList()) {
            out.add(new Known(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
        }
        return out;
    }

    /** Appends; a ledger from before a column was added gains it here (older rows read null). */
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        lake.appendRows(TABLE, entries.stream().map(Entry::toRow).toList(), SCHEMA);
    }

    /** The whole ledger with every column of {@link #SCHEMA}; one written before a column was added reads it as null. */
    public Dataset<Row> read() {
        if (!lake.exists(TABLE)) {
            return lake.spark().createDataFrame(List.of(), SCHEMA);
        }
        Dataset<Row> ledger = lake.read(TABLE);
        List<String> present = Arrays.asList(ledger.columns());
        for (StructField f : SCHEMA.fields()) {
            if (!present.contains(f.name())) {
                ledger = ledger.withColumn(f.name(), lit(null).cast(f.dataType()));
            }
        }
        return ledger;
    }

    /** Files in bronze that conform has not finished, per source: sha256 → file_seq. */
    public Dataset<Row> pending() {
        return read().filter(col("status").equalTo(LOADED));
    }

    /** Records conform's counts for the given files and marks them conformed, in one commit. */
    public void markConformed(Map<String, Counts> bySha, String runId) {
        if (bySha.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        bySha.forEach((sha, c) -> rows.add(RowFactory.create(sha, c.read(), c.accepted(), c.quarantined())));
        StructType s = new StructType()
                .add("sha256", DataTypes.StringType)
                .add("rows_read", DataTypes.LongType)
                .add("rows_accepted", DataTypes.LongType)
                .add("rows_quarantined", DataTypes.LongType);
        Dataset<Row> updates = lake.spark().createDataFrame(rows, s);
        lake.table(TABLE)
                .as("l")
                .merge(updates.as("u"), "l.sha256 = u.sha256 AND l.status = '" + LOADED + "'")
                .whenMatched()
                .updateExpr(Map.of(
                        "status", "'" + CONFORMED + "'",
                        "rows_read", "u.rows_read",
                        "rows_accepted", "u.rows_accepted",
                        "rows_quarantined", "u.rows_quarantined",
                        "conformed_run_id", "'" + runId.replace("'", "") + "'"))
                .execute();
    }

    public static DeltaTable table(Lake lake) {
        return lake.table(TABLE);
    }
}
