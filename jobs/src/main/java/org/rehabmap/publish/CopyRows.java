package org.rehabmap.publish;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A published table's rows into PostgreSQL with {@code COPY ... FROM STDIN} in CSV format (PgJDBC's
 * CopyManager): one statement and one round trip per chunk instead of one INSERT per row.
 *
 * <p>CSV rules of PostgreSQL's COPY: a null is an empty unquoted field, so every non-null value is
 * quoted (a quoted empty field is the empty string) and quotes inside are doubled; newlines and
 * commas inside quotes are data. An array is PostgreSQL's array literal ({@code {"a","b",NULL}},
 * elements quoted with backslash escapes) inside that. Numbers, dates and timestamps are written in
 * forms PostgreSQL's input functions read back exactly (a double's shortest round-tripping digits,
 * NaN and Infinity by name, ISO dates, instants in UTC).
 */
final class CopyRows {
    /** Rows are sent in chunks of about this many characters, so memory does not grow with the table. */
    private static final int CHUNK = 1 << 16;

    private CopyRows() {}

    /** @return rows copied into {@code table} (already quoted), in the connection's current transaction */
    static long copy(Connection c, String table, PublishedTable t) throws SQLException {
        List<String> cols = new ArrayList<>();
        for (String col : t.columns()) {
            cols.add(WarehouseLoader.ident(col));
        }
        String sql = "COPY " + table + " (" + String.join(", ", cols) + ") FROM STDIN WITH (FORMAT csv)";
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder b = new StringBuilder(CHUNK + 1024);
            for (Object[] row : t.rows()) {
                line(b, row, t.types());
                if (b.length() >= CHUNK) {
                    send(in, b);
                }
            }
            send(in, b);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder b) throws SQLException {
        if (b.length() == 0) {
            return;
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        b.setLength(0);
    }

    /** One CSV record, ending in a newline. */
    static void line(StringBuilder b, Object[] row, List<DataType> types) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            if (row[i] != null) {
                quoted(b, text(row[i], types.get(i)));
            }
        }
        b.append('\n');
    }

    private static void quoted(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                b.append('"');
            }
            b.append(ch);
        }
        b.append('"');
    }

    /** A non-null value as PostgreSQL's input function for the column's type reads it. */
    static String text(Object v, DataType type) {
        if (type instanceof ArrayType a) {
            return arrayLiteral(v, a.elementType());
        }
        return scalar(v);
    }

    private static String scalar(Object v) {
        if (v instanceof Double d) {
            return doubleText(d);
        }
        if (v instanceof Float f) {
            return doubleText(f.doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (v instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC).toString();
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        // strings, whole numbers, booleans, LocalDate: their own text is PostgreSQL's input form
        return v.toString();
    }

    private static String doubleText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(d);
    }

    /** {@code {"a","b \"quoted\"",NULL}}: every element quoted, so commas, braces and the word NULL stay data. */
    private static String arrayLiteral(Object v, DataType element) {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Object item : items(v)) {
            if (!first) {
                b.append(',');
            }
            first = false;
            if (item == null) {
                b.append("NULL");
                continue;
            }
            String s = text(item, element);
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '"' || ch == '\\') {
                    b.append('\\');
                }
                b.append(ch);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }

    private static List<Object> items(Object v) {
        List<Object> out = new ArrayList<>();
        if (v instanceof scala.collection.Iterable<?> s) {
            scala.collection.Iterator<?> it = s.iterator();
            while (it.hasNext()) {
                out.add(it.next());
            }
        } else if (v instanceof Iterable<?> j) {
            j.forEach(out::add);
        } else if (v instanceof Object[] arr) {
            out.addAll(java.util.Arrays.asList(arr));
        } else {
            throw new IllegalArgumentException(
                    "not an array value: " + v.getClass().getName());
        }
        return out;
    }
}
