package org.rehabmap.conform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.contracts.Contract;
import org.rehabmap.lake.Lake;

import java.util.List;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * Accepted rows → silver.<entity>, keyed as INPUTS.md says: of rows with the same key the one
 * from the later file wins (within a file, the later row). Bronze keeps every version.
 */
public final class SilverWriter {
    public static final List<String> LINEAGE =
            List.of(BronzeSchema.FILE_NAME, BronzeSchema.FILE_SEQ, BronzeSchema.ROW_NUMBER, BronzeSchema.RUN_ID);

    private SilverWriter() {}

    /** Newest row per key within one batch: pure, so it is tested on a tiny frame. */
    public static Dataset<Row> latestPerKey(Dataset<Row> rows, List<String> key) {
        if (key.isEmpty()) {
            return rows;
        }
        Column[] k = key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return rows.withColumn(
                        "_rank",
                        row_number()
                                .over(Window.partitionBy(k)
                                        .orderBy(
                                                col(BronzeSchema.FILE_SEQ).desc(),
                                                col(BronzeSchema.ROW_NUMBER).desc())))
                .filter(col("_rank").equalTo(1))
                .drop("_rank");
    }

    public static long merge(Lake lake, Contract contract, Dataset<Row> accepted) {
        String table = "silver." + contract.silverTable();
        Dataset<Row> latest = latestPerKey(accepted, contract.supersessionKey());
        if (!lake.exists(table)) {
            latest.write().format("delta").mode("append").save(lake.path(table));
        } else {
            String on = contract.supersessionKey().stream()
                    .map(k -> "t." + k + " <=> s." + k)
                    .collect(Collectors.joining(" AND "));
            lake.table(table)
                    .as("t")
                    .merge(latest.as("s"), on)
                    .whenMatched("s." + BronzeSchema.FILE_SEQ + " >= t." + BronzeSchema.FILE_SEQ)
                    .updateAll()
                    .whenNotMatched()
                    .insertAll()
                    .execute();
        }
        return lake.version(table);
    }
}
