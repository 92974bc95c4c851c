package org.rehabmap.lake;

import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.testing.SharedSpark;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark's generated code is compiled once per local run, not once on the driver and again in the tasks. */
@ExtendWith(SharedSpark.class)
class SharedClassLoaderTest {
    private static volatile ClassLoader seenInTask;

    @Test
    void theDriverThreadUsesTheLoaderTheTasksRunWith() {
        SparkSession spark = SharedSpark.session();
        assertTrue(SharedClassLoader.share(spark), "a local session shares its executor's loader");
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(java.util.List.of(0), 1)
                .foreach(x -> seenInTask = Thread.currentThread().getContextClassLoader());
        assertSame(seenInTask, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void aQueryCompilesFewerClassesWithTheSharedLoaderThanWithout() throws Exception {
        SparkSession spark = SharedSpark.session();
        SharedClassLoader.share(spark);
        // the parts of the plan that do not hold the literal, compiled beforehand under both loaders
        compilesOf(spark, 1_000_001L);
        inThreadWithoutTheSharedLoader(() -> compilesOf(spark, 1_000_001L));
        // then the same shape twice, each with a literal of its own, so that neither finds the other's code
        long shared = compilesOf(spark, 1_000_003L);
        long unshared = inThreadWithoutTheSharedLoader(() -> compilesOf(spark, 1_000_033L));
        assertTrue(shared > 0, "the query compiled something");
        assertTrue(shared < unshared, "with the shared loader " + shared + " compilation(s), without it " + unshared);
        assertEquals(0, compilesOf(spark, 1_000_003L), "the same query again compiles nothing");
    }

    /** What the driver's threads had before: the application's class loader, not the executor's. */
    private static long inThreadWithoutTheSharedLoader(java.util.function.LongSupplier work) throws Exception {
        AtomicLong result = new AtomicLong();
        Thread t = new Thread(() -> result.set(work.getAsLong()));
        t.setContextClassLoader(ClassLoader.getSystemClassLoader());
        t.start();
        t.join();
        return result.get();
    }

    private static long compilesOf(SparkSession spark, long literal) {
        long before = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
        spark.range(0, 1000, 1, 2)
                .selectExpr("id * " + literal + " AS x", "id % 7 AS k")
                .groupBy("k")
                .sum("x")
                .collectAsList();
        return CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - before;
    }
}
