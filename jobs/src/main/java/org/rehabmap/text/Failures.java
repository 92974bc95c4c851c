package org.rehabmap.text;

/** Turns an exception into the one line a user reads. */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable t) {
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        // Spark's messages can run to many lines (plans, suggestions); the first says what happened.
        return msg.lines().findFirst().orElse(msg).trim();
    }
}
