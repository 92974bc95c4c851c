package org.rehabmap.contracts;

import java.util.List;

/**
 * One column of a landing contract, as the contract states it.
 *
 * @param logicalType string | integer | number | boolean | date | array
 * @param normalise   upper (codes), lower (enumerations) or none
 */
public record ColumnSpec(
        String name,
        String logicalType,
        boolean required,
        String description,
        String pattern,
        Double minimum,
        Double maximum,
        Integer minItems,
        String normalise,
        List<String> suppressionMarkers,
        String identifier,
        String unknownValue,
        List<ValueRule> valueRules) {

    public boolean isList() {
        return "array".equals(logicalType);
    }

    public boolean isIdentifier() {
        return identifier != null;
    }
}
