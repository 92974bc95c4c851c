package org.rehabmap.cli;

import org.rehabmap.config.ConfigError;
import org.rehabmap.text.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one launcher for every job: {@code scripts/rehabmap <command>}. Exit codes: 0 success,
 * 1 a failed run, 2 bad usage or configuration (always one line; a stack trace only with --verbose),
 * 3 another command holds the lake's lock (nothing was done).
 */
@Command(
        name = "rehabmap",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "rehabmap 0.1.0",
        description = "London-wide cancer rehabilitation mapping and workforce model.",
        subcommands = {
            RunCommand.class,
            SqlCommand.class,
            StatusCommand.class,
            GenerateCommand.class,
            ModelCommand.class,
            NotebookCommand.class,
            ServeCommand.class,
            DictionaryCommand.class,
            MaintainCommand.class,
            RollbackCommand.class,
            RecoverCommand.class,
            ReportCommand.class,
            TemplateCommand.class,
            CheckCommand.class
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BUSY = 3;
    /** System property the log4j2 configuration reads to pick its appender (console or json). */
    static final String LOG_APPENDER = "rehabmap.log.appender";

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                new CommandLine(this),
                "a command is needed: run, status, sql, model, notebook, serve, dictionary, report, maintain, rollback, recover, "
                        + "generate, template, check (see --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this in-process). */
    public static int execute(String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        String bad = chooseLogFormat(args);
        if (bad != null) {
            System.err.println("rehabmap: " + bad + " (try --help)");
            return USAGE;
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("rehabmap: " + ex.getMessage() + " (try --help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable root = ex;
            while (root.getCause() != null
                    && !(root instanceof ConfigError)
                    && !(root instanceof org.rehabmap.ops.RunLock.Busy)) {
                root = root.getCause();
            }
            if (verbose) {
                ex.printStackTrace(System.err);
            }
            if (root instanceof org.rehabmap.ops.RunLock.Busy) {
                System.err.println("rehabmap: " + root.getMessage());
                return BUSY;
            }
            if (ex instanceof ConfigError || root instanceof ConfigError) {
                System.err.println("rehabmap: " + (ex instanceof ConfigError ? ex.getMessage() : root.getMessage()));
                return USAGE;
            }
            System.err.println("rehabmap: failed: " + Failures.describe(ex)
                    + (verbose ? "" : " (--verbose shows the stack trace)"));
            return FAILED;
        });
        return cl.execute(args);
    }

    /**
     * --log-format json (or REHABMAP_LOG_FORMAT=json) must be known before the first logger starts, so it
     * is read here, ahead of picocli; picocli still parses and checks the option.
     */
    static String chooseLogFormat(String[] args) {
        String f = System.getenv("REHABMAP_LOG_FORMAT");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--log-format") && i + 1 < args.length) {
                f = args[i + 1];
            } else if (args[i].startsWith("--log-format=")) {
                f = args[i].substring("--log-format=".length());
            }
        }
        if (f == null || f.isBlank()) {
            return null;
        }
        if (!f.equals("json") && !f.equals("text")) {
            return "--log-format must be text or json, got '" + f + "'";
        }
        System.setProperty(LOG_APPENDER, f.equals("json") ? "json" : "console");
        return null;
    }

    static boolean jsonLogs() {
        return "json".equals(System.getProperty(LOG_APPENDER));
    }
}
