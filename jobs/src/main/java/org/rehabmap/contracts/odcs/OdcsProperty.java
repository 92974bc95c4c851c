package org.rehabmap.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One column of a schema object. */
public record OdcsProperty(
        String name,
        String businessName,
        String logicalType,
        String physicalType,
        Boolean required,
        Boolean unique,
        Boolean primaryKey,
        Integer primaryKeyPosition,
        String classification,
        JsonNode description,
        OdcsLogicalTypeOptions logicalTypeOptions,
        OdcsItems items,
        List<JsonNode> examples,
        List<OdcsQuality> quality,
        List<OdcsCustomProperty> customProperties) {

    public OdcsProperty {
        examples = examples == null ? List.of() : List.copyOf(examples);
        quality = quality == null ? List.of() : List.copyOf(quality);
        customProperties = customProperties == null ? List.of() : List.copyOf(customProperties);
    }

    /** The element type of an array column. */
    public record OdcsItems(String logicalType, String physicalType) {}
}
