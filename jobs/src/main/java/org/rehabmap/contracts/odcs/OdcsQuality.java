package org.rehabmap.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** One quality rule, on a column or on the whole object. */
public record OdcsQuality(
        String id,
        String name,
        String type,
        String metric,
        String engine,
        String implementation,
        String description,
        Map<String, JsonNode> arguments,
        JsonNode mustBe,
        String dimension,
        String severity,
        List<OdcsCustomProperty> customProperties) {

    public OdcsQuality {
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
        customProperties = customProperties == null ? List.of() : List.copyOf(customProperties);
    }
}
