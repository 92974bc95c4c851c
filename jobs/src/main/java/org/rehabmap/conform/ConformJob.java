package org.rehabmap.conform;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.rehabmap.audit.FileLedger;
import org.rehabmap.audit.Quarantine;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.lake.Parallel;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;
import org.rehabmap.rules.RuleBook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Silver: the bronze rows of files not yet conformed are checked against their contract, all pending
 * files of a source together, by the contract's rule book running inside Spark tasks; bad rows go to
 * audit.quarantine, good rows are merged into silver (latest file wins), and the ledger records
 * rows_read = rows_accepted + rows_quarantined per file. One MERGE per silver table, one quarantine write
 * and one ledger commit per run. Each write is idempotent, and the ledger is written last, so a run
 * killed half-way is simply redone.
 */
public final class ConformJob implements Step {
    @Override
    public String name() {
        return "conform";
    }

    @Override
    public StepResult run(RunContext ctx) throws Exception {
        Path contractsDir = Path.of(ctx.settings().location("paths.contracts"));
        Path referenceDir = Path.of(ctx.settings().location("paths.reference"));
        Contracts all = Contracts.load(contractsDir);
        Map<String, Contract> contracts = all.sources();
        if (all.references().isEmpty()) {
            // silver.borough and the rest come from here: without them curate has nothing to map areas with
            throw new org.rehabmap.config.ConfigError(
                    "no reference-table contracts in " + contractsDir.resolve("reference"));
        }
        // every contract's rules are built before anything is written: a rule the jobs do not know stops the run here
        ReferenceData reference = new ReferenceData(referenceDir);
        Map<String, RuleBook> books = new LinkedHashMap<>();
        contracts.forEach((name, c) -> books.put(name, RuleBook.of(c, reference, ctx.asOf())));
        Map<String, Long> versions =
                new LinkedHashMap<>(ReferenceTables.load(ctx.lake(), referenceDir, all.references(), ctx.runId()));
        FileLedger ledger = new FileLedger(ctx.lake());

        Map<String, List<String>> pendingBySource = new LinkedHashMap<>();
        Map<String, String> sheetBySha = new LinkedHashMap<>();
        for (Row r : ledger.pending()
                .select("source", "sha256", "sheet")
                .orderBy("file_seq")
                .collectAsList()) {
            pendingBySource
                    .computeIfAbsent(r.getString(0), k -> new ArrayList<>())
                    .add(r.getString(1));
            if (!r.isNullAt(2)) {
                sheetBySha.put(r.getString(1), r.getString(2));
            }
        }
        for (String source : pendingBySource.keySet()) {
            if (!contracts.containsKey(source)) {
                throw new org.rehabmap.config.ConfigError(
                        "no contract for source '" + source + "' in data-contracts/sources");
            }
        }
        Map<String, FileLedger.Counts> counts = new LinkedHashMap<>();
        List<Dataset<Row>> validatedSources = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Dataset<Row>> quarantine = new ArrayList<>();
        List<String> shasConformed = new ArrayList<>();
        long accepted = 0;
        long quarantined = 0;
        try {
            // Sources are independent up to the quarantine and the ledger, which are written once for all
            // of them after: each source's validation and MERGE into its own silver table runs beside the
            // others', so one's planning on the driver overlaps another's tasks. Results are taken in the
            // ledger's order whatever finished first; the first failure, in that order, is the one reported.
            // (two sources merging into one silver table would conflict: those go one after the other)
            long tables = pendingBySource.keySet().stream()
                    .map(k -> contracts.get(k).silverTable())
                    .distinct()
                    .count();
            List<Conformed> done = Parallel.map(
                    "conform",
                    tables == pendingBySource.size() ? Parallel.cores() : 1,
                    new ArrayList<>(pendingBySource.entrySet()),
                    e -> conform(
                            ctx,
                            contracts.get(e.getKey()),
                            books.get(e.getKey()),
                            e.getValue(),
                            sheetBySha,
                            validatedSources));
            for (Conformed c : done) {
                counts.putAll(c.counts());
                for (FileLedger.Counts n : c.counts().values()) {
                    accepted += n.accepted();
                    quarantined += n.quarantined();
                }
                quarantine.add(c.quarantine());
                shasConformed.addAll(c.shas());
                versions.put("silver." + c.contract().silverTable(), c.silverVersion());
                ctx.console()
                        .progress("  " + c.contract().name() + ": " + c.shas().size() + " file(s) conformed");
            }
            if (!quarantine.isEmpty()) {
                QuarantineWriter.write(
                        ctx.lake(),
                        quarantine.stream().reduce(Dataset::unionByName).orElseThrow(),
                        shasConformed);
            }
        } finally {
            validatedSources.forEach(Dataset::unpersist);
        }
        if (!counts.isEmpty()) {
            versions.put(Quarantine.TABLE, ctx.lake().version(Quarantine.TABLE));
            ledger.markConformed(counts, ctx.runId());
            versions.put(FileLedger.TABLE, ctx.lake().version(FileLedger.TABLE));
        }
        boolean changed = !versions.isEmpty();
        String summary = counts.isEmpty()
                ? "no new files" + (versions.isEmpty() ? "" : ", reference tables refreshed")
                : counts.size() + " file(s): " + accepted + " rows accepted, " + quarantined + " quarantined";
        return new StepResult(name(), changed, accepted, versions, summary);
    }

