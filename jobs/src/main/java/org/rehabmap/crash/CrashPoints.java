package org.rehabmap.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Deterministic fault injection for crash-recovery tests and drills. Code calls
 * {@link #reached(String)} at named points; nothing happens unless the environment asks:
 * <ul>
 *   <li>{@code REHABMAP_CRASH_AT=<point>[#n]}: at the n-th time a matching point is reached (default
 *       the first) the JVM halts at once, with no shutdown hooks and no finally blocks, as kill -9 would;</li>
 *   <li>{@code REHABMAP_PAUSE_AT=<point>[#n]}: the process prints {@code paused at <point> (pid N)} on
 *       stderr and waits there, so a test (or a person) can kill -9 it from outside at a known place.</li>
 * </ul>
 * A point pattern may use {@code *} as a wildcard. The points that exist (docs/operations.md):
 * {@code before-step:<step>}, {@code after-step:<step>}, {@code before-audit} (every step done, audit row
 * not yet written), {@code before-commit:<layer.table>} and {@code after-commit:<layer.table>} (every
 * Delta commit to a local lake, see {@link CrashPointLogStore}), and any name a job passes itself, e.g.
 * {@code publish:after-extract:<alliance>}.
 */
public final class CrashPoints {
    public static final String CRASH_ENV = "REHABMAP_CRASH_AT";
    public static final String PAUSE_ENV = "REHABMAP_PAUSE_AT";
    /** The exit status a halted process reports, the same as a process killed by SIGKILL. */
    public static final int HALT_STATUS = 137;

    private static final long PAUSE_LIMIT_MS = 15 * 60 * 1000L;

    private static final List<Trigger> TRIGGERS = new ArrayList<>();

    static {
        TRIGGERS.addAll(parse(setting(CRASH_ENV), false));
        TRIGGERS.addAll(parse(setting(PAUSE_ENV), true));
    }

    private CrashPoints() {}

    record Trigger(String spec, Pattern pattern, int occurrence, boolean pause, AtomicInteger seen) {
        boolean fires(String point) {
            return pattern.matcher(point).matches() && seen.incrementAndGet() == occurrence;
        }
    }

    /** True when any crash or pause point is armed in this process. */
    public static boolean enabled() {
        return !TRIGGERS.isEmpty();
    }

    /** A named point in the code: halts or pauses the process when the environment armed it. */
    public static void reached(String point) {
        for (Trigger t : TRIGGERS) {
            if (!t.fires(point)) {
                continue;
            }
            if (t.pause()) {
                pause(point);
            }
            System.err.println("rehabmap: crash point " + point + " reached (" + CRASH_ENV + "=" + t.spec()
                    + "): halting now, as kill -9 would");
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    private static void pause(String point) {
        System.err.println("rehabmap: paused at " + point + " (pid "
                + ProcessHandle.current().pid() + "), waiting to be killed");
        System.err.flush();
        long until = System.currentTimeMillis() + PAUSE_LIMIT_MS;
        while (System.currentTimeMillis() < until) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // nobody came: end as the kill would have, never carry on from a pause
    }

    static List<Trigger> parse(String value, boolean pause) {
        List<Trigger> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String spec : value.split(",")) {
            spec = spec.trim();
            if (spec.isEmpty()) {
                continue;
            }
            int n = 1;
            String pattern = spec;
            int hash = spec.lastIndexOf('#');
            if (hash > 0) {
                n = Integer.parseInt(spec.substring(hash + 1));
                pattern = spec.substring(0, hash);
            }
            out.add(new Trigger(spec, glob(pattern), n, pause, new AtomicInteger()));
        }
        return out;
    }

    static Pattern glob(String pattern) {
        return Pattern.compile(java.util.Arrays.stream(pattern.split("\\*", -1))
                .map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")));
    }

    private static String setting(String env) {
        String v = System.getenv(env);
        if (v == null) {
            v = System.getProperty(env.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return v;
    }
}
