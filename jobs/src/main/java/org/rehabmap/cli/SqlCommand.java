package org.rehabmap.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.text.DatasetPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
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
        DatasetPrinter.print(df, format, limit, System.out);
        return Main.OK;
    }
}
