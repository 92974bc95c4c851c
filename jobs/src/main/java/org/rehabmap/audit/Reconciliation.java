package org.rehabmap.audit;

import org.apache.spark.sql.Row;
import org.rehabmap.lake.Lake;
import org.rehabmap.text.TextTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * The table printed at the end of every run: each file this run touched, and whether
 * rows_read = rows_accepted + rows_quarantined holds for it.
 */
public final class Reconciliation {
    private Reconciliation() {}

    public static final String[] HEADERS = {
        "source", "file", "status", "read", "accepted", "quarantined", "read=acc+quar", "reason"
    };

    /** The files a run ingested or conformed, with the check that every row read is accounted for. */
    public static List<String[]> rows(Lake lake, String runId) {
        List<String[]> out = new ArrayList<>();
        if (!lake.exists(FileLedger.TABLE)) {
            return out;
        }
        List<Row> rows = lake.read(FileLedger.TABLE)
                .filter(col("run_id").equalTo(runId).or(col("conformed_run_id").equalTo(runId)))
                .orderBy("source", "file_seq")
                .select("source", "file_name", "status", "rows_read", "rows_accepted", "rows_quarantined", "reason")
                .collectAsList();
        for (Row r : rows) {
            String check = "";
            if (!r.isNullAt(3) && !r.isNullAt(4) && !r.isNullAt(5)) {
                check = r.getLong(3) == r.getLong(4) + r.getLong(5) ? "ok" : "MISMATCH";
            }
            out.add(new String[] {
                r.getString(0),
                r.getString(1),
                r.getString(2),
                str(r, 3),
                str(r, 4),
                str(r, 5),
                check,
                r.isNullAt(6) ? "" : r.getString(6)
            });
        }
        return out;
    }

    /**
     * Prints the table of a run: the table itself as a result, a reconciliation that cannot be read as
     * progress (it never fails the run it describes).
     */
    public static void print(Lake lake, String runId, Consumer<String> result, Consumer<String> progress) {
        List<String[]> rows;
        try {
            rows = rows(lake, runId);
        } catch (RuntimeException e) {
            progress.accept("(reconciliation not available: " + e.getMessage() + ")");
            return;
        }
        if (rows.isEmpty()) {
            result.accept("reconciliation: no new files in this run");
            return;
        }
        result.accept("reconciliation (run " + runId + "):");
        result.accept(TextTable.renderStrings(HEADERS, rows).stripTrailing());
    }

    private static String str(Row r, int i) {
        return r.isNullAt(i) ? "" : String.valueOf(r.getLong(i));
    }
}
