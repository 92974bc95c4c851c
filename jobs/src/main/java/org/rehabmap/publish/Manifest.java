package org.rehabmap.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json of a pack: every file with its SHA-256, size and row count, and the Delta version
 * of each gold table it was built from, so a reader can check a file and trace it to the lake.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One file of the pack; {@code rows} = data rows (CSV), rows over all sheets (workbook), or rows drawn on (report). */
    public record Entry(String path, long rows, Map<String, Long> builtFrom) {}

    private final List<Entry> entries = new ArrayList<>();

    public void add(String path, long rows, Map<String, Long> builtFrom) {
        entries.add(new Entry(path, rows, new LinkedHashMap<>(builtFrom)));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** @param contentSha256 fingerprint of what the pack was built from; a later run with the same one leaves the pack alone */
    public void write(
            Path dir,
            Pack pack,
            String runId,
            String asOf,
            java.time.Instant generatedAt,
            String contentSha256,
            Map<String, Long> versions,
            Map<String, Object> extra)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("pack", pack.slug());
        root.put("area_code", pack.code());
        root.put("area_name", pack.name());
        root.put("run_id", runId);
        root.put("as_of", asOf);
        root.put("generated_at", generatedAt.toString());
        root.put("content_sha256", contentSha256);
        ObjectNode src = root.putObject("gold_versions");
        versions.forEach(src::put);
        ObjectNode x = root.putObject("disclosure");
        extra.forEach((k, v) -> x.putPOJO(k, v));
        ArrayNode files = root.putArray("files");
        for (Entry e : entries) {
            Path f = dir.resolve(e.path());
            ObjectNode n = files.addObject();
            n.put("path", e.path());
            n.put("sha256", sha256(f));
            n.put("bytes", Files.size(f));
            n.put("rows", e.rows());
            ObjectNode b = n.putObject("built_from");
            e.builtFrom().forEach(b::put);
        }
        JSON.writeValue(dir.resolve(FILE).toFile(), root);
    }

    public static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return DigestUtils.sha256Hex(in);
        }
    }
}
