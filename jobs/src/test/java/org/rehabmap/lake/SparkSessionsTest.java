package org.rehabmap.lake;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.config.Settings;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The settings measured in docs/benchmarks.md reach the session from the configuration, not from code. */
@ExtendWith(SharedSpark.class)
class SparkSessionsTest {
    @Test
    void theSessionCarriesTheConfiguredSettings() {
        SparkSession spark = SharedSpark.session();
        Settings s = SharedSpark.settings(Path.of("unused-lake"), Path.of("unused-landing"));
        // Spark's own default of 100 compiled classes made an acceptance-sized run compile 350 of them again
        assertEquals(4000, s.getInt("spark.codegen-cache-entries"));
        assertEquals("4000", spark.conf().get("spark.sql.codegen.cache.maxEntries"));
        assertEquals(
                String.valueOf(s.getInt("spark.delta-snapshot-partitions")),
                spark.conf().get("spark.databricks.delta.snapshotPartitions"));
        assertEquals("false", spark.conf().get("spark.sql.artifact.isolation.enabled"));
        assertEquals("UTC", spark.conf().get("spark.sql.session.timeZone"));
    }
}
