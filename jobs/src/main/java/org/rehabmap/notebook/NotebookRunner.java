package org.rehabmap.notebook;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.text.DatasetPrinter;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Runs a notebook's cells in order in one Spark session (so a temporary view made in one cell is
 * there in the next) and prints each cell: markdown as text, each statement's result as a table.
 * The first failing statement stops the run with the cell's number.
 */
public final class NotebookRunner {
    private final SparkSession spark;
    private final PrintStream out;
    private final int limit;

    public NotebookRunner(SparkSession spark, PrintStream out, int limit) {
        this.spark = spark;
        this.out = out;
        this.limit = limit;
    }

    /** A statement failed; the message names the notebook, cell and statement. */
    public static final class CellFailed extends RuntimeException {
        public CellFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @return how many statements ran */
    public int run(Notebook nb) throws IOException {
        int ran = 0;
        for (Notebook.Cell c : nb.cells()) {
            out.println("── cell " + c.number() + (c.markdown() ? " (markdown)" : "") + " " + "─".repeat(40));
            if (c.markdown()) {
                out.println(c.text());
                out.println();
                continue;
            }
            for (String stmt : c.statements()) {
                Dataset<Row> df;
                try {
                    df = spark.sql(stmt);
                    if (df.columns().length == 0) {
                        df.collect();
                        out.println("(ok)");
                    } else {
                        DatasetPrinter.print(df, "table", limit, out);
                    }
                } catch (Exception e) {
                    // Spark throws AnalysisException (checked) without declaring it
                    String first = stmt.lines()
                            .filter(l -> !l.strip().startsWith("--") && !l.isBlank())
                            .findFirst()
                            .orElse(stmt)
                            .strip();
                    throw new CellFailed(
                            nb.file().getFileName() + ", cell " + c.number() + " (" + first + "): "
                                    + String.valueOf(e.getMessage())
                                            .lines()
                                            .findFirst()
                                            .orElse(""),
                            e);
                }
                ran++;
            }
            out.println();
        }
        return ran;
    }
}
