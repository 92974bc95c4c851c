package org.rehabmap.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A whole ODCS v3 document. */
public record OdcsContract(
        String apiVersion,
        String kind,
        String id,
        String name,
        String version,
        String status,
        String domain,
        String dataProduct,
        JsonNode description,
        List<OdcsCustomProperty> customProperties,
        List<OdcsSchemaObject> schema) {

    public OdcsContract {
        customProperties = customProperties == null ? List.of() : List.copyOf(customProperties);
        schema = schema == null ? List.of() : List.copyOf(schema);
    }
}
