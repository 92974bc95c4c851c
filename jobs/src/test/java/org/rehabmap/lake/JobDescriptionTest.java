package org.rehabmap.lake;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.testing.SharedSpark;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jobs a piece of work starts carry its name, and only its jobs do. */
@ExtendWith(SharedSpark.class)
class JobDescriptionTest {
    @Test
    void theJobsOfTheWorkCarryItsNameAndTheThreadIsLeftAsItWas() throws Exception {
        SparkSession spark = SharedSpark.session();
        List<String> seen = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                String d =
                        start.properties() == null ? null : start.properties().getProperty("spark.job.description");
                if (d != null && d.startsWith("JobDescriptionTest")) {
                    seen.add(d);
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            long n = JobDescription.during(
                    spark,
                    "JobDescriptionTest check gold.x",
                    () -> spark.range(10).count());
            assertEquals(10, n);
            assertNull(spark.sparkContext().getLocalProperty("spark.job.description"), "restored afterwards");
            assertThrows(
                    IllegalStateException.class,
                    () -> JobDescription.during(spark, "JobDescriptionTest failing", () -> {
                        throw new IllegalStateException("boom");
                    }));
            assertNull(spark.sparkContext().getLocalProperty("spark.job.description"), "restored after a failure");
            spark.range(5).count();
            // listener events arrive on Spark's bus thread
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        assertFalse(seen.isEmpty(), "the work's jobs were seen");
        assertTrue(seen.stream().allMatch(d -> d.equals("JobDescriptionTest check gold.x")), seen.toString());
    }
}
