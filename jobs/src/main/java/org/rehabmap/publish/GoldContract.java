package org.rehabmap.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.ContractLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the publisher needs from a gold table's output contract (data-contracts/gold/&lt;table&gt;.odcs.yaml,
 * ODCS v3): the table's title and description, each column's type and description (for table and
 * column comments, sheet headers and the data dictionary), the key, and the disclosure statement.
 *
 * @param name        the gold table without its layer, e.g. benchmarks
 * @param file        the contract file (for messages)
 * @param columns     in the contract's order
 * @param key         primary-key columns in key order (may be empty)
 * @param disclosure  how the table's counts of people are protected; null when the contract does not say
 */
public record GoldContract(
        String name,
        Path file,
        String title,
        String description,
        List<Column> columns,
        List<String> key,
        DisclosureSpec disclosure) {

    public record Column(String name, String logicalType, String physicalType, String description, boolean required) {}

    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Every contract in {@code <contractsDir>/gold}, keyed by table name; empty when the folder does not exist yet. */
    public static Map<String, GoldContract> loadAll(Path contractsDir) {
        Path dir = contractsDir.resolve("gold");
        Map<String, GoldContract> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".odcs.yaml"))
                    .sorted()
                    .toList()) {
                GoldContract c = parse(f, ContractLoader.readYaml(f));
                if (out.put(c.name(), c) != null) {
                    throw new ConfigError("contract " + f + ": a second contract for gold." + c.name());
                }
            }
        } catch (IOException e) {
            throw new ConfigError("cannot list contracts in " + dir + ": " + e.getMessage());
        }
        return out;
    }

    static GoldContract parse(Path file, JsonNode root) {
        String where = "contract " + file.getFileName();
        if (!"DataContract".equals(root.path("kind").asText())) {
            throw new ConfigError(where + ": kind must be DataContract");
        }
        if (!root.path("apiVersion").asText().startsWith("v3")) {
            throw new ConfigError(where + ": apiVersion must be ODCS v3.x");
        }
        JsonNode obj = root.path("schema").path(0);
        String name = obj.path("physicalName")
                .asText(obj.path("name").asText(root.path("name").asText("")));
        if (name.isBlank()) {
            throw new ConfigError(where + ": no table name (schema[0].name)");
        }
        List<Column> cols = new ArrayList<>();
        java.util.TreeMap<Integer, String> key = new java.util.TreeMap<>();
        for (JsonNode p : obj.path("properties")) {
            String col = p.path("name").asText("");
            if (col.isBlank()) {
                throw new ConfigError(where + ": a property has no name");
            }
            cols.add(new Column(
                    col,
                    p.path("logicalType").asText("string"),
                    p.path("physicalType").asText(null),
                    text(p.path("description")),
                    p.path("required").asBoolean(false)));
            if (p.path("primaryKey").asBoolean(false)) {
                key.put(p.path("primaryKeyPosition").asInt(key.size() + 1), col);
            }
        }
        if (cols.isEmpty()) {
            throw new ConfigError(where + ": schema[0] lists no properties");
        }
        String title = obj.path("businessName").asText(null);
        String description = text(root.path("description"));
        if (description == null) {
            description = text(obj.path("description"));
        }
        return new GoldContract(
                name,
                file,
                title,
                description,
                List.copyOf(cols),
                List.copyOf(key.values()),
                DisclosureSpec.parse(
                        where, root, obj, cols.stream().map(Column::name).toList()));
    }

    /** ODCS descriptions are either text or an object with purpose / usage / limitations. */
    static String text(JsonNode d) {
        if (d == null || d.isMissingNode() || d.isNull()) {
            return null;
        }
        if (d.isTextual()) {
            return d.asText().strip();
        }
        List<String> parts = new ArrayList<>();
        for (String k : List.of("purpose", "usage", "limitations")) {
            if (d.hasNonNull(k)) {
                parts.add(d.get(k).asText().strip());
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
