package org.rehabmap.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Under --log-format json every kind of write to the progress stream becomes a log event, one per line. */
class ProgressLogTest {
    private static final String LOGGER = "org.rehabmap.progress";

    @Test
    void everyKindOfWriteComesOutAsOneEventPerLine() {
        List<String> events = new CopyOnWriteArrayList<>();
        AbstractAppender capture = new AbstractAppender("progress-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                events.add(e.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        LoggerConfig only = new LoggerConfig(LOGGER, Level.INFO, false);
        only.addAppender(capture, null, null);
        cfg.addLogger(LOGGER, only);
        ctx.updateLoggers();
        try {
            byte[] six = "six ± é\n".getBytes(StandardCharsets.UTF_8);
            try (ProgressLog p = new ProgressLog()) {
                p.println("one");
                p.print("two");
                p.print(" and a half\n");
                p.printf("three %d%n", 3);
                p.format("%s%n", "four");
                p.append("five").append('\n');
                p.write(six, 0, six.length);
                p.write('7');
                p.write('\n');
                p.println(8);
                p.print("last, with no newline");
            }
            assertEquals(
                    List.of(
                            "one",
                            "two and a half",
                            "three 3",
                            "four",
                            "five",
                            "six ± é",
                            "7",
                            "8",
                            "last, with no newline"),
                    events);
        } finally {
            cfg.removeLogger(LOGGER);
            ctx.updateLoggers();
            capture.stop();
        }
    }
}
