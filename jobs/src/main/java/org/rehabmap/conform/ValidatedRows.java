package org.rehabmap.conform;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.rules.CheckedRow;
import org.rehabmap.rules.Failure;
import org.rehabmap.rules.GroupMember;
import org.rehabmap.rules.GroupRule;
import org.rehabmap.rules.RuleBook;
import org.rehabmap.rules.TextRow;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;

/**
 * A contract's rule book applied to bronze rows inside Spark tasks: each partition's rows are checked one
 * by one on the executors, then each rule across rows runs over groups Spark brings together (rows
 * partitioned and sorted by the group's columns). Out come the typed columns, suppression flags, the
 * financial year, lineage, the row's text as delivered (for the quarantine) and {@link #FAILURES}.
 */
public final class ValidatedRows {
    public static final String FAILURES = "_failures";
    static final String RAW = "_raw_";
    static final String FINANCIAL_YEAR = "financial_year";
    static final String SUPPRESSED = "_suppressed";
    private static final List<String> LINEAGE = List.of(
            BronzeSchema.FILE_NAME,
            BronzeSchema.FILE_SHA,
            BronzeSchema.FILE_SEQ,
            BronzeSchema.ROW_NUMBER,
            BronzeSchema.RUN_ID,
            BronzeSchema.EXTRA);
    static final StructType FAILURE = new StructType(new StructField[] {
        DataTypes.createStructField("rule_id", DataTypes.StringType, false),
        DataTypes.createStructField("reason", DataTypes.StringType, false)
    });

    private ValidatedRows() {}

    /** Bronze rows of one source in, validated rows out (see the class comment). */
    public static Dataset<Row> validate(Dataset<Row> bronze, Contract contract, RuleBook book) {
        StructType schema = schema(contract, bronze.schema());
        Encoder<Row> encoder = Encoders.row(schema);
        Dataset<Row> rows = bronze.mapPartitions(
                new RowPass(book, BronzeText.of(contract, bronze.schema()), contract, bronze.schema()), encoder);
        for (GroupRule g : book.groupRules()) {
            Column[] keys = g.groupBy().stream().map(c -> col(c)).toArray(Column[]::new);
            rows = rows.repartition(keys).sortWithinPartitions(keys).mapPartitions(new GroupPass(g, schema), encoder);
        }
        return rows;
    }

    /** The Spark type of a typed landing column. */
    static DataType type(ColumnSpec c) {
        if (c.isIdentifier()) {
            return DataTypes.StringType;
        }
        return switch (c.logicalType()) {
            case "integer" -> DataTypes.IntegerType;
            case "number" -> DataTypes.DoubleType;
            case "boolean" -> DataTypes.BooleanType;
            case "date" -> DataTypes.DateType;
            case "array" -> DataTypes.createArrayType(DataTypes.StringType, true);
            default -> DataTypes.StringType;
        };
    }

    static StructType schema(Contract contract, StructType bronze) {
        List<StructField> f = new ArrayList<>();
        for (ColumnSpec c : contract.columns()) {
            f.add(DataTypes.createStructField(c.name(), type(c), true));
        }
        for (ColumnSpec c : contract.columns()) {
            if (!c.suppressionMarkers().isEmpty()) {
                f.add(DataTypes.createStructField(c.name() + SUPPRESSED, DataTypes.BooleanType, false));
            }
        }
        if (contract.financialYearFrom() != null) {
            f.add(DataTypes.createStructField(FINANCIAL_YEAR, DataTypes.StringType, true));
        }
        for (String l : LINEAGE) {
            f.add(bronze.apply(l));
        }
        for (ColumnSpec c : contract.columns()) {
            f.add(DataTypes.createStructField(RAW + c.name(), DataTypes.StringType, true));
        }
        f.add(DataTypes.createStructField(FAILURES, DataTypes.createArrayType(FAILURE, false), false));
        return new StructType(f.toArray(new StructField[0]));
    }

    /** The rules on each row, in the task that holds it. */
    static final class RowPass implements MapPartitionsFunction<Row, Row> {
        private final RuleBook book;
        private final BronzeText text;
        private final int[] suppressed;
        private final boolean financialYear;
        private final int[] lineage;

        RowPass(RuleBook book, BronzeText text, Contract contract, StructType bronze) {
            this.book = book;
            this.text = text;
            List<ColumnSpec> columns = contract.columns();
            this.suppressed = java.util.stream.IntStream.range(0, columns.size())
                    .filter(i -> !columns.get(i).suppressionMarkers().isEmpty())
                    .toArray();
            this.financialYear = contract.financialYearFrom() != null;
            this.lineage = LINEAGE.stream().mapToInt(bronze::fieldIndex).toArray();
        }

