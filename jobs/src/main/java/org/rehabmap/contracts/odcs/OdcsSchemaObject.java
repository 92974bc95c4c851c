package org.rehabmap.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One object (table) of a contract's schema. */
public record OdcsSchemaObject(
        String name,
        String physicalName,
        String logicalType,
        String physicalType,
        String businessName,
        JsonNode description,
        List<OdcsProperty> properties,
        List<OdcsQuality> quality,
        List<OdcsCustomProperty> customProperties) {

    public OdcsSchemaObject {
        properties = properties == null ? List.of() : List.copyOf(properties);
        quality = quality == null ? List.of() : List.copyOf(quality);
        customProperties = customProperties == null ? List.of() : List.copyOf(customProperties);
    }
}
