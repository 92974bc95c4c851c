package org.rehabmap.ingest;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * In the task that holds a landing file: read it through the Hadoop FileSystem API, decode and parse it
 * with the same readers a supplier's check uses, and emit its bronze rows followed by one fact row (column
 * {@link #FACT} set, everything else placeholders) saying what was read or why the file was rejected whole.
 * The facts are all the driver collects; the rows go from the task to bronze.
 */
final class FileParse implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    static final String FACT = "_file_fact";
    static final StructType FACT_TYPE = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("format", DataTypes.StringType, true)
            .add("delimiter", DataTypes.StringType, true)
            .add("sheet", DataTypes.StringType, true)
            .add("rows_read", DataTypes.LongType, false)
            .add("reason", DataTypes.StringType, true);
    /** The files to parse: one row each. */
    static final StructType FILES = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("sha256", DataTypes.StringType, false)
            .add("seq", DataTypes.LongType, false);

    /** What the driver learns of one file. */
    record Fact(String path, String format, String delimiter, String sheet, long rowsRead, String reason) {
        static Fact of(Row r) {
            return new Fact(
                    r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5));
        }
    }

    private final BronzeRowBuilder builder;
    private final Broadcast<SerializableConfiguration> conf;
    private final String runId;
    private final Timestamp at;
    private final int width;

    FileParse(
            BronzeRowBuilder builder,
            Broadcast<SerializableConfiguration> conf,
            String runId,
            Timestamp at,
            int width) {
        this.builder = builder;
        this.conf = conf;
        this.runId = runId;
        this.at = at;
        this.width = width;
    }

    /** The bronze schema with the fact column after it. */
    static StructType withFact(StructType bronze) {
        List<StructField> f = new ArrayList<>(List.of(bronze.fields()));
        f.add(DataTypes.createStructField(FACT, FACT_TYPE, true));
        return new StructType(f.toArray(new StructField[0]));
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && files.hasNext()) {
                    current = file(files.next());
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** One file's bronze rows (each with a null fact), then its fact row. */
    private Iterator<Row> file(Row f) {
        String path = f.getString(0);
        String name = f.getString(1);
        String sha = f.getString(2);
        long seq = f.getLong(3);
        byte[] bytes;
        try {
            bytes = LandingScanner.readAll(path, conf.value().value());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read landing file " + path + ": " + e.getMessage(), e);
        }
        if (!sha.equals(IngestJob.sha256(bytes))) {
            return List.of(fact(name, sha, seq, new Fact(path, null, null, null, 0, CHANGED)))
                    .iterator();
        }
        ParsedTable table;
        List<String> names;
        try {
            table = DeliveredFileReader.read(name, bytes, builder.requiredColumns());
            names = builder.checkHeader(table.header());
        } catch (FileRejected e) {
            return List.of(fact(name, sha, seq, new Fact(path, null, null, null, 0, e.getMessage())))
                    .iterator();
        }
        Fact done = new Fact(
                path,
                table.format(),
                table.delimiter(),
                table.sheet(),
                table.rows().size(),
                null);
        Iterator<Row> rows = builder.rows(table, names, runId, name, sha, seq, at);
        return new Iterator<>() {
            private boolean factSent;

            @Override
            public boolean hasNext() {
                return rows.hasNext() || !factSent;
            }

            @Override
            public Row next() {
                if (rows.hasNext()) {
                    return withNullFact(rows.next());
                }
                if (factSent) {
                    throw new NoSuchElementException();
                }
                factSent = true;
                return fact(name, sha, seq, done);
            }
        };
    }

    /** Why a file is refused when its bytes are not those the first pass hashed. */
    static final String CHANGED = "the file changed while it was being ingested; deliver it again";

    private Row withNullFact(Row bronze) {
        Object[] v = new Object[width + 1];
        for (int i = 0; i < width; i++) {
            v[i] = bronze.get(i);
        }
        return RowFactory.create(v);
    }

    /** A fact row: lineage filled (the columns cannot be null), row number 0 (no row is), contract columns null. */
    private Row fact(String name, String sha, long seq, Fact fact) {
        Object[] v = new Object[width + 1];
        v[0] = runId;
        v[1] = name;
        v[2] = sha;
        v[3] = seq;
        v[4] = 0L;
        v[5] = 0;
        v[6] = 0;
        v[width - 1] = at;
        v[width] = RowFactory.create(
                fact.path(), fact.format(), fact.delimiter(), fact.sheet(), fact.rowsRead(), fact.reason());
        return RowFactory.create(v);
    }
}