        @Override
        public Iterator<Row> call(Iterator<Row> in) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return in.hasNext();
                }

                @Override
                public Row next() {
                    return row(in.next());
                }
            };
        }

        private Row row(Row bronze) {
            TextRow t = text.read(bronze);
            CheckedRow c = book.check(t);
            int n = t.cells().length;
            List<Object> v = new ArrayList<>(2 * n + suppressed.length + lineage.length + 2);
            for (int i = 0; i < n; i++) {
                v.add(external(c.typed(i)));
            }
            for (int i : suppressed) {
                v.add(c.suppressed(i));
            }
            if (financialYear) {
                v.add(c.financialYear());
            }
            for (int i : lineage) {
                v.add(bronze.get(i));
            }
            v.addAll(Arrays.asList(t.cells()));
            v.add(failures(c.failures()));
            return RowFactory.create(v.toArray());
        }
    }

    /**
     * A rule across rows over one partition whose rows come sorted by the rule's group columns: each run of
     * rows with equal values is one group (Spark partitioned by those columns, so no group is split).
     */
    static final class GroupPass implements MapPartitionsFunction<Row, Row> {
        private final GroupRule rule;
        private final int[] keys;
        private final int failures;
        private final StructType schema;

        GroupPass(GroupRule rule, StructType schema) {
            this.rule = rule;
            this.schema = schema;
            this.keys = rule.groupBy().stream().mapToInt(schema::fieldIndex).toArray();
            this.failures = schema.fieldIndex(FAILURES);
        }

        @Override
        public Iterator<Row> call(Iterator<Row> in) {
            return new Iterator<>() {
                private final Deque<Row> ready = new ArrayDeque<>();
                private final List<Row> group = new ArrayList<>();
                private List<Object> key;

                @Override
                public boolean hasNext() {
                    while (ready.isEmpty() && (in.hasNext() || !group.isEmpty())) {
                        if (!in.hasNext()) {
                            flush();
                            continue;
                        }
                        Row r = in.next();
                        List<Object> k = key(r);
                        if (!group.isEmpty() && !k.equals(key)) {
                            flush();
                        }
                        key = k;
                        group.add(r);
                    }
                    return !ready.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return ready.poll();
                }

                private void flush() {
                    List<SparkMember> members = new ArrayList<>(group.size());
                    for (Row r : group) {
                        members.add(new SparkMember(r, schema, failures));
                    }
                    rule.check(members);
                    for (SparkMember m : members) {
                        ready.add(m.row());
                    }
                    group.clear();
                }
            };
        }

        private List<Object> key(Row r) {
            Object[] k = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                k[i] = r.get(keys[i]);
            }
            return Arrays.asList(k);
        }
    }

    /** A validated Spark row in a group: its typed values by name, and its failures, which a rule may add to. */
    static final class SparkMember implements GroupMember {
        private final Row row;
        private final StructType schema;
        private final int failuresAt;
        private final List<Failure> failures = new ArrayList<>();
        private final int before;

        SparkMember(Row row, StructType schema, int failuresAt) {
            this.row = row;
            this.schema = schema;
            this.failuresAt = failuresAt;
            for (Row f : row.<Row>getList(failuresAt)) {
                failures.add(new Failure(f.getString(0), f.getString(1)));
            }
            this.before = failures.size();
        }

        @Override
        public Object value(String column) {
            Object v = row.get(schema.fieldIndex(column));
            return v instanceof java.sql.Date d ? d.toLocalDate() : v;
        }

        @Override
        public boolean passes() {
            return failures.isEmpty();
        }

        @Override
        public void fail(Failure failure) {
            failures.add(failure);
        }

        Row row() {
            if (failures.size() == before) {
                return row;
            }
            Object[] v = new Object[row.length()];
            for (int i = 0; i < v.length; i++) {
                v[i] = row.get(i);
            }
            v[failuresAt] = failures(failures);
            return RowFactory.create(v);
        }
    }

    /** A rule's value as the Spark row encoder takes it. */
    static Object external(Object typed) {
        if (typed instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (typed instanceof List<?> items) {
            return scala.jdk.javaapi.CollectionConverters.asScala(items).toSeq();
        }
        return typed;
    }

    static Object failures(List<Failure> failures) {
        List<Row> rows = new ArrayList<>(failures.size());
        for (Failure f : failures) {
            rows.add(RowFactory.create(f.ruleId(), f.reason()));
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(rows).toSeq();
    }
}
