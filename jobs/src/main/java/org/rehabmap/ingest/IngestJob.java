package org.rehabmap.ingest;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.audit.FileLedger;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.config.PseudonymKey;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bronze: landing files → bronze.<source>, recorded in audit.file_ledger. Files already in the
 * ledger are not read again; the same bytes under a new name are a duplicate; a bad file is
 * rejected whole with its reason. Bronze is written before the ledger, and a file's bronze rows
 * are replaced (not appended) by sha256, so a run killed between the two leaves nothing doubled.
 */
public final class IngestJob implements Step {
    /** Rows held in memory before they are spilled to a scratch Parquet folder. */
    static final int SPILL_ROWS = 250_000;

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public StepResult run(RunContext ctx) throws Exception {
        Map<String, Contract> contracts = Contracts.load(Path.of(ctx.settings().location("paths.contracts")))
                .sources();
        Set<String> sources = new LinkedHashSet<>(ctx.settings().raw().getStringList("ingest.sources"));
        for (String s : sources) {
            if (!contracts.containsKey(s)) {
                throw new org.rehabmap.config.ConfigError(
                        "no contract for source '" + s + "' in data-contracts/sources");
            }
        }
        Set<String> extensions = new HashSet<>(ctx.settings().raw().getStringList("ingest.extensions"));
        Pseudonymiser pseudonymiser = new Pseudonymiser(PseudonymKey.from(ctx.settings()));
        SparkSession spark = ctx.spark();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        FileLedger ledger = new FileLedger(ctx.lake());

        LandingScanner.Scan scan = LandingScanner.scan(ctx.landing(), sources, extensions, hadoop);
        for (String ig : scan.ignored()) {
            ctx.console().progress("  ignored: " + ig);
        }

        List<FileLedger.Known> known = ledger.known();
        Set<String> seenPathSha = new HashSet<>();
        Map<String, String> firstNameBySha = new HashMap<>();
        long seq = 0;
        for (FileLedger.Known k : known) {
            seenPathSha.add(k.path() + "|" + k.sha256());
            if (!FileLedger.DUPLICATE.equals(k.status())) {
                firstNameBySha.putIfAbsent(k.sha256(), k.fileName());
            }
            seq = Math.max(seq, k.fileSeq());
        }

        Timestamp now = Timestamp.from(ctx.startedAt());
        List<FileLedger.Entry> entries = new ArrayList<>();
        Map<String, BronzeBatch> batches = new LinkedHashMap<>();
        int alreadyKnown = 0;
        for (LandingScanner.LandingFile f : scan.files()) {
            byte[] bytes = LandingScanner.readAll(f.path(), hadoop);
            String sha = sha256(bytes);
            if (seenPathSha.contains(f.path() + "|" + sha)) {
                alreadyKnown++;
                continue;
            }
            seenPathSha.add(f.path() + "|" + sha);
            seq++;
            String first = firstNameBySha.get(sha);
            if (first != null) {
                entries.add(entry(
                        f,
                        sha,
                        null,
                        FileLedger.DUPLICATE,
                        first,
                        null,
                        "same content as " + first,
                        ctx.runId(),
                        seq,
                        now,
                        null));
                ctx.console().progress("  " + f.source() + "/" + f.name() + ": duplicate of " + first);
                continue;
            }
            firstNameBySha.put(sha, f.name());
            Contract contract = contracts.get(f.source());
            BronzeRowBuilder builder = new BronzeRowBuilder(contract, pseudonymiser);
            try {
                ParsedTable table = DeliveredFileReader.read(f.name(), bytes, contract);
                List<String> names = builder.checkHeader(table.header());
                List<Row> rows = builder.build(table, names, ctx.runId(), f.name(), sha, seq, now);
                batches.computeIfAbsent(f.source(), s -> new BronzeBatch(ctx, contract))
                        .add(sha, rows);
                entries.add(entry(
                        f,
                        sha,
                        table.format(),
                        FileLedger.LOADED,
                        null,
                        (long) rows.size(),
                        null,
                        ctx.runId(),
                        seq,
                        now,
                        table));
                String delimited = table.delimiter() == null ? "" : ", " + table.delimiter() + "-separated";
                ctx.console()
                        .progress("  " + f.source() + "/" + f.name() + ": " + rows.size() + " rows (" + table.format()
                                + delimited + ")");
            } catch (FileRejected e) {
                entries.add(entry(
                        f, sha, null, FileLedger.REJECTED, null, null, e.getMessage(), ctx.runId(), seq, now, null));
                ctx.console().progress("  " + f.source() + "/" + f.name() + ": rejected: " + e.getMessage());
            }
        }

        Map<String, Long> versions = new LinkedHashMap<>();
        long written = 0;
        for (BronzeBatch b : batches.values()) {
            written += b.commit();
            versions.put(BronzeSchema.table(b.contract()), ctx.lake().version(BronzeSchema.table(b.contract())));
        }
        ledger.append(entries);
        if (!entries.isEmpty()) {
            versions.put(FileLedger.TABLE, ctx.lake().version(FileLedger.TABLE));
        }
        String summary = entries.size() + " new file(s), " + written + " row(s) to bronze"
                + (alreadyKnown > 0 ? ", " + alreadyKnown + " already ingested" : "")
                + (scan.ignored().isEmpty() ? "" : ", " + scan.ignored().size() + " ignored");
        return new StepResult(name(), !entries.isEmpty(), written, versions, summary);
    }

