package org.rehabmap.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.rehabmap.config.ConfigError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads ODCS v3 YAML contracts from data-contracts/ at run time. Only the parts the jobs
 * enforce are interpreted; anything malformed stops the run with one line naming the file.
 */
public final class ContractLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "date", "array");

    private ContractLoader() {}

    public static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigError("contract " + file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The landing contracts in {@code <dir>/sources}, keyed by source (folder) name. */
    public static Map<String, Contract> loadSources(Path contractsDir) {
        Path dir = contractsDir.resolve("sources");
        if (!Files.isDirectory(dir)) {
            throw new ConfigError("contracts folder not found: " + dir);
        }
        Map<String, Contract> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".odcs.yaml"))
                    .sorted()
                    .toList()) {
                Contract c = parse(f, readYaml(f));
                if (out.put(c.name(), c) != null) {
                    throw new ConfigError("contract " + f + ": a second contract for source '" + c.name() + "'");
                }
            }
        } catch (IOException e) {
            throw new ConfigError("cannot list contracts in " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** The reference-table contracts in {@code <dir>/reference}, keyed by silver table name. */
    public static Map<String, ReferenceContract> loadReference(Path contractsDir) {
        Path dir = contractsDir.resolve("reference");
        if (!Files.isDirectory(dir)) {
            throw new ConfigError("contracts folder not found: " + dir);
        }
        Map<String, ReferenceContract> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".odcs.yaml"))
                    .sorted()
                    .toList()) {
                JsonNode root = readYaml(f);
                String where = "contract " + f.getFileName();
                String name = need(root, "name", where);
                Map<String, JsonNode> custom = customProperties(root.path("customProperties"));
                if (!custom.containsKey("file")) {
                    throw new ConfigError(where + ": customProperties needs 'file'");
                }
                List<ColumnSpec> cols = new ArrayList<>();
                java.util.TreeMap<Integer, String> key = new java.util.TreeMap<>();
                for (JsonNode p : root.path("schema").path(0).path("properties")) {
                    String col = need(p, "name", where);
                    String type = p.path("logicalType").asText("string");
                    if (!TYPES.contains(type) || "array".equals(type)) {
                        throw new ConfigError(where + ", column " + col + ": unsupported logicalType '" + type + "'");
                    }
                    if (p.path("primaryKey").asBoolean(false)) {
                        key.put(p.path("primaryKeyPosition").asInt(key.size() + 1), col);
                    }
                    cols.add(new ColumnSpec(
                            col,
                            type,
                            p.path("required").asBoolean(false),
                            p.path("description").asText(null),
                            null,
                            null,
                            null,
                            null,
                            "none",
                            List.of(),
                            null,
                            null,
                            List.of()));
                }
                out.put(
                        name,
                        new ReferenceContract(
                                name, custom.get("file").asText(), List.copyOf(cols), List.copyOf(key.values())));
            }
        } catch (IOException e) {
            throw new ConfigError("cannot list contracts in " + dir + ": " + e.getMessage());
        }
        return out;
    }

    static Contract parse(Path file, JsonNode root) {
        String where = "contract " + file.getFileName();
        if (!"DataContract".equals(root.path("kind").asText())) {
            throw new ConfigError(where + ": kind must be DataContract");
        }
        if (!root.path("apiVersion").asText().startsWith("v3")) {
            throw new ConfigError(where + ": apiVersion must be ODCS v3.x");
        }
        String name = need(root, "name", where);
        Map<String, JsonNode> custom = customProperties(root.path("customProperties"));
        String prefix =
                custom.containsKey("rulePrefix") ? custom.get("rulePrefix").asText() : name.toUpperCase();
        String silver =
                custom.containsKey("silverTable") ? custom.get("silverTable").asText() : name;
        List<String> key = custom.containsKey("supersessionKey") ? strings(custom.get("supersessionKey")) : List.of();

        JsonNode schema = root.path("schema");
        if (!schema.isArray() || schema.isEmpty()) {
            throw new ConfigError(where + ": schema must list one object");
        }
        JsonNode obj = schema.get(0);
        List<ColumnSpec> columns = new ArrayList<>();
        List<RowRule> rowRules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode p : obj.path("properties")) {
            String col = need(p, "name", where);
            String pw = where + ", column " + col;
            String type = p.path("logicalType").asText("string");
            if (!TYPES.contains(type)) {
                throw new ConfigError(pw + ": unknown logicalType '" + type + "'");
            }
            JsonNode opt = p.path("logicalTypeOptions");
            Map<String, JsonNode> cp = customProperties(p.path("customProperties"));
            List<ValueRule> vr = new ArrayList<>();
            for (JsonNode q : p.path("quality")) {
                String id = need(q, "id", pw + ", quality rule");
                if (!ids.add(id)) {
                    throw new ConfigError(pw + ": rule id " + id + " is used twice");
                }
                String qtype = q.path("type").asText();
                if ("library".equals(qtype)
                        && "invalidValues".equals(q.path("metric").asText())) {
                    JsonNode args = q.path("arguments");
                    String ref = args.hasNonNull("validValuesReference")
                            ? args.get("validValuesReference").asText()
                            : null;
                    vr.add(new ValueRule(
                            id,
                            col,
                            strings(args.path("validValues")),
                            ref,
                            "library",
                            null,
                            q.path("description").asText(null)));
                } else if ("custom".equals(qtype)
                        && "rehabmap".equals(q.path("engine").asText())) {
                    vr.add(new ValueRule(
                            id,
                            col,
                            List.of(),
                            null,
                            "rehabmap",
                            need(q, "implementation", pw),
                            q.path("description").asText(null)));
                } else if ("custom".equals(qtype)
                        && "spark-sql".equals(q.path("engine").asText())) {
                    // a column-level SQL rule is a row rule that happens to live on its column
                    rowRules.add(new RowRule(
                            id,
                            "spark-sql",
                            need(q, "implementation", pw),
                            q.path("description").asText(null),
                            List.of(),
                            col));
                } else {
                    throw new ConfigError(pw + ": rule " + id + " has a type the jobs cannot enforce (" + qtype + ")");
                }
            }
            String normalise = cp.containsKey("normalise")
                    ? cp.get("normalise").asText()
                    : (!vr.isEmpty() && vr.stream().anyMatch(ValueRule::isValidValues) ? "lower" : "none");
            columns.add(new ColumnSpec(
                    col,
                    type,
                    p.path("required").asBoolean(false),
                    p.path("description").asText(null),
                    opt.hasNonNull("pattern") ? opt.get("pattern").asText() : null,
                    opt.hasNonNull("minimum") ? opt.get("minimum").asDouble() : null,
                    opt.hasNonNull("maximum") ? opt.get("maximum").asDouble() : null,
                    opt.hasNonNull("minItems") ? opt.get("minItems").asInt() : null,
                    normalise,
                    cp.containsKey("suppressionMarkers") ? strings(cp.get("suppressionMarkers")) : List.of(),
                    cp.containsKey("identifier") ? cp.get("identifier").asText() : null,
                    cp.containsKey("unknownValue") ? cp.get("unknownValue").asText() : null,
                    List.copyOf(vr)));
        }
        if (columns.isEmpty()) {
            throw new ConfigError(where + ": no properties");
        }
        for (JsonNode q : obj.path("quality")) {
            String id = need(q, "id", where + ", quality rule");
            if (!ids.add(id)) {
                throw new ConfigError(where + ": rule id " + id + " is used twice");
            }
            Map<String, JsonNode> cp = customProperties(q.path("customProperties"));
            rowRules.add(new RowRule(
                    id,
                    need(q, "engine", where + ", rule " + id),
                    need(q, "implementation", where + ", rule " + id),
                    q.path("description").asText(null),
                    cp.containsKey("groupBy") ? strings(cp.get("groupBy")) : List.of(),
                    cp.containsKey("column") ? cp.get("column").asText() : null));
        }
        Set<String> names = new HashSet<>();
        for (ColumnSpec c : columns) {
            names.add(c.name());
        }
        for (String k : key) {
            if (!names.contains(k)) {
                throw new ConfigError(where + ": supersessionKey names unknown column " + k);
            }
        }
        String fy = custom.containsKey("financialYearFrom")
                ? custom.get("financialYearFrom").asText()
                : null;
        if (fy != null && !names.contains(fy)) {
            throw new ConfigError(where + ": financialYearFrom names unknown column " + fy);
        }
        return new Contract(
                name,
                root.path("version").asText("0"),
                prefix,
                silver,
                key,
                fy,
                List.copyOf(columns),
                List.copyOf(rowRules));
    }

    private static String need(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new ConfigError(where + ": missing '" + field + "'");
        }
        return v.asText();
    }

    static Map<String, JsonNode> customProperties(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode e : list) {
            out.put(e.path("property").asText(), e.path("value"));
        }
        return out;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (!n.isMissingNode() && !n.isNull()) {
            out.add(n.asText());
        }
        return List.copyOf(out);
    }
}