    /** One source's pending files, validated and merged into its silver table; its quarantine rows still to write. */
    private record Conformed(
            Contract contract,
            List<String> shas,
            Map<String, FileLedger.Counts> counts,
            Dataset<Row> quarantine,
            long silverVersion) {}

    private static Conformed conform(
            RunContext ctx,
            Contract contract,
            RuleBook book,
            List<String> shas,
            Map<String, String> sheetBySha,
            List<Dataset<Row>> held) {
        Dataset<Row> bronze = ctx.lake()
                .read(BronzeSchema.table(contract))
                .filter(col(BronzeSchema.FILE_SHA).isin(shas.toArray()));
        Dataset<Row> validated = ValidatedRows.validate(bronze, contract, book).persist(StorageLevel.MEMORY_AND_DISK());
        held.add(validated);
        Map<String, FileLedger.Counts> counts = new LinkedHashMap<>();
        for (Row c : validated
                .groupBy(BronzeSchema.FILE_SHA)
                .agg(
                        count(lit(1)),
                        sum(when(size(col(ValidatedRows.FAILURES)).gt(0), 1).otherwise(0)))
                .collectAsList()) {
            long read = c.getLong(1);
            long bad = c.getLong(2);
            counts.put(c.getString(0), new FileLedger.Counts(read, read - bad, bad));
        }
        // in the ledger's order, a file that reached bronze with no rows counted as empty
        Map<String, FileLedger.Counts> ordered = new LinkedHashMap<>();
        for (String sha : shas) {
            ordered.put(sha, counts.getOrDefault(sha, new FileLedger.Counts(0, 0, 0)));
        }
        Dataset<Row> quarantine = QuarantineWriter.toQuarantine(validated, contract, ctx.runId(), sheetBySha);
        Dataset<Row> good =
                validated.filter(size(col(ValidatedRows.FAILURES)).equalTo(0)).select(silverColumns(contract));
        long version = SilverWriter.merge(ctx.lake(), contract, good);
        return new Conformed(contract, shas, ordered, quarantine, version);
    }

    static org.apache.spark.sql.Column[] silverColumns(Contract contract) {
        List<org.apache.spark.sql.Column> cols = new ArrayList<>();
        for (var c : contract.columns()) {
            cols.add(col(c.name()));
            if (!c.suppressionMarkers().isEmpty()) {
                cols.add(col(c.name() + "_suppressed"));
            }
        }
        if (contract.financialYearFrom() != null) {
            cols.add(col("financial_year"));
        }
        for (String l : SilverWriter.LINEAGE) {
            cols.add(col(l));
        }
        return cols.toArray(new org.apache.spark.sql.Column[0]);
    }
}
