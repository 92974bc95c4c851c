package org.rehabmap.contracts.odcs;

import com.fasterxml.jackson.databind.JsonNode;

/** ODCS customProperties entry: {property: name, value: anything}. */
public record OdcsCustomProperty(String property, JsonNode value) {}
