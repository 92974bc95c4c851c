package org.rehabmap.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/**
 * {@code <schema>.indicators}: the indicator catalogue (rehabmap.indicators, conf/indicators.conf) in
 * the warehouse, one row per indicator, so that a BI tool can join {@code indicator_id} of the
 * published tables to its name, unit and method (the column comments already point here). Replaced
 * whole in one transaction, like the published tables.
 */
final class IndicatorTable {
    static final String NAME = "indicators";
    static final List<String> COLUMNS = List.of(
            "indicator_id", "name", "unit", "polarity", "multiplier", "interval_method", "source", "definition");

    private IndicatorTable() {}

    static void load(Connection c, String schema, Catalogue catalogue) throws SQLException {
        String table = WarehouseLoader.ident(schema) + "." + WarehouseLoader.ident(NAME);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (indicator_id text PRIMARY KEY, name text NOT NULL, "
                    + "unit text, polarity text NOT NULL, multiplier double precision, interval_method text NOT NULL, "
                    + "source text, definition text)");
            st.execute("DELETE FROM " + table);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + table + " (" + String.join(", ", COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Catalogue.Indicator i : catalogue.all()) {
                    ps.setString(1, i.id());
                    ps.setString(2, i.title());
                    ps.setString(3, i.unit());
                    ps.setString(4, i.polarity());
                    if (i.multiplier() == null) {
                        ps.setNull(5, Types.DOUBLE);
                    } else {
                        ps.setDouble(5, i.multiplier());
                    }
                    ps.setString(6, i.ci());
                    ps.setString(7, i.source());
                    ps.setString(8, i.definition());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String comment : comments(table)) {
                st.execute(comment);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static List<String> comments(String table) {
        return List.of(
                "COMMENT ON TABLE " + table + " IS "
                        + WarehouseLoader.literal(
                                "The indicator catalogue (rehabmap.indicators, conf/indicators.conf): what each indicator_id of "
                                        + "benchmarks and inequalities measures, its unit and how its intervals are made "
                                        + "(docs/methods.md)."),
                column(table, "indicator_id", "Indicator id, as in indicator_id of the published tables."),
                column(table, "name", "Indicator title."),
                column(table, "unit", "What the value is measured in."),
                column(table, "polarity", "high_is_good, low_is_good or no_judgement: how significance is read."),
                column(table, "multiplier", "value = numerator ÷ denominator × multiplier (100 for a percentage)."),
                column(
                        table,
                        "interval_method",
                        "wilson (proportions), byar (counts and rates: Byar for O ≥ 10, exact Poisson below) or none."),
                column(table, "source", "The data the indicator is made from."),
                column(table, "definition", "How numerator and denominator are counted."));
    }

    private static String column(String table, String col, String text) {
        return "COMMENT ON COLUMN " + table + "." + WarehouseLoader.ident(col) + " IS " + WarehouseLoader.literal(text);
    }
}
