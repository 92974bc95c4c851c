package org.rehabmap.rules;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.testing.SharedSpark;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Silver must be typed exactly as it was when conform typed cells with Spark expressions: the rules read
 * cells in plain Java now, so each spelling that could tell the two apart is run through both, the Spark
 * expressions conform used (kept here as the reference) and the Java reading.
 */
@ExtendWith(SharedSpark.class)
class TypingMatchesSparkTest {
    static final List<String> CELLS = List.of(
            "7",
            "+7",
            "-7",
            "007",
            "999999999",
            "1234567890",
            " 7 ",
            "\t7",
            "7\n",
            "7\r\n",
            "7\u2028",
            "7.0",
            "1e3",
            "1.5",
            ".5",
            "5.",
            "+.5e-3",
            "1E400",
            "-0",
            "1,5",
            "NaN",
            "Infinity",
            "0x1F",
            "١٢",
            "true",
            "TRUE",
            "Yes",
            "y",
            "N",
            "0",
            "1",
            "maybe",
            "2025-02-28",
            "2025-02-30",
            "2024-02-29",
            "0000-01-01",
            "31/12/2025",
            "29/02/2023",
            "2025-2-28",
            "2025-02-28\n",
            " 2025-02-28",
            "E09000001",
            "e09000001",
            "straße",
            "İstanbul",
            "ǆ",
            "ﬁx",
            "a;b",
            " a ; ;B;",
            ";",
            ";;x;",
            "\ta\t;b",
            "a\u00a0",
            "",
            " ",
            "\t");

    static Column sparkTyped(String type, Column v) {
        return switch (type) {
            case "integer" -> when(v.rlike("^[+-]?[0-9]{1,9}$"), v.cast("int"));
            case "number" -> when(v.rlike("^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$"), v.cast("double"));
            case "boolean" ->
                when(lower(v).isin(Typing.TRUE.toArray()), lit(true))
                        .when(lower(v).isin(Typing.FALSE.toArray()), lit(false));
            case "date" ->
                when(v.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), to_date(v, "yyyy-MM-dd"))
                        .when(v.rlike("^[0-9]{2}/[0-9]{2}/[0-9]{4}$"), to_date(v, "dd/MM/yyyy"));
            default -> v;
        };
    }

    @Test
    void javaReadsEveryCellAsSparkDid() {
        List<Row> in = new ArrayList<>();
        CELLS.forEach(c -> in.add(RowFactory.create(c)));
        Dataset<Row> df = SharedSpark.session()
                .createDataFrame(in, new StructType().add("raw", DataTypes.StringType))
                .withColumn("t", trim(col("raw")))
                .withColumn(
                        "v",
                        when(col("t").equalTo(""), lit(null).cast("string")).otherwise(col("t")));
        List<String> types = List.of("integer", "number", "boolean", "date");
        List<Column> out = new ArrayList<>(List.of(col("raw"), col("v"), upper(col("v")), lower(col("v"))));
        types.forEach(t -> out.add(sparkTyped(t, col("v")).cast("string")));
        out.add(filter(transform(split(col("v"), ";"), x -> trim(x)), x -> x.notEqual(lit(""))));
        List<String> differences = new ArrayList<>();
        for (Row r : df.select(out.toArray(new Column[0])).collectAsList()) {
            String raw = r.getString(0);
            TestRows rows = new TestRows()
                    .column("s", "string")
                    .column("u", "string", "upper")
                    .column("l", "string", "lower");
            types.forEach(t -> rows.column(t, t));
            rows.column("items", "array");
            String[] cells = new String[8];
            java.util.Arrays.fill(cells, raw);
            CheckedRow c = rows.row(cells);
            List<Object> java = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Object v = c.typed(i);
                java.add(v == null ? null : v.toString());
            }
            java.add(c.typed(7));
            List<Object> spark = new ArrayList<>();
            for (int i = 1; i < 8; i++) {
                spark.add(r.get(i));
            }
            spark.add(r.isNullAt(8) ? null : r.getList(8));
            if (!java.equals(spark)) {
                differences.add("'" + raw.replace("\n", "\\n") + "': java " + java + ", spark " + spark);
            }
        }
        assertEquals(List.of(), differences);
    }
}
