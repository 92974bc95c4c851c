package org.rehabmap.lake;

import org.apache.spark.sql.SparkSession;

import java.util.concurrent.Callable;

/**
 * Names the Spark jobs a piece of work starts ("check gold.unmet_need"), on the current thread only:
 * the Spark UI, an event log and a listener then say which table a query belongs to, where otherwise
 * they show only a call site such as {@code collectAsList at OutputCheck.java:133} for all of them.
 */
public final class JobDescription {
    private static final String KEY = "spark.job.description";

    private JobDescription() {}

    public static <T> T during(SparkSession spark, String description, Callable<T> body) throws Exception {
        String before = spark.sparkContext().getLocalProperty(KEY);
        spark.sparkContext().setJobDescription(description);
        try {
            return body.call();
        } finally {
            spark.sparkContext().setJobDescription(before);
        }
    }
}
