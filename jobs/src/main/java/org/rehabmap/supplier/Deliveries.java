package org.rehabmap.supplier;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.audit.FileLedger;
import org.rehabmap.audit.Quarantine;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.contracts.Contract;
import org.rehabmap.lake.Lake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * Everything the supplier feedback says about the files delivered, read once from the lake's lineage:
 * the ledger (every file and its outcome), bronze (which provider each row belongs to) and the quarantine
 * (which rows were refused, by which rule). Bronze and the quarantine are read only for the files not
 * profiled before ({@link DeliveryProfiles}): a night reads its own new files, not every delivery so far.
 * Nothing of a row's values is read but its provider code and whether each optional column was filled in;
 * identifiers are never read.
 *
 * <p>A row belongs to the provider its provider_code names ({@link Attribution}). A row whose code names no
 * provider belongs to the file's one provider when the file has exactly one; in a file of several
 * providers it is nobody's, and is counted for the programme team only.
 */
public record Deliveries(
        Map<String, FileRecord> files,
        List<ProviderFile> providerFiles,
        List<BadRow> badRows,
        Map<String, Long> unattributedRows,
        Map<String, List<String>> optionalColumns) {

    /** One file of the ledger (duplicates left out: they brought nothing). */
    public record FileRecord(
            String sha256,
            String source,
            String fileName,
            LocalDate received,
            String runId,
            long seq,
            String status,
            String reason,
            Long rowsRead) {}

    /**
     * One provider's rows in one file.
     *
     * @param filled optional column → accepted rows that fill it in
     */
    public record ProviderFile(String provider, String sha256, long rows, long quarantined, Map<String, Long> filled) {
        public long accepted() {
            return rows - quarantined;
        }
    }

    /** A quarantined row of one provider; the reason masks identifiers as the quarantine does. */
    public record BadRow(
            String provider, String sha256, long rowNumber, String ruleId, List<String> ruleIds, String reason) {}

    /**
     * @param runId the run reading, to store the profiles of newly finished files under ({@link
     *     DeliveryProfiles}); null stores nothing
     */
    public static Deliveries read(Lake lake, Map<String, Contract> sources, String runId) {
        Map<String, FileRecord> files = new LinkedHashMap<>();
        Map<String, List<String>> optional = new LinkedHashMap<>();
        List<ProviderFile> providerFiles = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        Map<String, Long> unattributed = new LinkedHashMap<>();
        if (!lake.exists(FileLedger.TABLE)) {
            return new Deliveries(files, providerFiles, bad, unattributed, optional);
        }
        for (Row r : lake.read(FileLedger.TABLE)
                .filter(col("status").notEqual(FileLedger.DUPLICATE))
                .orderBy("file_seq")
                .collectAsList()) {
            java.sql.Timestamp at = r.getAs("ingested_at");
            files.put(
                    r.getAs("sha256"),
                    new FileRecord(
                            r.getAs("sha256"),
                            r.getAs("source"),
                            r.getAs("file_name"),
                            at.toLocalDateTime().toLocalDate(),
                            r.getAs("run_id"),
                            r.<Long>getAs("file_seq"),
                            r.getAs("status"),
                            r.getAs("reason"),
                            r.getAs("rows_read")));
        }
        Map<String, String> signatures = new LinkedHashMap<>();
        Map<String, String> bronzeOf = new LinkedHashMap<>();
        for (Contract c : sources.values()) {
            if (c.column(Attribution.PROVIDER_CODE).isPresent() && lake.exists(BronzeSchema.table(c))) {
                optional.put(c.name(), DataQuality.optionalColumns(c));
                signatures.put(c.name(), DeliveryProfiles.signature(optional.get(c.name())));
                bronzeOf.put(c.name(), BronzeSchema.table(c));
            }
        }
        Map<String, Map<String, List<CodeGroup>>> stored = DeliveryProfiles.read(lake, signatures, optional);
        Dataset<Row> quarantine = lake.exists(Quarantine.TABLE) ? lake.read(Quarantine.TABLE) : null;
        List<Row> store = new ArrayList<>();
        for (String source : signatures.keySet()) {
            Map<String, List<CodeGroup>> have = stored.getOrDefault(source, Map.of());
            List<CodeGroup> groups = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Set<String> finished = new TreeSet<>();
            for (FileRecord f : files.values()) {
                if (!f.source().equals(source)) {
                    continue;
                }
                if (have.containsKey(f.sha256())) {
                    groups.addAll(have.get(f.sha256()));
                    continue;
                }
                missing.add(f.sha256());
                if (f.status().equals(FileLedger.CONFORMED) || f.status().equals(FileLedger.REJECTED)) {
                    finished.add(f.sha256());
                }
            }
            if (!missing.isEmpty()) {
                List<CodeGroup> fresh =
                        readSource(lake.read(bronzeOf.get(source)), quarantine, source, optional.get(source), missing);
                groups.addAll(fresh);
                if (runId != null) {
                    store.addAll(DeliveryProfiles.rows(source, signatures.get(source), finished, fresh, runId));
                }
            }
            // in file and code order, whichever were stored and whichever read now
            groups.sort(Comparator.comparing(CodeGroup::sha256)
                    .thenComparing(CodeGroup::code, Comparator.nullsFirst(Comparator.naturalOrder())));
            attribute(groups, providerFiles, bad, unattributed);
        }
        DeliveryProfiles.append(lake, store);
        return new Deliveries(files, providerFiles, bad, unattributed, optional);
    }

    /** The groups of the given files of one source, from bronze and the quarantine. */
    private static List<CodeGroup> readSource(
            Dataset<Row> bronze, Dataset<Row> quarantine, String source, List<String> optional, List<String> shas) {
        Column mine = col(BronzeSchema.FILE_SHA).isin(shas.toArray());
        List<Column> sel = new ArrayList<>(List.of(
                col(BronzeSchema.FILE_SHA).as("sha"),
                col(BronzeSchema.ROW_NUMBER).as("rn"),
                Attribution.provider(col(Attribution.PROVIDER_CODE)).as("p")));
        for (String o : optional) {
            sel.add(when(coalesce(trim(col(o)), lit("")).notEqual(""), 1)
                    .otherwise(0)
                    .as("_f_" + o));
        }
        // bronze holds every file ever delivered and a night's new files are a few of them: each bronze file is one
        // landing file's rows, so Delta's statistics on the sha256 leave the others unread
        Dataset<Row> rows = bronze.filter(mine).select(sel.toArray(Column[]::new));
        if (quarantine != null) {
            Dataset<Row> q = quarantine
                    .filter(col("source").equalTo(source).and(col("file_sha256").isin(shas.toArray())))
                    .select(
                            col("file_sha256").as("sha"),
                            col("row_number").as("rn"),
                            col("rule_id"),
                            col("rule_ids"),
                            col("reason"));
            rows = rows.join(q, List.of("sha", "rn").toArray(String[]::new), "left");
        } else {
            rows = rows.withColumns(Map.of(
                    "rule_id", lit(null).cast("string"),
                    "rule_ids", lit(null).cast("array<string>"),
                    "reason", lit(null).cast("string")));
        }
        // One aggregation per (file, code read), with the file's refused rows gathered beside their counts: the
        // totals are small (files x providers), so who owns a row without a code is settled here on the driver
        // rather than by a window over every bronze row.
        List<Column> aggs = new ArrayList<>(List.of(
                sum(when(col("rule_id").isNotNull(), 1).otherwise(0)).as("quarantined"),
                collect_list(when(
                                col("rule_id").isNotNull(),
                                struct(col("rn"), col("rule_id"), col("rule_ids"), col("reason"))))
                        .as("bad")));
        for (String o : optional) {
            aggs.add(sum(when(col("rule_id").isNull(), col("_f_" + o)).otherwise(0))
                    .as("_f_" + o));
        }
        List<CodeGroup> groups = new ArrayList<>();
        for (Row r : rows.groupBy("sha", "p")
                .agg(count(lit(1)).as("rows"), aggs.toArray(Column[]::new))
                .collectAsList()) {
            String sha = r.getAs("sha");
            String code = r.getAs("p");
            Map<String, Long> filled = new LinkedHashMap<>();
            for (String o : optional) {
                filled.put(o, r.<Long>getAs("_f_" + o));
            }
            List<BadRow> refused = new ArrayList<>();
            for (Row b : r.<Row>getList(r.fieldIndex("bad"))) {
                refused.add(new BadRow(code, sha, b.getLong(0), b.getString(1), b.getList(2), b.getString(3)));
            }
            groups.add(new CodeGroup(sha, code, r.<Long>getAs("rows"), r.<Long>getAs("quarantined"), filled, refused));
        }
        return groups;
    }

    /**
     * One file's rows that read the same provider code (null: no code a provider could have), with their
     * quarantined rows, whose {@code provider} is that code.
     */
    record CodeGroup(
            String sha256, String code, long rows, long quarantined, Map<String, Long> filled, List<BadRow> bad) {}

    /**
     * Gives each group its provider: its code, or for a group without one, the file's one provider when the
     * file names exactly one; a group no provider can be given is counted in {@code unattributed}. Adds one
     * {@link ProviderFile} per file and provider (by file, then provider) and the bad rows by provider, file
     * and row number.
     */
    static void attribute(
            List<CodeGroup> groups,
            List<ProviderFile> providerFiles,
            List<BadRow> bad,
            Map<String, Long> unattributed) {
        Map<String, Set<String>> named = new HashMap<>();
        for (CodeGroup g : groups) {
            if (g.code() != null) {
                named.computeIfAbsent(g.sha256(), k -> new TreeSet<>()).add(g.code());
            }
        }
        // file -> provider -> their rows, both in order
        Map<String, Map<String, ProviderFile>> owned = new TreeMap<>();
        List<BadRow> sourceBad = new ArrayList<>();
        for (CodeGroup g : groups) {
            String provider = g.code();
            if (provider == null) {
                Set<String> only = named.getOrDefault(g.sha256(), Set.of());
                provider = only.size() == 1 ? only.iterator().next() : null;
            }
            if (provider == null) {
                unattributed.merge(g.sha256(), g.rows(), Long::sum);
                continue;
            }
            owned.computeIfAbsent(g.sha256(), k -> new TreeMap<>())
                    .merge(
                            provider,
                            new ProviderFile(provider, g.sha256(), g.rows(), g.quarantined(), g.filled()),
                            Deliveries::add);
            for (BadRow b : g.bad()) {
                sourceBad.add(new BadRow(provider, b.sha256(), b.rowNumber(), b.ruleId(), b.ruleIds(), b.reason()));
            }
        }
        owned.values().forEach(byProvider -> providerFiles.addAll(byProvider.values()));
        sourceBad.sort(Comparator.comparing(BadRow::provider)
                .thenComparing(BadRow::sha256)
                .thenComparingLong(BadRow::rowNumber));
        bad.addAll(sourceBad);
    }

    /** The same provider's rows of one file, some with its code and some without. */
    private static ProviderFile add(ProviderFile a, ProviderFile b) {
        Map<String, Long> filled = new LinkedHashMap<>(a.filled());
        b.filled().forEach((k, v) -> filled.merge(k, v, Long::sum));
        return new ProviderFile(
                a.provider(), a.sha256(), a.rows() + b.rows(), a.quarantined() + b.quarantined(), filled);
    }

    /** The providers with at least one row delivered, in code order. */
    public List<String> providers() {
        return providerFiles.stream()
                .map(ProviderFile::provider)
                .distinct()
                .sorted()
                .toList();
    }

    /** Files no provider can be given: rejected whole, from a source without provider codes, or with no code read. */
    public List<FileRecord> unattributedFiles() {
        java.util.Set<String> attributed = new java.util.HashSet<>();
        providerFiles.forEach(p -> attributed.add(p.sha256()));
        return files.values().stream()
                .filter(f -> !attributed.contains(f.sha256()))
                .toList();
    }
}
