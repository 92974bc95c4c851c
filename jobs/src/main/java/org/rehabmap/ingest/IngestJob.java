package org.rehabmap.ingest;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
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
        Broadcast<SerializableConfiguration> conf = LandingTasks.hadoopConf(ctx.spark());
        Map<String, String> shas = FileHashes.of(
                ctx.spark(),
                scan.files().stream().map(LandingScanner.LandingFile::path).toList(),
                conf);
        for (LandingScanner.LandingFile f : scan.files()) {
            delivery.take(f, shas.get(f.path()));
        }
        delivery.parse(conf);

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

    /**
     * This run's new files: a ledger entry for each, in delivery order. Known files and duplicates are
     * decided on the driver from the first pass's hashes; the files to load are parsed in Spark tasks, one
     * source at a time, and only their facts (format, rows read, or why rejected) come back here.
     */
    static final class Delivery {
        private final RunContext ctx;
        private final Map<String, Contract> contracts;
        private final Pseudonymiser pseudonymiser;
        private final Seen seen;
        private final Timestamp now;
        /** In delivery order: a finished entry, or a file waiting for its facts. */
        private final List<Object> slots = new ArrayList<>();

        private final Map<String, SourceLoad> loads = new LinkedHashMap<>();
        private final List<FileLedger.Entry> entries = new ArrayList<>();

        Delivery(RunContext ctx, Map<String, Contract> contracts, Pseudonymiser pseudonymiser, Seen seen) {
            this.ctx = ctx;
            this.contracts = contracts;
            this.pseudonymiser = pseudonymiser;
            this.seen = seen;
            this.now = Timestamp.from(ctx.startedAt());
        }

        /** One landing file with its content hash: skipped if known, a duplicate, or to be loaded. */
        void take(LandingScanner.LandingFile f, String sha) {
            if (seen.alreadyIngested(f, sha)) {
                return;
            }
            long seq = seen.nextSeq();
            String first = seen.firstWith(sha, f.name());
            if (first != null) {
                slots.add(new Done(
                        f,
                        entry(
                                f,
                                sha,
                                null,
                                FileLedger.DUPLICATE,
                                first,
                                null,
                                "same content as " + first,
                                seq,
                                null,
                                null),
                        "duplicate of " + first));
                return;
            }
            SourceLoad.Pending p = new SourceLoad.Pending(f.path(), f.name(), sha, seq);
            loads.computeIfAbsent(f.source(), s -> new SourceLoad(ctx.lake(), contracts.get(s)))
                    .add(p);
            slots.add(new Waiting(f, p));
        }

        /** Parses each source's files in tasks and settles every entry: loaded, or rejected whole. */
        void parse(Broadcast<SerializableConfiguration> conf) {
            Map<String, FileParse.Fact> facts = new HashMap<>();
            for (SourceLoad load : loads.values()) {
                facts.putAll(load.parse(new BronzeRowBuilder(load.contract(), pseudonymiser), conf, ctx.runId(), now));
            }
            for (Object slot : slots) {
                Done done = slot instanceof Waiting w
                        ? settle(w, facts.get(w.pending().path()))
                        : (Done) slot;
                entries.add(done.entry());
                ctx.console()
                        .progress(
                                "  " + done.file().source() + "/" + done.file().name() + ": " + done.line());
            }
        }

        private Done settle(Waiting w, FileParse.Fact fact) {
            LandingScanner.LandingFile f = w.file();
            SourceLoad.Pending p = w.pending();
            if (fact.reason() != null) {
                return new Done(
                        f,
                        entry(f, p.sha(), null, FileLedger.REJECTED, null, null, fact.reason(), p.seq(), null, null),
                        "rejected: " + fact.reason());
            }
            String delimited = fact.delimiter() == null ? "" : ", " + fact.delimiter() + "-separated";
            return new Done(
                    f,
                    entry(
                            f,
                            p.sha(),
                            fact.format(),
                            FileLedger.LOADED,
                            null,
                            fact.rowsRead(),
                            null,
                            p.seq(),
                            fact.delimiter(),
                            fact.sheet()),
                    fact.rowsRead() + " rows (" + fact.format() + delimited + ")");
        }

        /** One bronze commit per source; the rows written, and each table's new version into versions. */
        long commitBronze(Map<String, Long> versions) throws java.io.IOException {
            long written = 0;
            for (SourceLoad load : loads.values()) {
                List<String> loaded = new ArrayList<>();
                for (FileLedger.Entry e : entries) {
                    if (FileLedger.LOADED.equals(e.status())
                            && e.source().equals(load.contract().name())) {
                        loaded.add(e.sha256());
                    }
                }
                written += load.commit(loaded);
                if (!loaded.isEmpty()) {
                    String table = BronzeSchema.table(load.contract());
                    versions.put(table, ctx.lake().version(table));
                }
            }
            return written;
        }

        List<FileLedger.Entry> entries() {
            return entries;
        }

        private FileLedger.Entry entry(
                LandingScanner.LandingFile f,
                String sha,
                String format,
                String status,
                String dupOf,
                Long rowsRead,
                String reason,
                long seq,
                String delimiter,
                String sheet) {
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
                    ctx.runId(),
                    seq,
                    now,
                    delimiter,
                    sheet);
        }
    }

    /** A file whose ledger entry is settled, and what the console says of it. */
    private record Done(LandingScanner.LandingFile file, FileLedger.Entry entry, String line) {}

    /** A file to load, waiting for what its task found. */
    private record Waiting(LandingScanner.LandingFile file, SourceLoad.Pending pending) {}

    static String sha256(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }
}
