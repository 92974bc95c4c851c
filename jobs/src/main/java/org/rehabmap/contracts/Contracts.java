package org.rehabmap.contracts;

import org.rehabmap.config.ConfigError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every contract in data-contracts/, bound once and read by every layer: the landing sources
 * (ingest, conform, templates, the pre-submission check), the reference tables (conform) and the
 * gold tables (curate, publish, the data dictionary). Anything malformed stops the run with one
 * line naming the file.
 */
public final class Contracts {
    public static final String SOURCES = "sources";
    public static final String REFERENCE = "reference";
    public static final String GOLD = "gold";

    private final Path dir;
    private final Map<String, Contract> sources;
    private final Map<String, ReferenceContract> references;
    private final Map<String, GoldContract> gold;

    private Contracts(
            Path dir,
            Map<String, Contract> sources,
            Map<String, ReferenceContract> references,
            Map<String, GoldContract> gold) {
        this.dir = dir;
        this.sources = Collections.unmodifiableMap(sources);
        this.references = Collections.unmodifiableMap(references);
        this.gold = Collections.unmodifiableMap(gold);
    }

    /** Reads {@code <dir>/sources}, {@code <dir>/reference} and {@code <dir>/gold}. */
    public static Contracts load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigError("contracts folder not found: " + dir);
        }
        Map<String, Contract> sources = new LinkedHashMap<>();
        for (Path f : ContractReader.files(dir.resolve(SOURCES))) {
            Contract c = SourceContracts.from(f, ContractReader.read(f));
            if (sources.put(c.name(), c) != null) {
                throw new ConfigError("contract " + f + ": a second contract for source '" + c.name() + "'");
            }
        }
        Map<String, ReferenceContract> references = new LinkedHashMap<>();
        for (Path f : ContractReader.files(dir.resolve(REFERENCE))) {
            ReferenceContract c = ReferenceContracts.from(f, ContractReader.read(f));
            if (references.put(c.name(), c) != null) {
                throw new ConfigError("contract " + f + ": a second contract for reference table '" + c.name() + "'");
            }
        }
        Map<String, GoldContract> gold = new LinkedHashMap<>();
        for (Path f : ContractReader.files(dir.resolve(GOLD))) {
            GoldContract c = GoldContracts.from(f, ContractReader.read(f));
            if (gold.put(c.table(), c) != null) {
                throw new ConfigError("contract " + f + ": a second contract for " + c.table());
            }
        }
        return new Contracts(dir, sources, references, gold);
    }

    public Path dir() {
        return dir;
    }

    /** Landing contracts keyed by source (landing folder) name. */
    public Map<String, Contract> sources() {
        return sources;
    }

    /** The landing contract of one source. */
    public Contract source(String name) {
        Contract c = sources().get(name);
        if (c == null) {
            throw new ConfigError("no contract for source '" + name + "' in " + dir.resolve(SOURCES));
        }
        return c;
    }

    /** Reference-table contracts keyed by silver table name (without the layer). */
    public Map<String, ReferenceContract> references() {
        return references;
    }

    /** Gold contracts keyed by qualified table name (gold.benchmarks), in file-name order. */
    public Map<String, GoldContract> gold() {
        return gold;
    }

    /** The gold contracts the named step makes (customProperties.step), in file-name order. */
    public List<GoldContract> goldMadeBy(String step) {
        return gold.values().stream().filter(c -> c.step().equals(step)).toList();
    }

    /** The contract of one gold table, named gold.x or x. */
    public GoldContract gold(String table) {
        String qualified = table.contains(".") ? table : "gold." + table;
        GoldContract c = gold.get(qualified);
        if (c == null) {
            throw new ConfigError("no output contract for " + qualified + ": "
                    + dir.resolve(GOLD).resolve(qualified.substring(qualified.indexOf('.') + 1) + ".odcs.yaml")
                    + " does not exist");
        }
        return c;
    }
}
