package org.rehabmap.text;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** Prints a query's rows as CSV or as an aligned text table (sql, status and notebook share it). */
public final class DatasetPrinter {
    private DatasetPrinter() {}

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
