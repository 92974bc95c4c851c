package org.rehabmap.publish;

import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;

/**
 * Where the BI warehouse is (rehabmap.warehouse): a PostgreSQL JDBC url, user, password (from the
 * environment only) and the schema the tables go in. {@link #configured()} is false when no url
 * is set, and the publish job then skips the warehouse.
 */
public record Warehouse(String url, String user, String password, String schema, String readers) {

    public static Warehouse from(Settings s) {
        if (!s.has("warehouse.url")) {
            return new Warehouse("", "", "", "rehabmap", "");
        }
        Warehouse w = new Warehouse(
                s.getString("warehouse.url").trim(),
                s.getString("warehouse.user"),
                s.getString("warehouse.password"),
                s.getString("warehouse.schema"),
                s.has("warehouse.readers") ? s.getString("warehouse.readers").trim() : "");
        if (w.configured() && !w.url.startsWith("jdbc:postgresql:")) {
            throw new ConfigError(
                    "configuration error: rehabmap.warehouse.url must be a jdbc:postgresql: URL, got '" + w.url + "'");
        }
        if (!w.schema.matches("[a-z_][a-z0-9_]*")) {
            throw new ConfigError("configuration error: rehabmap.warehouse.schema must be a lower-case SQL name, got '"
                    + w.schema + "'");
        }
        return w;
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    /** The url without credentials, for messages. */
    public String where() {
        return url.replaceAll("[?;].*$", "");
    }
}
