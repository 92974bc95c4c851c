package org.rehabmap.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A landing contract: the columns one source must deliver and the rules its rows must keep. It
 * also declares the silver table the source conforms into (its name, columns and key).
 *
 * @param description what the contract says the source is (purpose, usage), for templates and docs
 * @param file the YAML it was read from, for messages
 */
public record Contract(
        String name,
        String version,
        String rulePrefix,
        String silverTable,
        List<String> supersessionKey,
        String financialYearFrom,
        List<ColumnSpec> columns,
        List<CustomRule> customRules,
        String description,
        java.nio.file.Path file) {

    public List<String> requiredColumns() {
        return columns.stream()
                .filter(ColumnSpec::required)
                .map(ColumnSpec::name)
                .toList();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<ColumnSpec> identifierColumns() {
        return columns.stream().filter(ColumnSpec::isIdentifier).toList();
    }

    /** Rule ids derived from the column definitions, e.g. HNA_CONCERN_SCORE_RANGE; see data-contracts/README.md. */
    public String derivedRuleId(String column, String check) {
        return (rulePrefix + "_" + column + "_" + check).toUpperCase();
    }

    public String rowShapeRuleId() {
        return rulePrefix + "_ROW_SHAPE";
    }

    /** Every rule id this contract can raise, in a stable order. */
    public List<String> allRuleIds() {
        List<String> ids = new ArrayList<>();
        ids.add(rowShapeRuleId());
        for (ColumnSpec c : columns) {
            if (c.required()) {
                ids.add(derivedRuleId(c.name(), "REQUIRED"));
            }
            if (!"string".equals(c.logicalType()) && !"array".equals(c.logicalType())) {
                ids.add(derivedRuleId(c.name(), "TYPE"));
            }
            if (c.pattern() != null) {
                ids.add(derivedRuleId(c.name(), "PATTERN"));
            }
            if (c.minimum() != null || c.maximum() != null) {
                ids.add(derivedRuleId(c.name(), "RANGE"));
            }
            if (c.minItems() != null && c.minItems() > 0 && !c.required()) {
                ids.add(derivedRuleId(c.name(), "MIN_ITEMS"));
            }
            for (ValueRule v : c.valueRules()) {
                ids.add(v.id());
            }
        }
        for (CustomRule r : customRules) {
            ids.add(r.id());
        }
        return ids;
    }
}
