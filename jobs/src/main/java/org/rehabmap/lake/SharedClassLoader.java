package org.rehabmap.lake;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * In local mode, gives the driver's threads the class loader the executor's tasks run with. Spark keys its cache of
 * compiled generated code by the thread's context class loader as well as by the code, so with two loaders every
 * whole-stage class and projection built on the driver (to plan, to collect) was compiled a second time in the
 * tasks: 372 of the 1,454 compilations of an acceptance-sized run (docs/benchmarks.md). The executor's loader
 * delegates to the application's first, so the driver finds the same classes through it. On a cluster the executors
 * are other JVMs and nothing changes.
 */
public final class SharedClassLoader {
    /** Set by the one task of {@link #share}: in local mode the task runs in this JVM. */
    private static volatile ClassLoader executors;

    private SharedClassLoader() {}

    /**
     * Sets the calling thread's context class loader to the local executor's. Threads it starts afterwards (the
     * driver pools of {@link Parallel}, Spark's own) inherit it. Returns whether it did.
     */
    public static boolean share(SparkSession spark) {
        if (!spark.sparkContext().isLocal()) {
            return false;
        }
        // asked of this session's executor every time: a loader kept from an earlier, stopped context would
        // match no task of this one
        executors = null;
        JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(0), 1)
                .foreach(x -> executors = Thread.currentThread().getContextClassLoader());
        ClassLoader loader = executors;
        if (loader == null) {
            return false;
        }
        Thread.currentThread().setContextClassLoader(loader);
        return true;
    }
}
