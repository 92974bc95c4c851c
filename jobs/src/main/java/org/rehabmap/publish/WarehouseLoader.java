package org.rehabmap.publish;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.rehabmap.contracts.GoldContract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Loads published tables into the PostgreSQL warehouse, each in one transaction with COPY
 * ({@link CopyRows}): the rows, the comments and the record in {@code _publication} commit together.
 * A BI query sees the old rows or the new ones, never half of either; a failed load leaves the live
 * table as it was.
 */
public final class WarehouseLoader {
    public static final String PUBLICATION = "_publication";

    private final Warehouse warehouse;

    public WarehouseLoader(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", warehouse.user());
        p.setProperty("password", warehouse.password());
        p.setProperty("ApplicationName", "rehabmap publish");
        return DriverManager.getConnection(warehouse.url(), p);
    }

    /** @return rows loaded per table, in order; -1 for a table left as it was (unchanged since its last load) */
    public List<Integer> load(List<PublishedTable> tables, String runId) throws SQLException {
        return load(tables, null, runId);
    }

    /**
     * As {@link #load(List, String)}, and the indicator catalogue ({@link IndicatorTable}) when {@code
     * catalogue} is not null or empty. Every table keeps the primary key of its contract's natural key.
     */
    public List<Integer> load(List<PublishedTable> tables, Catalogue catalogue, String runId) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = connect()) {
            String s = ident(warehouse.schema());
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + s);
                st.execute("CREATE TABLE IF NOT EXISTS " + s + "." + PUBLICATION
                        + " (table_name text PRIMARY KEY, run_id text NOT NULL, "
                        + "gold_table text NOT NULL, delta_version bigint NOT NULL, row_count bigint NOT NULL, "
                        + "published_at timestamptz NOT NULL)");
                st.execute("ALTER TABLE " + s + "." + PUBLICATION + " ADD COLUMN IF NOT EXISTS content_sha256 text");
                st.execute("COMMENT ON TABLE " + s + "." + PUBLICATION + " IS "
                        + literal(
                                "The last load of each published rehabmap table: the run, the gold Delta table version it was read at, "
                                        + "a fingerprint of the rows as published, and when."));
            }
            java.util.Map<String, String> loaded = fingerprints(c);
            for (PublishedTable t : tables) {
                String print = t.fingerprint();
                // the same rows as the live table: a quiet night leaves it (and its load time) alone
                if ((t.version() + ":" + print).equals(loaded.get(t.name())) && exists(c, t.name())) {
                    // a table loaded before it had a primary key gets one even on a quiet night
                    primaryKey(c, t);
                    out.add(-1);
                    continue;
                }
                out.add(loadOne(c, t, runId, print));
            }
            if (catalogue != null && !catalogue.isEmpty()) {
                IndicatorTable.load(c, warehouse.schema(), catalogue);
            }
        }
        return out;
    }

    /**
     * The contract's natural key as the table's PRIMARY KEY, so BI tools can model relationships (and a
     * duplicate key fails the load rather than reaching a report). Added when missing, replaced when the
     * key changed; nothing for a table without a contract key.
     */
    private void primaryKey(Connection c, PublishedTable t) throws SQLException {
        List<String> want = t.contract() == null ? List.of() : t.contract().key();
        if (want.isEmpty() || !t.columns().containsAll(want)) {
            return;
        }
        String constraint = null;
        List<String> have = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT con.conname, a.attname FROM pg_constraint con "
                + "JOIN pg_class r ON r.oid = con.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
                + "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, pos) "
                + "JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum "
                + "WHERE n.nspname = ? AND r.relname = ? AND con.contype = 'p' ORDER BY k.pos")) {
            ps.setString(1, warehouse.schema());
            ps.setString(2, t.name());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    constraint = rs.getString(1);
                    have.add(rs.getString(2));
                }
            }
        }
        if (have.equals(want)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            if (constraint != null) {
                st.execute("ALTER TABLE " + live(t) + " DROP CONSTRAINT " + ident(constraint));
            }
            st.execute("ALTER TABLE " + live(t) + " ADD CONSTRAINT " + ident(t.name() + "_pkey") + " PRIMARY KEY ("
                    + String.join(
                            ", ", want.stream().map(WarehouseLoader::ident).toList()) + ")");
        }
    }

    private java.util.Map<String, String> fingerprints(Connection c) throws SQLException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (Statement st = c.createStatement();
                java.sql.ResultSet rs =
                        st.executeQuery("SELECT table_name, delta_version || ':' || content_sha256 FROM "
                                + ident(warehouse.schema()) + "." + PUBLICATION)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
            ps.setString(1, warehouse.schema());
            ps.setString(2, table);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * One table in one transaction. When the live table already has the published columns and types, its rows
     * are replaced in place (DELETE, then COPY): under MVCC every reader keeps seeing the old rows until the
     * commit, then the new ones, and since neither statement takes a lock that conflicts with a reader's, a long
     * BI query neither blocks the load nor is blocked by it (nor are views or grants on the table disturbed).
     * When the shape changed (a new contract column), the rows are copied into a staging table and swapped in by
     * DROP and RENAME inside the same transaction: a reader waits only for that instant, then sees the new table.
     */
    private int loadOne(Connection c, PublishedTable t, String runId, String print) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (sameShape(c, t)) {
                replaceRows(c, t);
            } else {
                swapIn(c, t);
            }
            primaryKey(c, t);
            grantReaders(c, t);
            record(c, t, runId, print);
            c.commit();
            return t.rows().size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void replaceRows(Connection c, PublishedTable t) throws SQLException {
        String live = live(t);
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + live);
            for (String comment : comments(t, live)) {
                st.execute(comment);
            }
        }
        CopyRows.copy(c, live, t);
    }

    private void swapIn(Connection c, PublishedTable t) throws SQLException {
        String stage = ident(warehouse.schema()) + "." + ident("_stage_" + t.name());
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + stage);
            List<String> defs = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                defs.add(ident(t.columns().get(i)) + " " + pgType(t.types().get(i)));
            }
            st.execute("CREATE TABLE " + stage + " (" + String.join(", ", defs) + ")");
            for (String comment : comments(t, stage)) {
                st.execute(comment);
            }
        }
        CopyRows.copy(c, stage, t);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + live(t));
            st.execute("ALTER TABLE " + stage + " RENAME TO " + ident(t.name()));
        }
    }

    /** Whether the live table exists with exactly the published columns, in order, of the published types. */
    private boolean sameShape(Connection c, PublishedTable t) throws SQLException {
        List<String> want = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            want.add(t.columns().get(i) + " " + formatType(pgType(t.types().get(i))));
        }
        List<String> have = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod) "
                + "FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
                + "WHERE n.nspname = ? AND r.relname = ? AND r.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY a.attnum")) {
            ps.setString(1, warehouse.schema());
            ps.setString(2, t.name());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    have.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return have.equals(want);
    }

    /** {@link #pgType} as PostgreSQL's format_type names it. */
    static String formatType(String pgType) {
        return pgType.replace("timestamptz", "timestamp with time zone");
    }

    private void grantReaders(Connection c, PublishedTable t) throws SQLException {
        if (warehouse.readers().isEmpty()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("GRANT SELECT ON " + live(t) + " TO " + ident(warehouse.readers()));
        }
    }

    private void record(Connection c, PublishedTable t, String runId, String print) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ident(warehouse.schema()) + "." + PUBLICATION
                + " (table_name, run_id, gold_table, delta_version, row_count, published_at, content_sha256) VALUES (?, ?, ?, "
                + "?, ?, now(), ?) "
                + "ON CONFLICT (table_name) DO UPDATE SET run_id = EXCLUDED.run_id, gold_table = EXCLUDED.gold_table, "
                + "delta_version = EXCLUDED.delta_version, row_count = EXCLUDED.row_count, published_at = EXCLUDED.published_at, "
                + "content_sha256 = EXCLUDED.content_sha256")) {
            ps.setString(1, t.name());
            ps.setString(2, runId);
            ps.setString(3, t.qualifiedName());
            ps.setLong(4, t.version());
            ps.setLong(5, t.rows().size());
            ps.setString(6, print);
            ps.executeUpdate();
        }
    }

    private String live(PublishedTable t) {
        return ident(warehouse.schema()) + "." + ident(t.name());
    }

    static String pgType(DataType t) {
        if (t.equals(DataTypes.StringType)) {
            return "text";
        }
        if (t.equals(DataTypes.LongType)) {
            return "bigint";
        }
        if (t.equals(DataTypes.IntegerType)) {
            return "integer";
        }
        if (t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)) {
            return "smallint";
        }
        if (t.equals(DataTypes.DoubleType)) {
            return "double precision";
        }
        if (t.equals(DataTypes.FloatType)) {
            return "real";
        }
        if (t.equals(DataTypes.BooleanType)) {
            return "boolean";
        }
        if (t.equals(DataTypes.DateType)) {
            return "date";
        }
        if (t.equals(DataTypes.TimestampType)) {
            return "timestamptz";
        }
        if (t instanceof DecimalType d) {
            return "numeric(" + d.precision() + "," + d.scale() + ")";
        }
        if (t instanceof ArrayType a) {
            return pgType(a.elementType()) + "[]";
        }
        throw new IllegalArgumentException("no warehouse type for " + t.simpleString());
    }

    /** COMMENT ON statements from the contract, so BI tools show the dictionary beside the data. */
    static List<String> comments(PublishedTable t, String table) {
        List<String> out = new ArrayList<>();
        GoldContract k = t.contract();
        StringBuilder tc = new StringBuilder();
        if (k != null && k.title() != null) {
            tc.append(k.title()).append(". ");
        }
        if (k != null && k.description() != null) {
            tc.append(k.description()).append(' ');
        }
        tc.append("From ")
                .append(t.qualifiedName())
                .append(" (Delta version ")
                .append(t.version())
                .append(").");
        if (k != null && k.disclosure() != null && k.disclosure().countsPeople()) {
            tc.append(
                    " Disclosure control: small counts and the values built on them are null where suppressed is true.");
        }
        out.add("COMMENT ON TABLE " + table + " IS " + literal(tc.toString().strip()));
        for (String col : t.columns()) {
            String d = t.describe(col);
            boolean isProtected = k != null
                    && k.disclosure() != null
                    && k.disclosure().protectedColumns().contains(col);
            if (Disclosure.SUPPRESSED.equals(col) && d == null) {
                d = "True when a value in this row was withheld by disclosure control (METHODS.md).";
            }
            if (isProtected) {
                d = (d == null ? "" : d + " ") + "Null when withheld (suppressed = true).";
            }
            if (d != null) {
                out.add("COMMENT ON COLUMN " + table + "." + ident(col) + " IS " + literal(d));
            }
        }
        return out;
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
