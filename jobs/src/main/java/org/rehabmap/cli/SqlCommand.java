package org.rehabmap.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sql", description = "Run Spark SQL against the lake's tables (bronze.*, silver.*, gold.*, audit.*).")
public final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the query")
    String query;

    @Option(names = "--format", defaultValue = "table", description = "csv | table (default table)")
    String format;

    @Option(names = "--limit", defaultValue = "1000", description = "most rows shown in table format (default 1000)")
    int limit;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("table")) {
            throw new ConfigError("--format must be csv or table, got '" + format + "'");
        }
        Settings s = common.settings();
        SparkSession spark = SparkSessions.create(s, common.sparkUi);
        Lake lake = new Lake(spark, s.location("paths.lake"));
        lake.registerAll();
        Dataset<Row> df = spark.sql(query);
        print(df, format, limit, System.out);
        return Main.OK;
    }

    public static void print(Dataset<Row> df, String format, int limit, PrintStream out) throws IOException {
        String[] cols = df.columns();
        if (format.equals("csv")) {
            CSVPrinter p = new CSVPrinter(
                    out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            p.printRecord((Object[]) cols);
            java.util.Iterator<Row> it = df.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                Object[] vals = new Object[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    vals[i] = Cells.text(r.get(i));
                }
                p.printRecord(vals);
            }
            p.flush();
        } else {
            List<Row> rows = df.limit(limit + 1).collectAsList();
            out.print(TextTable.render(cols, rows.subList(0, Math.min(limit, rows.size()))));
            if (rows.size() > limit) {
                out.println("(first " + limit + " rows; --limit N shows more)");
            } else {
                out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
            }
        }
    }
}
