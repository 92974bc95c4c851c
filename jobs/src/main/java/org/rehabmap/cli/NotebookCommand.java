package org.rehabmap.cli;

import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.notebook.Notebook;
import org.rehabmap.notebook.NotebookRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(
        name = "notebook",
        description =
                "Run a notebook (notebooks/*.sql, Databricks source format) against the lake and print each cell's result.")
public final class NotebookCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the notebook file, e.g. notebooks/workforce_gaps.sql")
    Path file;

    @Option(names = "--limit", defaultValue = "50", description = "most rows shown per result (default 50)")
    int limit;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Path f = file.toAbsolutePath();
        if (!Files.isRegularFile(f)) {
            throw new ConfigError("notebook not found: " + file);
        }
        Notebook nb = Notebook.read(f);
        Settings s = common.settings();
        SparkSession spark = SparkSessions.create(s, common.sparkUi);
        Lake lake = new Lake(spark, s.location("paths.lake"));
        lake.registerAll();
        int ran = new NotebookRunner(spark, System.out, limit).run(nb);
        System.err.println("notebook " + file + ": " + nb.cells().size() + " cells, " + ran + " statements");
        return Main.OK;
    }
}
