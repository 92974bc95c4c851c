package org.rehabmap.ingest;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.contracts.Contract;
import org.rehabmap.lake.Lake;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * One source's new files for this run: parsed in tasks (one per file) into rows kept on the executors'
 * disks, the per-file facts collected for the ledger, then the rows of the files that loaded written to
 * bronze in one commit. A file's rows replace any bronze rows with its sha256, so a run killed after the
 * commit and before the ledger leaves nothing doubled.
 */
final class SourceLoad {
    /** A new file to parse: where it is, its name, the sha256 the first pass found and its delivery order. */
    record Pending(String path, String name, String sha, long seq) {}

    private final Lake lake;
    private final Contract contract;
    private final List<Pending> files = new ArrayList<>();
    private Dataset<Row> parsed;
    private long loadedRows;

    SourceLoad(Lake lake, Contract contract) {
        this.lake = lake;
        this.contract = contract;
    }

    Contract contract() {
        return contract;
    }

    void add(Pending p) {
        files.add(p);
    }

    /** Parses every file in its own task; the facts by path. The rows stay in Spark until {@link #commit}. */
    Map<String, FileParse.Fact> parse(
            BronzeRowBuilder builder, Broadcast<SerializableConfiguration> conf, String runId, Timestamp at) {
        SparkSession spark = lake.spark();
        StructType bronze = BronzeSchema.forContract(contract);
        List<Row> in = new ArrayList<>();
        for (Pending p : files) {
            in.add(RowFactory.create(p.path(), p.name(), p.sha(), p.seq()));
        }
        FileParse parse = new FileParse(builder, conf, runId, at, bronze.size());
        // on disk, not in memory: a delivery may be larger than the executors' memory, and the facts and
        // the bronze write both read it, so the files are parsed once
        parsed = LandingTasks.onePerPartition(spark, in, FileParse.FILES)
                .mapPartitions(parse, Encoders.row(FileParse.withFact(bronze)))
                .persist(StorageLevel.DISK_ONLY());
        List<Row> facts = LandingTasks.described(
                spark,
                "ingest: read and parse " + files.size() + " " + contract.name() + " file(s), one task each",
                () -> parsed.filter(col(FileParse.FACT).isNotNull())
                        .select(FileParse.FACT + ".*")
                        .collectAsList());
        Map<String, FileParse.Fact> byPath = new HashMap<>();
        for (Row r : facts) {
            FileParse.Fact f = FileParse.Fact.of(r);
            byPath.put(f.path(), f);
            if (f.reason() == null) {
                loadedRows += f.rowsRead();
            }
        }
        return byPath;
    }

    /** The loaded files' rows in one bronze commit (none if every file was rejected); the rows written. */
    long commit(List<String> loadedShas) {
        try {
            if (loadedShas.isEmpty()) {
                return 0;
            }
            Dataset<Row> rows = parsed.filter(col(FileParse.FACT).isNull()).drop(FileParse.FACT);
            String table = BronzeSchema.table(contract);
            String path = lake.path(table);
            LandingTasks.described(lake.spark(), "ingest: " + table + " commit", () -> {
                if (lake.exists(table)) {
                    String in = String.join(
                            ",", loadedShas.stream().map(s -> "'" + s + "'").toList());
                    rows.write()
                            .format("delta")
                            .mode("overwrite")
                            .option("mergeSchema", "true")
                            .option("replaceWhere", BronzeSchema.FILE_SHA + " IN (" + in + ")")
                            .save(path);
                } else {
                    rows.write().format("delta").mode("append").save(path);
                }
                return null;
            });
            return loadedRows;
        } finally {
            parsed.unpersist();
        }
    }
}
