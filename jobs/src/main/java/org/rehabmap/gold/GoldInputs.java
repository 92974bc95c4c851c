package org.rehabmap.gold;

import com.typesafe.config.ConfigRenderOptions;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.lake.Lake;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each gold table is made from, kept as its commit's userMetadata ({@link GoldWriter#upToDate}):
 * the method of the step that makes it, the as-of date if it reads it, the version of every silver
 * table it reads, the configuration its step reads and its output contract. Same inputs, same table
 * (the jobs are deterministic), so a step rebuilds only the tables whose inputs changed.
 */
public final class GoldInputs {
    private GoldInputs() {}

    /** The named configuration sections as text, each rendered whole (a section that is not set is left out). */
    public static String sections(Settings settings, List<String> sections) {
        var conf = settings.raw();
        StringBuilder c = new StringBuilder();
        for (String k : sections) {
            if (conf.hasPath(k)) {
                c.append(k)
                        .append('=')
                        .append(conf.getValue(k).render(ConfigRenderOptions.concise()))
                        .append('\n');
            }
        }
        return c.toString();
    }

    /**
     * Each table's inputs, in the order of {@code tables}: the silver tables and as-of date its
     * contract says it is made from ({@code inputs}, {@code readsAsOf}).
     *
     * @param method     the step's method and its version, e.g. "curate method 2": bumped when a change to the
     *                   code changes a table for the same inputs, so the next run rewrites it
     * @param config     the configuration the step reads, as text
     */
    public static Map<String, String> of(
            String method, List<GoldContract> tables, Lake lake, LocalDate asOf, String config) {
        String configSha = sha256(config);
        Map<String, Long> versions = new HashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (GoldContract t : tables) {
            StringBuilder sb = new StringBuilder(method);
            if (t.readsAsOf()) {
                sb.append("; as_of ").append(asOf);
            }
            for (String s : t.inputs()) {
                sb.append("; ").append(s).append(" v").append(versions.computeIfAbsent(s, lake::version));
            }
            sb.append("; config sha256 ").append(configSha);
            String contract;
            try {
                contract = Files.readString(t.file());
            } catch (IOException x) {
                contract = "missing " + t.table();
            }
            sb.append("; contract sha256 ").append(sha256(contract));
            out.put(t.table(), sb.toString());
        }
        return out;
    }

    private static String sha256(String text) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(text).substring(0, 16);
    }
}
