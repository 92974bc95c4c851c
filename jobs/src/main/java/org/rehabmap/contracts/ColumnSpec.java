package org.rehabmap.contracts;

import java.util.List;

/**
 * One column as its contract states it, whatever the kind of contract: landing columns use the
 * checks and normalisation, gold columns the physical type and the disclosure role.
 *
 * @param logicalType string | integer | number | boolean | date | array
 * @param physicalType the Spark type of a table column (string, int, bigint, double, boolean, date,
 *     array&lt;string&gt;); null for landing columns, which arrive as text
 * @param itemType for arrays, the logical type of each item
 * @param keyPosition 1-based position in the primary key, or null
 * @param normalise upper (codes), lower (enumerations) or none
 * @param disclosure count (counts people), derived (built on counts) or null
 * @param disclosureBasis for derived columns, the counts it is built on (empty: all counts)
 */
public record ColumnSpec(
        String name,
        String logicalType,
        String physicalType,
        String itemType,
        boolean required,
        String description,
        String pattern,
        Double minimum,
        Double maximum,
        Integer minItems,
        Integer keyPosition,
        String normalise,
        List<String> suppressionMarkers,
        String identifier,
        String unknownValue,
        List<ValueRule> valueRules,
        String disclosure,
        List<String> disclosureBasis) {

    public ColumnSpec {
        suppressionMarkers = suppressionMarkers == null ? List.of() : List.copyOf(suppressionMarkers);
        valueRules = valueRules == null ? List.of() : List.copyOf(valueRules);
        disclosureBasis = disclosureBasis == null ? List.of() : List.copyOf(disclosureBasis);
    }

    public boolean isList() {
        return "array".equals(logicalType);
    }

    public boolean isIdentifier() {
        return identifier != null;
    }

    /** The literal values a column-level valid-values rule allows (gold enumerations), or null. */
    public List<String> validValues() {
        for (ValueRule r : valueRules) {
            if (r.validValuesReference() == null) {
                return r.validValues();
            }
        }
        return null;
    }

    /** The id of the rule that holds {@link #validValues()}, or null. */
    public String validValuesId() {
        for (ValueRule r : valueRules) {
            if (r.validValuesReference() == null) {
                return r.id();
            }
        }
        return null;
    }
}
