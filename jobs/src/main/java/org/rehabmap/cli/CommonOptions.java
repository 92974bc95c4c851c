package org.rehabmap.cli;

import org.rehabmap.config.Settings;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options every command takes: which environment, and where the lake and landing zone are. */
public final class CommonOptions {
    @Option(
            names = "--env",
            description = "configuration environment: conf/<env>.conf (default: local, or REHABMAP_ENV)")
    String env;

    @Option(names = "--lake", description = "lake root folder or URI (overrides rehabmap.paths.lake)")
    String lake;

    @Option(names = "--landing", description = "landing zone folder or URI (overrides rehabmap.paths.landing)")
    String landing;

    @Option(names = "--verbose", description = "show stack traces on failure")
    boolean verbose;

    @Option(names = "--quiet", description = "no progress lines on the console")
    boolean quiet;

    @Option(names = "--spark-ui", description = "start the Spark UI (off by default locally)")
    boolean sparkUi;

    @Option(
            names = "--log-format",
            description =
                    "text | json: json writes every log and progress line on stderr as one JSON object (also REHABMAP_LOG_FORMAT)")
    String logFormat;

    /** Where a command prints: results on stdout; progress on stderr as text, or as JSON log events. */
    public org.rehabmap.pipeline.RunContext.Console console() {
        java.io.PrintStream progress = Main.jsonLogs() ? new ProgressLog() : System.err;
        return new org.rehabmap.pipeline.RunContext.Console(System.out, progress, quiet);
    }

    public Settings settings() {
        Map<String, Object> o = new LinkedHashMap<>();
        if (lake != null) {
            o.put("rehabmap.paths.lake", absolute(lake));
        }
        if (landing != null) {
            o.put("rehabmap.paths.landing", absolute(landing));
        }
        return Settings.load(Settings.home(), env, o);
    }

    /** Command-line paths are relative to where the user stands, not to the project home. */
    static String absolute(String p) {
        if (p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return p;
        }
        return java.nio.file.Path.of(p).toAbsolutePath().normalize().toString();
    }
}
