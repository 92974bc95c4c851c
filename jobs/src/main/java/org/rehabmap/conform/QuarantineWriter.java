package org.rehabmap.conform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.audit.Quarantine;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.lake.Lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_concat;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

/**
 * Failed rows → audit.quarantine. A file's quarantine rows are replaced as a set (by sha256), so
 * conforming the same file twice after a crash never doubles them.
 */
public final class QuarantineWriter {
    private QuarantineWriter() {}

    /**
     * Rows with failures, shaped as audit.quarantine (the row's values as delivered, identifiers masked).
     * {@code sheetBySha} names the workbook sheet each file was read from, so a row number can be found.
     */
    public static Dataset<Row> toQuarantine(
            Dataset<Row> validated, Contract contract, String runId, Map<String, String> sheetBySha) {
        List<Column> kv = new ArrayList<>();
        for (ColumnSpec c : contract.columns()) {
            kv.add(lit(c.name()));
            kv.add(
                    c.isIdentifier()
                            ? when(col(ValidatedRows.RAW + c.name()).isNotNull(), lit(Quarantine.MASK))
                            : col(ValidatedRows.RAW + c.name()));
        }
        Column values = map(kv.toArray(new Column[0]));
        Column row =
                when(col(BronzeSchema.EXTRA).isNull(), values).otherwise(map_concat(values, col(BronzeSchema.EXTRA)));
        List<Column> shaToSheet = new ArrayList<>();
        sheetBySha.forEach((sha, sheet) -> {
            shaToSheet.add(lit(sha));
            shaToSheet.add(lit(sheet));
        });
        Column sheet = shaToSheet.isEmpty()
                ? lit(null).cast("string")
                : map(shaToSheet.toArray(new Column[0])).getItem(col(BronzeSchema.FILE_SHA));
        return validated
                .filter(size(col(ValidatedRows.FAILURES)).gt(0))
                .select(
                        lit(contract.name()).as("source"),
                        col(BronzeSchema.FILE_NAME).as("file_name"),
                        col(BronzeSchema.FILE_SHA).as("file_sha256"),
                        col(BronzeSchema.ROW_NUMBER).as("row_number"),
                        col(ValidatedRows.FAILURES)
                                .getItem(0)
                                .getField("rule_id")
                                .as("rule_id"),
                        transform(col(ValidatedRows.FAILURES), f -> f.getField("rule_id"))
                                .as("rule_ids"),
                        array_join(transform(col(ValidatedRows.FAILURES), f -> f.getField("reason")), "; ")
                                .as("reason"),
                        row.as("row"),
                        lit(runId).as("run_id"),
                        sheet.as("sheet"));
    }

    public static void write(Lake lake, Dataset<Row> quarantine, List<String> shas) {
        String path = lake.path(Quarantine.TABLE);
        Dataset<Row> q = lake.spark().createDataFrame(quarantine.rdd(), Quarantine.SCHEMA);
        if (lake.exists(Quarantine.TABLE)) {
            String in = String.join(",", shas.stream().map(s -> "'" + s + "'").toList());
            q.write()
                    .format("delta")
                    .mode("overwrite")
                    .option("mergeSchema", "true") // a quarantine from before the sheet column gains it
                    .option("replaceWhere", "file_sha256 IN (" + in + ")")
                    .save(path);
        } else {
            q.write().format("delta").mode("append").save(path);
        }
    }
}
