package org.rehabmap.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.SparkSessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One SparkSession for the whole test JVM (what spark-testing-base would give under JUnit 4):
 * local[2], one shuffle partition, no UI, warehouse in a temp folder. Tests get their own lake
 * folder from {@link #newLake()} so they never see each other's tables.
 * Use with {@code @ExtendWith(SharedSpark.class)}.
 */
public final class SharedSpark implements BeforeAllCallback {
    private static SparkSession spark;
    private static Path root;

    @Override
    public void beforeAll(ExtensionContext context) {
        session();
    }

    public static synchronized SparkSession session() {
        if (spark == null) {
            try {
                root = Files.createTempDirectory("rehabmap-test-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            spark = SparkSessions.create(settings(root.resolve("lake"), root.resolve("landing")), false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
        }
        return spark;
    }

    /** Settings of the test environment pointed at the given lake and landing folders. */
    public static Settings settings(Path lake, Path landing) {
        return Settings.load(
                projectHome(),
                "test",
                Map.of(
                        "rehabmap.paths.lake", lake.toString(),
                        "rehabmap.paths.landing", landing.toString(),
                        "rehabmap.paths.extracts",
                                lake.resolveSibling("extracts").toString(),
                        // a developer's REHABMAP_WAREHOUSE_URL must not receive test data; tests that load one say so
                        "rehabmap.warehouse.url", ""));
    }

    public static Path projectHome() {
        return Settings.home();
    }

    /** A fresh, empty folder for one test's lake, landing zone and outputs. */
    public static Path newWorkspace(String name) {
        session();
        try {
            return Files.createTempDirectory(root, name + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files: the OS cleans up what is left
        }
    }
}