    private static FileLedger.Entry entry(
            LandingScanner.LandingFile f,
            String sha,
            String format,
            String status,
            String dupOf,
            Long rowsRead,
            String reason,
            String runId,
            long seq,
            Timestamp at,
            ParsedTable table) {
        Long zero = FileLedger.REJECTED.equals(status) || FileLedger.DUPLICATE.equals(status) ? 0L : null;
        return new FileLedger.Entry(
                f.name(),
                f.path(),
                f.source(),
                sha,
                f.size(),
                format,
                status,
                dupOf,
                rowsRead != null ? rowsRead : zero,
                zero,
                zero,
                reason,
                runId,
                seq,
                at,
                table == null ? null : table.delimiter(),
                table == null ? null : table.sheet());
    }

    static String sha256(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }

    /**
     * One source's new rows for this run, written to bronze in one commit. Large deliveries are
     * spilled to scratch Parquet as they are read so the driver never holds a whole year at once.
     */
    static final class BronzeBatch {
        private final RunContext ctx;
        private final Contract contract;
        private final List<String> shas = new ArrayList<>();
        private final List<Row> pending = new ArrayList<>();
        private final String scratch;
        private boolean spilled;
        private long count;

        BronzeBatch(RunContext ctx, Contract contract) {
            this.ctx = ctx;
            this.contract = contract;
            this.scratch = ctx.lake().scratch("ingest-" + ctx.runId() + "/" + contract.name());
        }

        Contract contract() {
            return contract;
        }

        void add(String sha, List<Row> rows) {
            shas.add(sha);
            pending.addAll(rows);
            count += rows.size();
            if (pending.size() >= SPILL_ROWS) {
                spill();
            }
        }

        private void spill() {
            ctx.spark()
                    .createDataFrame(pending, BronzeSchema.forContract(contract))
                    .write()
                    .mode("append")
                    .parquet(scratch);
            pending.clear();
            spilled = true;
        }

        long commit() throws java.io.IOException {
            Dataset<Row> df;
            if (spilled) {
                if (!pending.isEmpty()) {
                    spill();
                }
                df = ctx.spark()
                        .read()
                        .schema(BronzeSchema.forContract(contract))
                        .parquet(scratch);
            } else {
                df = ctx.spark().createDataFrame(pending, BronzeSchema.forContract(contract));
            }
            String table = BronzeSchema.table(contract);
            String path = ctx.lake().path(table);
            if (ctx.lake().exists(table)) {
                String in =
                        String.join(",", shas.stream().map(s -> "'" + s + "'").toList());
                df.write()
                        .format("delta")
                        .mode("overwrite")
                        .option("mergeSchema", "true")
                        .option("replaceWhere", BronzeSchema.FILE_SHA + " IN (" + in + ")")
                        .save(path);
            } else {
                df.write().format("delta").mode("append").save(path);
            }
            if (spilled) {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(scratch);
                p.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration())
                        .delete(p.getParent(), true);
            }
            return count;
        }
    }
}
