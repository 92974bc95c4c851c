package org.rehabmap.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * With {@code --log-format json}, progress lines become log events (one JSON object a line on stderr). Every
 * way of writing to a PrintStream (print, printf, format, append, write) ends up as bytes in one stream, so
 * the lines are cut there rather than by overriding println alone, which let everything else fall through.
 */
final class ProgressLog extends PrintStream {
    ProgressLog() {
        this(LogManager.getLogger("org.rehabmap.progress"));
    }

    private ProgressLog(Logger log) {
        super(new Lines(line -> log.info(line)), true, StandardCharsets.UTF_8);
    }

    /** Bytes in, one event per complete line out; a last line without its newline goes out on close. */
    private static final class Lines extends OutputStream {
        private final Consumer<String> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                emit();
            }
        }

        private void emit() {
            // UTF-8 is cut only at '\n', never inside a character, so each line decodes whole
            sink.accept(line.toString(StandardCharsets.UTF_8).strip());
            line.reset();
        }
    }
}
