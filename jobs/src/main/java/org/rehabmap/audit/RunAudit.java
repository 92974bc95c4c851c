package org.rehabmap.audit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.lake.Lake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** audit.run: one row per run, written when the run ends (whatever its outcome). */
public final class RunAudit {
    public static final String TABLE = "audit.run";

    public static final StructType STEP = new StructType(new StructField[] {
        DataTypes.createStructField("step", DataTypes.StringType, false),
        DataTypes.createStructField("status", DataTypes.StringType, false),
        DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
        DataTypes.createStructField("rows_written", DataTypes.LongType, false),
        DataTypes.createStructField("summary", DataTypes.StringType, true)
    });

    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("run_id", DataTypes.StringType, false),
        DataTypes.createStructField("env", DataTypes.StringType, false),
        DataTypes.createStructField("command", DataTypes.StringType, false),
        DataTypes.createStructField("started_at", DataTypes.TimestampType, false),
        DataTypes.createStructField("ended_at", DataTypes.TimestampType, false),
        DataTypes.createStructField("status", DataTypes.StringType, false),
        DataTypes.createStructField("as_of", DataTypes.DateType, false),
        DataTypes.createStructField("landing", DataTypes.StringType, true),
        DataTypes.createStructField("steps", DataTypes.createArrayType(STEP), false),
        DataTypes.createStructField(
                "versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false),
        DataTypes.createStructField("message", DataTypes.StringType, true)
    });

    private RunAudit() {}

    public record StepRecord(String step, String status, double seconds, long rowsWritten, String summary) {
        Row toRow() {
            return RowFactory.create(step, status, seconds, rowsWritten, summary);
        }
    }

    public static void append(
            Lake lake,
            String runId,
            String env,
            String command,
            Instant started,
            Instant ended,
            String status,
            LocalDate asOf,
            String landing,
            List<StepRecord> steps,
            Map<String, Long> versions,
            String message) {
        Row row = RowFactory.create(
                runId,
                env,
                command,
                Timestamp.from(started),
                Timestamp.from(ended),
                status,
                Date.valueOf(asOf),
                landing,
                scala.jdk.javaapi.CollectionConverters.asScala(
                                steps.stream().map(StepRecord::toRow).toList())
                        .toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(versions),
                message);
        lake.appendRows(TABLE, List.of(row), SCHEMA);
    }
}
