package org.rehabmap.audit;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * audit.quarantine: every row that failed a contract rule, with the rule, a reason a person can
 * act on, and the row's values as delivered (identifiers masked). One row per bad input row;
 * {@code rule_ids} lists every rule it broke, {@code rule_id} the first.
 */
public final class Quarantine {
    public static final String TABLE = "audit.quarantine";
    public static final String MASK = "<masked>";

    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("file_name", DataTypes.StringType, false),
        DataTypes.createStructField("file_sha256", DataTypes.StringType, false),
        DataTypes.createStructField("row_number", DataTypes.LongType, true),
        DataTypes.createStructField("rule_id", DataTypes.StringType, false),
        DataTypes.createStructField("rule_ids", DataTypes.createArrayType(DataTypes.StringType), false),
        DataTypes.createStructField("reason", DataTypes.StringType, false),
        DataTypes.createStructField("row", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true),
        DataTypes.createStructField("run_id", DataTypes.StringType, false),
        // the workbook sheet the row is on (null for text files); added after the first release
        DataTypes.createStructField("sheet", DataTypes.StringType, true)
    });

    private Quarantine() {}
}
