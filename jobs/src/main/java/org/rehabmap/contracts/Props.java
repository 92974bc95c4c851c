package org.rehabmap.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.rehabmap.contracts.odcs.OdcsCustomProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ODCS customProperties as a lookup: rehabmap's own settings on a contract, object or column. */
final class Props {
    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    Props(List<OdcsCustomProperty> list) {
        for (OdcsCustomProperty p : list) {
            values.put(p.property(), p.value());
        }
    }

    /** The object's properties over the document's (a schema object may refine its contract). */
    Props with(List<OdcsCustomProperty> more) {
        Props p = new Props(List.of());
        p.values.putAll(values);
        for (OdcsCustomProperty m : more) {
            p.values.put(m.property(), m.value());
        }
        return p;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    JsonNode node(String name) {
        return values.get(name);
    }

    String text(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    String text(String name, String otherwise) {
        String v = text(name);
        return v == null ? otherwise : v;
    }

    boolean bool(String name) {
        JsonNode v = values.get(name);
        return v != null && v.asBoolean(false);
    }

    List<String> strings(String name) {
        return strings(values.get(name));
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isMissingNode() || n.isNull()) {
            return List.of();
        }
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else {
            out.add(n.asText());
        }
        return List.copyOf(out);
    }

    /** ODCS descriptions are either text or an object with purpose / usage / limitations. */
    static String description(JsonNode d) {
        if (d == null || d.isMissingNode() || d.isNull()) {
            return null;
        }
        if (d.isTextual()) {
            return d.asText().strip();
        }
        List<String> parts = new ArrayList<>();
        for (String k : List.of("purpose", "usage", "limitations")) {
            if (d.hasNonNull(k)) {
                parts.add(d.get(k).asText().strip());
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
