package org.rehabmap.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** With {@code --log-format json}, progress lines become log events (one JSON object a line on stderr). */
final class ProgressLog extends PrintStream {
    private final Logger log = LogManager.getLogger("org.rehabmap.progress");

    ProgressLog() {
        super(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Override
    public void println(String x) {
        log.info(x == null ? "" : x.strip());
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }
}
