package org.rehabmap.pipeline;

import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What every step of one run shares: the settings, the session, the lake, the run's id and
 * as-of date, where the landing zone is, and where to print progress and results.
 */
public record RunContext(
        Settings settings,
        SparkSession spark,
        Lake lake,
        String runId,
        Instant startedAt,
        LocalDate asOf,
        String landing,
        Console console) {

    /** Progress goes to stderr (unless quiet); results to stdout. */
    public record Console(PrintStream out, PrintStream progress, boolean quiet) {
        public void progress(String line) {
            if (!quiet) {
                progress.println(line);
            }
        }

        public void result(String line) {
            out.println(line);
        }
    }
}
