package org.rehabmap.ingest;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
        Set<String> sources = configuredSources(ctx, contracts);
        Set<String> extensions = new HashSet<>(ctx.settings().raw().getStringList("ingest.extensions"));
        Configuration hadoop = ctx.spark().sparkContext().hadoopConfiguration();
        FileLedger ledger = new FileLedger(ctx.lake());

        LandingScanner.Scan scan = LandingScanner.scan(ctx.landing(), sources, extensions, hadoop);
        for (String ig : scan.ignored()) {
            ctx.console().progress("  ignored: " + ig);
        }
        Seen seen = Seen.from(ledger.known());
        Delivery delivery = new Delivery(ctx, contracts, new Pseudonymiser(PseudonymKey.from(ctx.settings())), seen);
        for (LandingScanner.LandingFile f : scan.files()) {
            delivery.take(f, LandingScanner.readAll(f.path(), hadoop));
        }

        // bronze before the ledger: a run killed between the two reads the files again, and bronze
        // rows are replaced by sha256, so nothing is doubled
        Map<String, Long> versions = new LinkedHashMap<>();
        long written = delivery.commitBronze(versions);
        ledger.append(delivery.entries());
        if (!delivery.entries().isEmpty()) {
            versions.put(FileLedger.TABLE, ctx.lake().version(FileLedger.TABLE));
        }
        String summary = delivery.entries().size() + " new file(s), " + written + " row(s) to bronze"
                + (seen.alreadyKnown() > 0 ? ", " + seen.alreadyKnown() + " already ingested" : "")
                + (scan.ignored().isEmpty() ? "" : ", " + scan.ignored().size() + " ignored");
        return new StepResult(name(), !delivery.entries().isEmpty(), written, versions, summary);
    }

    /** The sources conf asks for, each of which must have a landing contract. */
    private static Set<String> configuredSources(RunContext ctx, Map<String, Contract> contracts) {
        Set<String> sources = new LinkedHashSet<>(ctx.settings().raw().getStringList("ingest.sources"));
        for (String s : sources) {
            if (!contracts.containsKey(s)) {
                throw new org.rehabmap.config.ConfigError(
                        "no contract for source '" + s + "' in data-contracts/sources");
            }
        }
        return sources;
    }

    /**
     * What the ledger already knows: a file is read once per (path, content); the same content under
     * another name is a duplicate of the first file that brought it; delivery order continues from the
     * last file sequence number.
     */
    static final class Seen {
        private final Set<String> pathSha = new HashSet<>();
        private final Map<String, String> firstNameBySha = new HashMap<>();
        private long seq;
        private int alreadyKnown;

        static Seen from(List<FileLedger.Known> known) {
            Seen seen = new Seen();
            for (FileLedger.Known k : known) {
                seen.pathSha.add(k.path() + "|" + k.sha256());
                if (!FileLedger.DUPLICATE.equals(k.status())) {
                    seen.firstNameBySha.putIfAbsent(k.sha256(), k.fileName());
                }
                seen.seq = Math.max(seen.seq, k.fileSeq());
            }
            return seen;
        }

        /** True (and counted) if this path with these bytes was ingested before; otherwise remembered. */
        boolean alreadyIngested(LandingScanner.LandingFile f, String sha) {
            if (!pathSha.add(f.path() + "|" + sha)) {
                alreadyKnown++;
                return true;
            }
            return false;
        }

        /** The name of the file that first brought these bytes, or null (and these become the first). */
        String firstWith(String sha, String name) {
            String first = firstNameBySha.get(sha);
            if (first == null) {
                firstNameBySha.put(sha, name);
            }
            return first;
        }

        long nextSeq() {
            return ++seq;
        }

        int alreadyKnown() {
            return alreadyKnown;
        }
    }

    /** This run's new files: a ledger entry for each, and the bronze rows of those loaded, by source. */
    static final class Delivery {
        private final RunContext ctx;
        private final Map<String, Contract> contracts;
        private final Pseudonymiser pseudonymiser;
        private final Seen seen;
        private final Timestamp now;
        private final List<FileLedger.Entry> entries = new ArrayList<>();
        private final Map<String, BronzeBatch> batches = new LinkedHashMap<>();

        Delivery(RunContext ctx, Map<String, Contract> contracts, Pseudonymiser pseudonymiser, Seen seen) {
            this.ctx = ctx;
            this.contracts = contracts;
            this.pseudonymiser = pseudonymiser;
            this.seen = seen;
            this.now = Timestamp.from(ctx.startedAt());
        }

        /** One landing file: skipped if known, a duplicate, loaded or rejected whole with its reason. */
        void take(LandingScanner.LandingFile f, byte[] bytes) {
            String sha = sha256(bytes);
            if (seen.alreadyIngested(f, sha)) {
                return;
            }
            long seq = seen.nextSeq();
            String first = seen.firstWith(sha, f.name());
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
                return;
            }
            try {
                load(f, bytes, sha, seq);
            } catch (FileRejected e) {
                entries.add(entry(
                        f, sha, null, FileLedger.REJECTED, null, null, e.getMessage(), ctx.runId(), seq, now, null));
                ctx.console().progress("  " + f.source() + "/" + f.name() + ": rejected: " + e.getMessage());
            }
        }

        private void load(LandingScanner.LandingFile f, byte[] bytes, String sha, long seq) throws FileRejected {
            Contract contract = contracts.get(f.source());
            BronzeRowBuilder builder = new BronzeRowBuilder(contract, pseudonymiser);
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
        }

        /** One bronze commit per source; the rows written, and each table's new version into versions. */
        long commitBronze(Map<String, Long> versions) throws java.io.IOException {
            long written = 0;
            for (BronzeBatch b : batches.values()) {
                written += b.commit();
                String table = BronzeSchema.table(b.contract());
                versions.put(table, ctx.lake().version(table));
            }
            return written;
        }

        List<FileLedger.Entry> entries() {
            return entries;
        }
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
