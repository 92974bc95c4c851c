package org.rehabmap.gold;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.contracts.OutputCheck;
import org.rehabmap.lake.JobDescription;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.Parallel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Writes the gold tables of one run, all or nothing: every table is checked against its output
 * contract before the first write, so a broken table fails the run with every gold table still
 * at its previous version; if a write itself fails, the tables already rewritten are restored.
 * Each table is a full overwrite in one file (one per partition where its contract sets
 * {@code partitionBy}), in the order its builder sorted it.
 */
public final class GoldWriter {
    /** A gold table ready to write: "gold.x" and its rows, already in their published order. */
    public record GoldTable(String name, Dataset<Row> rows) {}

    /** What was written: table → Delta version, table → rows. */
    public record Written(Map<String, Long> versions, Map<String, Long> rows) {}

    /** The rows of one or more tables break their contracts; nothing was written. */
    public static final class ContractViolation extends RuntimeException {
        public ContractViolation(String message) {
            super(message);
        }
    }

    private final Lake lake;
    private final Path contractsDir;

    public GoldWriter(Lake lake, Path contractsDir) {
        this.lake = lake;
        this.contractsDir = contractsDir;
    }

    /**
     * The tables a step built are the tables its contracts declare (customProperties step): a
     * contract with no builder would never be written, a builder with no contract never checked.
     * Either stops the run, naming the table.
     */
    public static void checkBuilt(String step, List<GoldContract> declared, List<GoldTable> built) {
        Set<String> names = declared.stream().map(GoldContract::table).collect(Collectors.toSet());
        Set<String> made = built.stream().map(GoldTable::name).collect(Collectors.toSet());
        for (String t : names) {
            if (!made.contains(t)) {
                throw new IllegalStateException(t + " has a gold contract but the " + step + " step builds no such"
                        + " table: add its builder, or name the step that makes it (customProperties step)");
            }
        }
        for (String t : made) {
            if (!names.contains(t)) {
                throw new IllegalStateException(
                        "the " + step + " step builds " + t + " but no gold contract of its step declares it");
            }
        }
    }

    /**
     * Whether the table's latest version was written from these inputs: its commit carries the
     * same {@code inputs} (Delta userMetadata), so writing it again would change nothing.
     */
    public boolean upToDate(String name, String inputs) {
        return inputs.equals(lake.lastUserMetadata(name));
    }

    /**
     * Checks every table, then writes them.
     *
     * @param inputs table → what it was made from, kept as its commit's userMetadata (see {@link #upToDate})
     */
    public Written writeAll(List<GoldTable> tables, Map<String, String> inputs) {
        List<GoldTable> held = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> partitionBy = new LinkedHashMap<>();
        Contracts contracts = Contracts.load(contractsDir);
        List<Callable<OutputCheck.Checked>> checks = new ArrayList<>();
        for (GoldTable t : tables) {
            GoldContract contract = contracts.gold(t.name());
            partitionBy.put(t.name(), contract.partitionBy());
            // held in memory so the rows checked are the rows written
            Dataset<Row> rows = t.rows().coalesce(1).cache();
            held.add(new GoldTable(t.name(), rows));
            checks.add(() ->
                    JobDescription.during(lake.spark(), "check " + t.name(), () -> OutputCheck.check(contract, rows)));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        // The check is what computes each table (it fills the cache the write then reads), and the tables
        // are independent: computed side by side, one table's planning and code generation on the driver
        // overlaps another's tasks. Problems are listed in table order whatever finished first.
        try (Parallel pool = new Parallel("gold-check", Parallel.cores())) {
            List<OutputCheck.Checked> checked = pool.all(checks);
            for (int i = 0; i < held.size(); i++) {
                String name = held.get(i).name();
                checked.get(i).violations().forEach(v -> problems.add(name + " " + v));
                counts.put(name, checked.get(i).rows());
            }
        } catch (Exception e) {
            held.forEach(t -> t.rows().unpersist());
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        if (!problems.isEmpty()) {
            held.forEach(t -> t.rows().unpersist());
            throw new ContractViolation("gold output breaks its contract, nothing written (" + problems.size()
                    + " problem(s)): " + String.join("; ", problems));
        }
        Map<String, Long> before = new LinkedHashMap<>();
        for (GoldTable t : held) {
            before.put(t.name(), lake.version(t.name()));
        }
        // Tables are written side by side too: a write of a held table is mostly the driver's Delta work
        // (the target's snapshot, the commit), so one table's commit overlaps another's Parquet file.
        Map<String, Long> written = new ConcurrentHashMap<>();
        List<Callable<Void>> writes = new ArrayList<>();
        for (GoldTable t : held) {
            writes.add(() -> JobDescription.during(lake.spark(), "write " + t.name(), () -> {
                write(t, partitionBy.get(t.name()), inputs.get(t.name()));
                written.put(t.name(), lake.version(t.name()));
                return null;
            }));
        }
        try (Parallel pool = new Parallel("gold-write", Parallel.cores())) {
            pool.all(writes);
        } catch (Exception e) {
            // all or nothing: every table already rewritten goes back to the version it had
            for (GoldTable t : held) {
                long v = before.get(t.name());
                if (written.containsKey(t.name()) && v >= 0) {
                    DeltaTable.forPath(lake.spark(), lake.path(t.name())).restoreToVersion(v);
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            held.forEach(t -> t.rows().unpersist());
        }
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, Long> rowCounts = new LinkedHashMap<>();
        for (GoldTable t : held) {
            versions.put(t.name(), written.get(t.name()));
            rowCounts.put(t.name(), counts.get(t.name()));
        }
        return new Written(versions, rowCounts);
    }

    private void write(GoldTable t, List<String> by, String inputs) {
        DataFrameWriter<Row> w = t.rows()
                .write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .option("userMetadata", inputs);
        if (!by.isEmpty()) {
            w = w.partitionBy(by.toArray(String[]::new));
        }
        w.save(lake.path(t.name()));
    }
}
