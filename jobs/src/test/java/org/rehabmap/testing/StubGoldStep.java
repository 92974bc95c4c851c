package org.rehabmap.testing;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.lake.Lake;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the curate step in the operations tests (-Drehabmap.step.curate=this class): like the real
 * one it rebuilds gold from silver on every run and writes several gold tables one after another, so a
 * process killed between two of them leaves a half-written gold for recovery to deal with. Its values
 * depend on the silver row counts and on the as-of date, so two runs with different dates differ.
 */
public final class StubGoldStep implements Step {
    public static final String A = "gold.stub_by_table";
    public static final String B = "gold.stub_totals";

    @Override
    public String name() {
        return "curate";
    }

    @Override
    public StepResult run(RunContext ctx) {
        Lake lake = ctx.lake();
        Date asOf = Date.valueOf(ctx.asOf());
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (String t : lake.tables()) {
            if (!t.startsWith("silver.")) {
                continue;
            }
            long n = lake.read(t).count();
            total += n;
            rows.add(RowFactory.create(t, n, asOf));
        }
        if (rows.isEmpty()) {
            rows.add(RowFactory.create("(no silver tables)", 0L, asOf));
        }
        StructType byTable = new StructType()
                .add("table_name", DataTypes.StringType)
                .add("row_count", DataTypes.LongType)
                .add("as_of", DataTypes.DateType);
        StructType totals = new StructType()
                .add("tables", DataTypes.IntegerType)
                .add("row_count", DataTypes.LongType)
                .add("as_of", DataTypes.DateType);
        Map<String, Long> versions = new LinkedHashMap<>();
        write(lake, A, lake.spark().createDataFrame(rows, byTable), versions);
        write(
                lake,
                B,
                lake.spark().createDataFrame(List.of(RowFactory.create(rows.size(), total, asOf)), totals),
                versions);
        return new StepResult(name(), true, rows.size() + 1L, versions, "stub gold: " + total + " silver rows");
    }

    private static void write(
            Lake lake, String table, org.apache.spark.sql.Dataset<Row> df, Map<String, Long> versions) {
        df.coalesce(1)
                .write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .save(lake.path(table));
        versions.put(table, lake.version(table));
    }
}
