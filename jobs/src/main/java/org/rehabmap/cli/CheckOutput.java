package org.rehabmap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the check says, for a person (text) or a portal (one JSON object). Each failing row is listed with
 * every rule it breaks, then how many rows break each rule. A rejected file's reason is its one finding,
 * without a row number, under the id {@value #FILE_REJECTED}.
 */
final class CheckOutput {
    static final String FILE_REJECTED = "FILE_REJECTED";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckOutput() {}

    static String text(FileCheck.Result r) {
        StringBuilder b = new StringBuilder();
        String against = r.source() == null ? "" : " (" + r.source() + ", contract " + r.contractVersion() + ")";
        if (r.status() == FileCheck.Status.REJECTED) {
            b.append(r.file())
                    .append(against)
                    .append(": the file would be rejected: ")
                    .append(r.rejection())
                    .append('\n');
            return b.toString();
        }
        long quarantined = r.rowsRead() - r.rowsAccepted();
        b.append(r.file())
                .append(against)
                .append(": ")
                .append(r.rowsRead())
                .append(" rows read, ")
                .append(r.rowsAccepted())
                .append(" would be accepted, ")
                .append(quarantined)
                .append(" would be quarantined\n");
        if (quarantined == 0) {
            return b.toString();
        }
        for (FileCheck.Finding f : r.findings()) {
            b.append("row ")
                    .append(f.rowNumber())
                    .append(": ")
                    .append(f.ruleId())
                    .append(": ")
                    .append(f.reason())
                    .append('\n');
        }
        Map<String, Long> perRule = perRule(r);
        int width = perRule.keySet().stream().mapToInt(String::length).max().orElse(0);
        b.append("rows per rule:\n");
        perRule.forEach((rule, rows) -> b.append("  ")
                .append(rule)
                .append(" ".repeat(width - rule.length() + 2))
                .append(rows)
                .append('\n'));
        return b.toString();
    }

    /**
     * {"file", "source", "status", "rows_read", "rows_accepted", "rows": [{"row_number", "rule_id", "reason"}],
     * "summary": [{"rule_id", "rows"}]}.
     */
    static String json(FileCheck.Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", r.file());
        o.put("source", r.source());
        o.put("status", r.status().word);
        o.put("rows_read", r.rowsRead());
        o.put("rows_accepted", r.rowsAccepted());
        ArrayNode rows = o.putArray("rows");
        ArrayNode summary = o.putArray("summary");
        if (r.status() == FileCheck.Status.REJECTED) {
            ObjectNode x = rows.addObject();
            x.putNull("row_number");
            x.put("rule_id", FILE_REJECTED);
            x.put("reason", r.rejection());
        }
        for (FileCheck.Finding f : r.findings()) {
            ObjectNode x = rows.addObject();
            x.put("row_number", f.rowNumber());
            x.put("rule_id", f.ruleId());
            x.put("reason", f.reason());
        }
        perRule(r).forEach((rule, n) -> {
            ObjectNode x = summary.addObject();
            x.put("rule_id", rule);
            x.put("rows", n);
        });
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows that break each rule (a row breaking two counts for both), most first, then by rule id. */
    static Map<String, Long> perRule(FileCheck.Result r) {
        Map<String, Set<Long>> rows = new LinkedHashMap<>();
        for (FileCheck.Finding f : r.findings()) {
            rows.computeIfAbsent(f.ruleId(), k -> new LinkedHashSet<>()).add(f.rowNumber());
        }
        List<Map.Entry<String, Set<Long>>> entries = new ArrayList<>(rows.entrySet());
        entries.sort(Comparator.comparing(
                        (Map.Entry<String, Set<Long>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        Map<String, Long> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), (long) e.getValue().size()));
        return out;
    }
}
