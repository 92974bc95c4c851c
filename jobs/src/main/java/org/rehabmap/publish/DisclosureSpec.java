package org.rehabmap.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.rehabmap.config.ConfigError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gold table's disclosure statement, read from its contract's customProperties (METHODS.md,
 * disclosure control). The contract says it because only the contract knows which numbers count
 * people; a table whose contract says nothing is not published (fail closed).
 *
 * <pre>
 * customProperties:                     # table level
 *   - {property: disclosure, value: people}      # or none: nothing in the table counts people
 *   - {property: disclosureRowGate, value: assessments}   # the people a row describes
 *   - {property: disclosureAppliesWhen, value: "indicator_id IN {people_indicators}"}
 *   - property: disclosureSiblings     # groups whose members add up to a published total
 *     value: [{partition: [period, parent_area_code], among: "area_level = 'borough'"}]
 * properties:
 *   - name: numerator
 *     customProperties: [{property: disclosure, value: count}]
 *   - name: value
 *     customProperties: [{property: disclosure, value: derived}, {property: disclosureBasis, value: [numerator, denominator]}]
 * </pre>
 *
 * {@code parent_area_code} is added by the publisher from the borough lookup (borough → STP →
 * alliance → London) for tables with an {@code area_code}. {@code {people_indicators}} is the SQL list
 * of the indicator catalogue's ids marked {@code disclosure = true}.
 *
 * @param countsPeople false when the contract says the table counts nobody
 * @param counts       columns that count people: 1–7 is suppressed, 0 is shown
 * @param derived      column → the counts it is built from (a rate goes with its numerator or denominator)
 * @param rowGate      a count of the people the row describes: when small, every count and derived column goes
 * @param appliesWhen  Spark SQL: the rows whose counts count people (null = all rows)
 */
public record DisclosureSpec(
        boolean countsPeople,
        List<String> counts,
        Map<String, List<String>> derived,
        String rowGate,
        String appliesWhen,
        List<Siblings> siblings) {

    public static final String PARENT_AREA_CODE = "parent_area_code";

    /** Members of a partition (where {@code among} holds) that add up to a published total. */
    public record Siblings(List<String> partition, String among) {}

    public static final DisclosureSpec NONE = new DisclosureSpec(false, List.of(), Map.of(), null, null, List.of());

    /** Every column whose cell may be withheld. */
    public List<String> protectedColumns() {
        List<String> out = new ArrayList<>(counts);
        out.addAll(derived.keySet());
        return out;
    }

    static DisclosureSpec parse(String where, JsonNode root, JsonNode obj, List<String> columns) {
        Map<String, JsonNode> table = props(root.path("customProperties"));
        table.putAll(props(obj.path("customProperties")));
        List<String> counts = new ArrayList<>();
        Map<String, List<String>> derivedRaw = new LinkedHashMap<>();
        for (JsonNode p : obj.path("properties")) {
            Map<String, JsonNode> cp = props(p.path("customProperties"));
            if (!cp.containsKey("disclosure")) {
                continue;
            }
            String col = p.path("name").asText();
            String kind = cp.get("disclosure").asText();
            switch (kind) {
                case "count" -> counts.add(col);
                case "derived" ->
                    derivedRaw.put(col, cp.containsKey("disclosureBasis") ? strings(cp.get("disclosureBasis")) : null);
                default ->
                    throw new ConfigError(
                            where + ", column " + col + ": disclosure must be count or derived, got '" + kind + "'");
            }
        }
        String stance =
                table.containsKey("disclosure") ? table.get("disclosure").asText() : null;
        if (stance == null && counts.isEmpty()) {
            return null;
        }
        if ("none".equals(stance)) {
            if (!counts.isEmpty()) {
                throw new ConfigError(where + ": disclosure is none but columns are marked as counts " + counts);
            }
            return NONE;
        }
        if (stance != null && !"people".equals(stance)) {
            throw new ConfigError(where + ": table disclosure must be people or none, got '" + stance + "'");
        }
        if (counts.isEmpty()) {
            throw new ConfigError(
                    where + ": disclosure is people but no column is marked {property: disclosure, value: count}");
        }
        Map<String, List<String>> derived = new LinkedHashMap<>();
        derivedRaw.forEach((col, basis) -> {
            List<String> b = basis == null ? counts : basis;
            for (String c : b) {
                if (!counts.contains(c)) {
                    throw new ConfigError(
                            where + ", column " + col + ": disclosureBasis " + c + " is not a count column");
                }
            }
            derived.put(col, List.copyOf(b));
        });
        String gate = table.containsKey("disclosureRowGate")
                ? table.get("disclosureRowGate").asText()
                : null;
        if (gate != null && !counts.contains(gate)) {
            throw new ConfigError(where + ": disclosureRowGate " + gate + " is not a count column");
        }
        String when = table.containsKey("disclosureAppliesWhen")
                ? table.get("disclosureAppliesWhen").asText()
                : null;
        List<Siblings> siblings = new ArrayList<>();
        if (table.containsKey("disclosureSiblings")) {
            for (JsonNode s : table.get("disclosureSiblings")) {
                List<String> part = strings(s.path("partition"));
                for (String c : part) {
                    if (!columns.contains(c) && !PARENT_AREA_CODE.equals(c)) {
                        throw new ConfigError(where + ": disclosureSiblings partition " + c + " is not a column");
                    }
                }
                if (part.contains(PARENT_AREA_CODE) && !columns.contains("area_code")) {
                    throw new ConfigError(where + ": parent_area_code needs an area_code column");
                }
                siblings.add(new Siblings(
                        List.copyOf(part),
                        s.hasNonNull("among") ? s.get("among").asText() : null));
            }
        }
        return new DisclosureSpec(
                true,
                List.copyOf(counts),
                java.util.Collections.unmodifiableMap(derived),
                gate,
                when,
                List.copyOf(siblings));
    }

    private static Map<String, JsonNode> props(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode p : list) {
            out.put(p.path("property").asText(), p.path("value"));
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode v : n) {
                out.add(v.asText());
            }
        } else if (!n.isMissingNode() && !n.isNull()) {
            out.add(n.asText());
        }
        return out;
    }
}
