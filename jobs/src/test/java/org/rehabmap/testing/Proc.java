package org.rehabmap.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real child process for the operations tests (failsafe *IT): the CLI on the test classpath, or a script.
 * Its stdout and stderr are collected together so a test can wait for a line, then kill -9 it.
 */
public final class Proc {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private Proc(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process went away
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    public static Proc start(List<String> command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("REHABMAP_CRASH_AT");
        pb.environment().remove("REHABMAP_PAUSE_AT");
        pb.environment().putAll(env);
        try {
            return new Proc(pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
        }
    }

    /** {@code java <Spark's flags> -cp <classes, test classes, lib/*> [-D...] org.rehabmap.cli.Main <args>}. */
    public static List<String> cli(List<String> sysProps, String... args) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(List.of(required("rehabmap.test.jvmflags").trim().split("\\s+")));
        c.addAll(List.of(javaOpts().split("\\s+")));
        c.add("-Drehabmap.home=" + SharedSpark.projectHome());
        c.addAll(sysProps);
        c.addAll(List.of("-cp", required("rehabmap.test.classpath"), "org.rehabmap.cli.Main"));
        c.addAll(List.of(args));
        return c;
    }

    /** Heap and JIT options of a test's subprocess: the launcher's JIT flags (pom.xml), a smaller heap. */
    public static String javaOpts() {
        return "-Xmx2g " + required("rehabmap.test.jitflags").trim();
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the *IT tests through Maven (failsafe)");
        }
        return v;
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        return output.toString();
    }

    /** Waits until a line containing the text is printed; fails if the process ends first or time runs out. */
    public void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (output.indexOf(text) >= 0) {
                return;
            }
            if (!process.isAlive()) {
                reader.join(2000);
                if (output.indexOf(text) >= 0) {
                    return;
                }
                throw new AssertionError(
                        "process ended (exit " + process.exitValue() + ") before printing '" + text + "':\n" + output);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + output);
    }

    /** kill -9, from outside, as the OOM killer or a lost node would; returns the exit status. */
    public int kill9() throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-9", String.valueOf(process.pid()))
                .inheritIO()
                .start();
        if (k.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + process.pid() + " failed");
        }
        return waitFor(Duration.ofMinutes(1));
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            // TERM first: a script's trap then stops what it started (cluster-smoke.sh's cluster, for one)
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            throw new AssertionError("still running after " + timeout + ":\n" + output);
        }
        reader.join(5000);
        return process.exitValue();
    }
}
