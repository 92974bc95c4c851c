package org.rehabmap.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outside programs some tests need: a PostgreSQL server and headless Chromium. scripts/test.sh
 * sets them up and passes them in (REHABMAP_TEST_WAREHOUSE_*, REHABMAP_TEST_CHROMIUM); a test run
 * straight from Maven starts them with the same scripts. Only an explicit REHABMAP_TEST_POSTGRES=off
 * or REHABMAP_TEST_BROWSER=off skips those tests; anything else that goes wrong fails them.
 */
public final class TestServices {
    public record Postgres(String url, String user, String password) {}

    private static Postgres postgres;
    private static String chromium;

    private TestServices() {}

    public static synchronized Postgres postgres() {
        Assumptions.assumeFalse(
                "off".equals(System.getenv("REHABMAP_TEST_POSTGRES")),
                "PostgreSQL tests skipped: REHABMAP_TEST_POSTGRES=off");
        if (postgres != null) {
            return postgres;
        }
        String url = System.getenv("REHABMAP_TEST_WAREHOUSE_URL");
        if (url != null && !url.isBlank()) {
            postgres = new Postgres(
                    url,
                    System.getenv("REHABMAP_TEST_WAREHOUSE_USER"),
                    System.getenv("REHABMAP_TEST_WAREHOUSE_PASSWORD"));
            return postgres;
        }
        Map<String, String> env = new HashMap<>();
        env.put("REHABMAP_PG_PORT", System.getenv().getOrDefault("REHABMAP_TEST_PG_PORT", "55433"));
        String out = script(env, "scripts/postgres.sh", "start", "--env");
        Map<String, String> vars = new HashMap<>();
        for (String line : out.split("\n")) {
            var m = java.util.regex.Pattern.compile("export (\\w+)='(.*)'").matcher(line.trim());
            if (m.matches()) {
                vars.put(m.group(1), m.group(2));
            }
        }
        postgres = new Postgres(
                vars.get("REHABMAP_WAREHOUSE_URL"),
                vars.get("REHABMAP_WAREHOUSE_USER"),
                vars.get("REHABMAP_WAREHOUSE_PASSWORD"));
        if (postgres.url() == null) {
            throw new IllegalStateException("scripts/postgres.sh start --env printed no URL: " + out);
        }
        return postgres;
    }

    public static synchronized String chromium() {
        Assumptions.assumeFalse(
                "off".equals(System.getenv("REHABMAP_TEST_BROWSER")),
                "browser tests skipped: REHABMAP_TEST_BROWSER=off");
        if (chromium != null) {
            return chromium;
        }
        String c = System.getenv("REHABMAP_TEST_CHROMIUM");
        chromium = c != null && !c.isBlank()
                ? c
                : script(Map.of(), "scripts/chromium.sh").strip();
        return chromium;
    }

    private static String script(Map<String, String> env, String... cmd) {
        return script(Duration.ofMinutes(10), env, cmd);
    }

    /**
     * Runs a script of the project and returns its stdout. The output goes to a file, not a pipe read to its end:
     * a pipe would hold the wait until every process holding it ends (a server the script starts, a hung
     * installer), so the timeout could never apply.
     */
    static String script(Duration timeout, Map<String, String> env, String... cmd) {
        Path out = null;
        try {
            out = Files.createTempFile("rehabmap-script-", ".out");
            Path home = SharedSpark.projectHome();
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(home.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", cmd) + " did not finish within " + timeout + "; run it by hand to see why");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", cmd) + " failed (exit " + p.exitValue() + "); run it by hand to see why");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }
}
