package org.rehabmap.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.rehabmap.config.ConfigError;

import java.util.ArrayList;
import java.util.Collections;
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
 * <p>{@code parent_area_code} is added by the publisher from the borough lookup (borough → STP →
 * alliance → London) for tables with an {@code area_code}. {@code {people_indicators}} is the SQL list
 * of the indicator catalogue's ids marked {@code disclosure = true}.
 *
 * @param countsPeople false when the contract says the table counts nobody
 * @param counts columns that count people: 1–7 is suppressed, 0 is shown
 * @param derived column → the counts it is built from (a rate goes with its numerator or denominator)
 * @param rowGate a count of the people the row describes: when small, every count and derived column goes
 * @param appliesWhen Spark SQL: the rows whose counts count people (null = all rows)
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

    /** From the table's custom properties and its columns' disclosure roles; null when the contract says nothing. */
    static DisclosureSpec from(String where, Props table, List<ColumnSpec> columns) {
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        List<String> counts = new ArrayList<>();
        Map<String, List<String>> derivedRaw = new LinkedHashMap<>();
        for (ColumnSpec c : columns) {
            if (c.disclosure() == null) {
                continue;
            }
            switch (c.disclosure()) {
                case "count" -> counts.add(c.name());
                case "derived" -> derivedRaw.put(c.name(), c.disclosureBasis());
                default ->
                    throw new ConfigError(where + ", column " + c.name()
                            + ": disclosure must be count or derived, got '" + c.disclosure() + "'");
            }
        }
        String stance = table.text("disclosure");
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
            List<String> b = basis.isEmpty() ? counts : basis;
            for (String c : b) {
                if (!counts.contains(c)) {
                    throw new ConfigError(
                            where + ", column " + col + ": disclosureBasis " + c + " is not a count column");
                }
            }
            derived.put(col, List.copyOf(b));
        });
        String gate = table.text("disclosureRowGate");
        if (gate != null && !counts.contains(gate)) {
            throw new ConfigError(where + ": disclosureRowGate " + gate + " is not a count column");
        }
        List<Siblings> siblings = new ArrayList<>();
        JsonNode sib = table.node("disclosureSiblings");
        if (sib != null) {
            for (JsonNode s : sib) {
                List<String> part = Props.strings(s.path("partition"));
                for (String c : part) {
                    if (!names.contains(c) && !PARENT_AREA_CODE.equals(c)) {
                        throw new ConfigError(where + ": disclosureSiblings partition " + c + " is not a column");
                    }
                }
                if (part.contains(PARENT_AREA_CODE) && !names.contains("area_code")) {
                    throw new ConfigError(where + ": parent_area_code needs an area_code column");
                }
                siblings.add(new Siblings(
                        part, s.hasNonNull("among") ? s.get("among").asText() : null));
            }
        }
        return new DisclosureSpec(
                true,
                List.copyOf(counts),
                Collections.unmodifiableMap(derived),
                gate,
                table.text("disclosureAppliesWhen"),
                List.copyOf(siblings));
    }
}
