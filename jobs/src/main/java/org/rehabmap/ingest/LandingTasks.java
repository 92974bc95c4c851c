package org.rehabmap.ingest;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.rehabmap.lake.JobDescription;

import java.util.List;

/**
 * Landing files as Spark work: one partition per file, so each file is read in a task of its own on
 * whichever executor runs it, through the Hadoop FileSystem API with the driver's Hadoop settings (an
 * object store's credentials included) broadcast the way Spark's own file sources ship them.
 */
final class LandingTasks {
    private LandingTasks() {}

    /** One row per file, each in its own partition; a parallelised list, since Dataset repartitioning may pair them. */
    static Dataset<Row> onePerPartition(SparkSession spark, List<Row> files, StructType schema) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(jsc.parallelize(files, Math.max(1, files.size())), schema);
    }

    static Broadcast<SerializableConfiguration> hadoopConf(SparkSession spark) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    }

    /** Runs body with a job description, so the UI (and a listener) can tell ingest's jobs apart. */
    static <T> T described(SparkSession spark, String description, java.util.function.Supplier<T> body) {
        try {
            return JobDescription.during(spark, description, body::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
