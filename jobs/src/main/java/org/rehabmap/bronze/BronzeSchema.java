package org.rehabmap.bronze;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Bronze keeps every delivered row as text, with its lineage. Contract columns get a column
 * each (null when the file lacked it); extra columns go to {@code _extra}; an identifier column
 * holds its pseudonym and a {@code <name>__check} column holds the result of checking the raw
 * value, taken before the raw value was dropped.
 */
public final class BronzeSchema {
    public static final String RUN_ID = "_run_id";
    public static final String FILE_NAME = "_file_name";
    public static final String FILE_SHA = "_file_sha256";
    public static final String FILE_SEQ = "_file_seq";
    public static final String ROW_NUMBER = "_row_number";
    public static final String CELL_COUNT = "_cell_count";
    public static final String HEADER_COUNT = "_header_count";
    public static final String EXTRA = "_extra";
    public static final String INGESTED_AT = "_ingested_at";

    private BronzeSchema() {}

    public static String checkColumn(String identifierColumn) {
        return identifierColumn + "__check";
    }

    public static StructType forContract(Contract c) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(RUN_ID, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(FILE_NAME, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(FILE_SHA, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(FILE_SEQ, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(ROW_NUMBER, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(CELL_COUNT, DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField(HEADER_COUNT, DataTypes.IntegerType, false));
        for (ColumnSpec col : c.columns()) {
            f.add(DataTypes.createStructField(col.name(), DataTypes.StringType, true));
            if (col.isIdentifier()) {
                f.add(DataTypes.createStructField(checkColumn(col.name()), DataTypes.StringType, true));
            }
        }
        f.add(DataTypes.createStructField(
                EXTRA, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true));
        f.add(DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false));
        return new StructType(f.toArray(new StructField[0]));
    }

    public static String table(Contract c) {
        return "bronze." + c.name();
    }
}
