package org.rehabmap.publish;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabmap.testing.TestServices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warehouse load by COPY against a real PostgreSQL: awkward values come back as they went in, readers see whole loads. */
class WarehouseLoaderTest {
    static final String SCHEMA = "rehabmap_copy";
    static TestServices.Postgres pg;
    static Warehouse warehouse;

    @BeforeAll
    static void emptySchema() throws SQLException {
        pg = TestServices.postgres();
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        warehouse = new Warehouse(pg.url(), pg.user(), pg.password(), SCHEMA, "");
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(pg.url(), pg.user(), pg.password());
    }

    static final String[] TEXTS = {
        "plain",
        "",
        null,
        "a,b",
        "quote\"inside",
        "\"",
        "line\nbreak",
        "cr\r\nlf",
        "back\\slash",
        "\\N",
        "NULL",
        "\\.",
        "  spaced  ",
        "£–é 日本",
        "=SUM(A1)",
        "tab\there",
        "{braces}"
    };
    static final Double[] DOUBLES = {
        0.1,
        -0.0,
        1e-300,
        Double.MIN_VALUE,
        Double.MAX_VALUE,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        1 / 3.0,
        null,
        123456789.123456789,
        2e22
    };
    static final Long[] LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0L, null, -1L};
    static final LocalDate[] DATES = {
        LocalDate.of(2025, 6, 30), LocalDate.of(1900, 1, 1), null, LocalDate.of(2030, 12, 31)
    };
    static final Instant[] INSTANTS = {
        Instant.parse("2025-06-30T12:34:56.123456Z"), null, Instant.parse("1999-12-31T23:59:59Z")
    };
    static final BigDecimal[] DECIMALS = {new BigDecimal("12345678.90"), new BigDecimal("-0.01"), null};
    static final Boolean[] BOOLS = {true, false, null};
    static final List<String> ARRAY = Arrays.asList(
            "a", "", null, "with,comma", "with\"quote", "{brace}", "back\\slash", "NULL", " space ", "new\nline");
    static final List<Double> DOUBLE_ARRAY = Arrays.asList(1.5, null, Double.NaN, -2e-10);

    static PublishedTable awkward(String name, long version) {
        List<String> cols = List.of("k", "s", "d", "l", "dt", "ts", "dec", "b", "arr", "darr", "empty_arr");
        List<DataType> types = List.of(
                DataTypes.IntegerType,
                DataTypes.StringType,
                DataTypes.DoubleType,
                DataTypes.LongType,
                DataTypes.DateType,
                DataTypes.TimestampType,
                DataTypes.createDecimalType(10, 2),
                DataTypes.BooleanType,
                DataTypes.createArrayType(DataTypes.StringType),
                DataTypes.createArrayType(DataTypes.DoubleType),
                DataTypes.createArrayType(DataTypes.StringType));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.length; i++) {
            rows.add(new Object[] {
                i,
                TEXTS[i],
                at(DOUBLES, i),
                at(LONGS, i),
                at(DATES, i) == null ? null : java.sql.Date.valueOf(at(DATES, i)),
                at(INSTANTS, i) == null ? null : Timestamp.from(at(INSTANTS, i)),
                at(DECIMALS, i),
                at(BOOLS, i),
                // as Spark hands an array column over: a Scala sequence
                i == 0 ? scala.jdk.javaapi.CollectionConverters.asScala(ARRAY) : null,
                i == 0 ? scala.jdk.javaapi.CollectionConverters.asScala(DOUBLE_ARRAY) : null,
                i == 0 ? scala.jdk.javaapi.CollectionConverters.asScala(List.of()) : null
            });
        }
        return table(name, version, cols, types, rows);
    }

    static <T> T at(T[] values, int i) {
        return i < values.length ? values[i] : null;
    }

    static PublishedTable table(
            String name, long version, List<String> cols, List<DataType> types, List<Object[]> rows) {
        List<boolean[]> masks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            masks.add(new boolean[cols.size()]);
        }
        return new PublishedTable(name, version, null, cols, types, rows, masks);
    }

    @Test
    void awkwardValuesComeBackAsTheyWentIn() throws Exception {
        // loaded twice: the first load makes the table (staged and swapped in), the second replaces its rows in place
        new WarehouseLoader(warehouse).load(List.of(awkward("awkward", 1)), "r1");
        new WarehouseLoader(warehouse).load(List.of(awkward("awkward", 2)), "r2");
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + SCHEMA + ".awkward ORDER BY k")) {
            int i = 0;
            while (rs.next()) {
                assertEquals(i, rs.getInt("k"));
                assertEquals(TEXTS[i], rs.getString("s"), "text " + i + " (null and empty stay apart)");
                Double d = at(DOUBLES, i);
                double got = rs.getDouble("d");
                if (d == null) {
                    assertTrue(rs.wasNull(), "double " + i);
                } else {
                    assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(got), "double " + i + ": " + got);
                }
                assertEquals(at(LONGS, i), rs.getObject("l"), "long " + i);
                assertEquals(at(DATES, i), rs.getObject("dt", LocalDate.class), "date " + i);
                Timestamp ts = rs.getTimestamp("ts");
                assertEquals(at(INSTANTS, i), ts == null ? null : ts.toInstant(), "timestamp " + i);
                assertEquals(at(DECIMALS, i), rs.getBigDecimal("dec"), "decimal " + i);
                assertEquals(at(BOOLS, i), rs.getObject("b"), "boolean " + i);
                if (i == 0) {
                    assertArrayEquals(
                            ARRAY.toArray(), (Object[]) rs.getArray("arr").getArray());
                    Double[] ds = (Double[]) rs.getArray("darr").getArray();
                    assertEquals(DOUBLE_ARRAY.size(), ds.length);
                    for (int j = 0; j < ds.length; j++) {
                        assertEquals(DOUBLE_ARRAY.get(j), ds[j], "array element " + j);
                    }
                    assertEquals(0, ((Object[]) rs.getArray("empty_arr").getArray()).length);
                } else {
                    assertNull(rs.getArray("arr"));
                }
                i++;
            }
            assertEquals(TEXTS.length, i);
        }
    }

    @Test
    void aChangedShapeReplacesTheTableAndKeepsItsComments() throws Exception {
        List<Object[]> one = new ArrayList<>();
        one.add(new Object[] {1L});
        new WarehouseLoader(warehouse)
                .load(List.of(table("reshaped", 1, List.of("n"), List.of(DataTypes.LongType), one)), "r1");
        List<Object[]> two = new ArrayList<>();
        two.add(new Object[] {1L, "one"});
        two.add(new Object[] {2L, "two"});
        new WarehouseLoader(warehouse)
                .load(
                        List.of(table(
                                "reshaped",
                                2,
                                List.of("n", "label"),
                                List.of(DataTypes.LongType, DataTypes.StringType),
                                two)),
                        "r2");
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT string_agg(n || '=' || label, ',' ORDER BY n), obj_description('"
                        + SCHEMA + ".reshaped'::regclass, 'pg_class') FROM " + SCHEMA + ".reshaped")) {
            rs.next();
            assertEquals("1=one,2=two", rs.getString(1));
            assertTrue(rs.getString(2).contains("Delta version 2"), rs.getString(2));
        }
    }

    /** gold.peer_groups as its contract declares it (key borough_code, rank), with only the key and peer filled. */
    static PublishedTable peerGroups(long version, String peer) {
        org.rehabmap.contracts.GoldContract k = org.rehabmap.contracts.Contracts.load(
                        org.rehabmap.testing.SharedSpark.projectHome().resolve("data-contracts"))
                .gold()
                .get("gold.peer_groups");
        List<String> cols = k.columnNames();
        List<DataType> types = Arrays.stream(k.sparkSchema().fields())
                .map(org.apache.spark.sql.types.StructField::dataType)
                .toList();
        List<Object[]> rows = new ArrayList<>();
        for (int rank = 1; rank <= 2; rank++) {
            Object[] r = new Object[cols.size()];
            r[cols.indexOf("borough_code")] = "E09000001";
            r[cols.indexOf("rank")] = rank;
            r[cols.indexOf("peer_code")] = peer + rank;
            rows.add(r);
        }
        List<boolean[]> masks = new ArrayList<>();
        rows.forEach(r -> masks.add(new boolean[cols.size()]));
        return new PublishedTable("peer_groups", version, k, cols, types, rows, masks);
    }

    static List<String> primaryKey(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = "
                        + "i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indisprimary AND i.indrelid = '" + SCHEMA
                        + "." + table + "'::regclass ORDER BY array_position(i.indkey::int2[], a.attnum)")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void everyTableHasItsContractsKeyAsPrimaryKeyAndTheCatalogueIsLoadedFromConf() throws Exception {
        org.rehabmap.config.Settings settings = org.rehabmap.config.Settings.load(
                org.rehabmap.testing.SharedSpark.projectHome(), "test", java.util.Map.of());
        Catalogue catalogue = Catalogue.from(settings);
        List<String> key = List.of("borough_code", "rank");
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            // a table of the old shape, as an earlier release left it: the first load swaps in the new one
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            st.execute("DROP TABLE IF EXISTS " + SCHEMA + ".peer_groups");
            st.execute("CREATE TABLE " + SCHEMA + ".peer_groups (borough_code text)");
            new WarehouseLoader(warehouse).load(List.of(peerGroups(1, "a")), catalogue, "r1");
            assertEquals(key, primaryKey(c, "peer_groups"));
            // new rows in place, then a quiet night (same version and rows): the key stays
            new WarehouseLoader(warehouse).load(List.of(peerGroups(2, "b")), catalogue, "r2");
            assertEquals(key, primaryKey(c, "peer_groups"));
            assertEquals(
                    List.of(-1), new WarehouseLoader(warehouse).load(List.of(peerGroups(2, "b")), catalogue, "r3"));
            assertEquals(key, primaryKey(c, "peer_groups"));
            // a table loaded before keys existed gets its key even when its rows are unchanged
            st.execute("ALTER TABLE " + SCHEMA + ".peer_groups DROP CONSTRAINT peer_groups_pkey");
            new WarehouseLoader(warehouse).load(List.of(peerGroups(2, "b")), catalogue, "r4");
            assertEquals(key, primaryKey(c, "peer_groups"));
            // the catalogue: one row per indicator of conf/indicators.conf, as conf says, keyed by indicator_id
            assertEquals(List.of("indicator_id"), primaryKey(c, "indicators"));
            List<? extends com.typesafe.config.Config> conf = settings.raw().getConfigList("indicators");
            assertEquals(10, conf.size());
            for (com.typesafe.config.Config i : conf) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT name, unit, polarity, multiplier, interval_method, source, " + "definition FROM "
                                + SCHEMA + ".indicators WHERE indicator_id = '" + i.getString("id") + "'")) {
                    assertTrue(rs.next(), i.getString("id"));
                    assertEquals(i.getString("title"), rs.getString(1));
                    assertEquals(i.getString("unit"), rs.getString(2));
                    assertEquals(i.getString("polarity"), rs.getString(3));
                    assertEquals(i.getDouble("multiplier"), rs.getDouble(4));
                    assertEquals(i.getString("ci"), rs.getString(5));
                    assertFalse(rs.getString(6).isBlank(), i.getString("id"));
                    assertEquals(i.getString("definition"), rs.getString(7));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE interval_method = 'wilson') "
                    + "FROM " + SCHEMA + ".indicators")) {
                rs.next();
                assertEquals(conf.size(), rs.getInt(1)); // the loads replaced the rows, never added to them
                assertTrue(rs.getInt(2) > 0);
            }
        }
    }

    static PublishedTable generation(long gen, int rows) {
        List<Object[]> rs = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            rs.add(new Object[] {gen, (long) i, "row " + i + " of generation " + gen});
        }
        return table(
                "concurrent_probe",
                gen,
                List.of("generation", "n", "label"),
                List.of(DataTypes.LongType, DataTypes.LongType, DataTypes.StringType),
                rs);
    }

    @Test
    void aReaderDuringTheLoadSeesTheOldRowsOrTheNewNeverAMixture() throws Exception {
        new WarehouseLoader(warehouse).load(List.of(generation(1, 100_000)), "r1");
        PublishedTable next = generation(2, 150_000);
        AtomicBoolean loading = new AtomicBoolean(true);
        CompletableFuture<Set<String>> reader = CompletableFuture.supplyAsync(() -> {
            Set<String> seen = new HashSet<>();
            try (Connection c = connect();
                    Statement st = c.createStatement()) {
                int reads = 0;
                boolean last = false;
                while (!last) {
                    // the last read starts after the load has committed, so it must see the new rows
                    last = !loading.get() && reads >= 3;
                    try (ResultSet rs = st.executeQuery(
                            "SELECT count(*), min(generation), max(generation) FROM " + SCHEMA + ".concurrent_probe")) {
                        rs.next();
                        seen.add(rs.getLong(1) + " rows of generation " + rs.getLong(2) + ".." + rs.getLong(3));
                    }
                    reads++;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return seen;
        });
        try {
            new WarehouseLoader(warehouse).load(List.of(next), "r2");
        } finally {
            loading.set(false);
        }
        Set<String> seen = reader.get(2, TimeUnit.MINUTES);
        Set<String> whole = Set.of("100000 rows of generation 1..1", "150000 rows of generation 2..2");
        assertTrue(whole.containsAll(seen), "a reader saw a half-loaded table: " + seen);
        assertTrue(seen.contains("150000 rows of generation 2..2"), seen.toString());
    }

    @Test
    void aLongReadingTransactionNeitherBlocksTheLoadNorSeesItHalfDone() throws Exception {
        PublishedTable first = generation(1, 1000);
        new WarehouseLoader(warehouse).load(List.of(first), "r1");
        try (Connection bi = connect()) {
            bi.setAutoCommit(false);
            bi.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertEquals("1000 of 1", probe(bi));
            // a BI query still open: the load must not wait for it
            CompletableFuture<List<Integer>> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return new WarehouseLoader(warehouse).load(List.of(generation(3, 2000)), "r3");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(List.of(2000), load.get(2, TimeUnit.MINUTES), "the load finished while the reader was open");
            assertEquals("1000 of 1", probe(bi), "the open transaction keeps its view of the old rows");
            bi.commit();
            assertEquals("2000 of 3", probe(bi));
            bi.commit();
        }
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT run_id, row_count FROM " + SCHEMA + "."
                        + WarehouseLoader.PUBLICATION + " WHERE table_name = 'concurrent_probe'")) {
            assertTrue(rs.next());
            assertEquals("r3", rs.getString(1));
            assertEquals(2000, rs.getLong(2));
            assertFalse(rs.next());
        }
    }

    private static String probe(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT count(*), max(generation) FROM " + SCHEMA + ".concurrent_probe")) {
            rs.next();
            return rs.getLong(1) + " of " + rs.getLong(2);
        }
    }
}
