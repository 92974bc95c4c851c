package org.rehabmap.cli;

import org.rehabmap.config.ConfigError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one launcher for every job: {@code scripts/rehabmap <command>}. Exit codes: 0 success,
 * 1 a failed run, 2 bad usage or configuration (always one line; a stack trace only with --verbose).
 */
@Command(name = "rehabmap", mixinStandardHelpOptions = true, version = "rehabmap 0.1.0",
        description = "London-wide cancer rehabilitation mapping and workforce model.",
        subcommands = {RunCommand.class, SqlCommand.class, StatusCommand.class, GenerateCommand.class, NotebookCommand.class,
                ServeCommand.class, DictionaryCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed: run, sql, status, generate, notebook, serve, dictionary (see --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this in-process). */
    public static int execute(String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("rehabmap: " + ex.getMessage() + " (try --help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable root = ex;
            while (root.getCause() != null && !(root instanceof ConfigError)) root = root.getCause();
            if (verbose) ex.printStackTrace(System.err);
            if (ex instanceof ConfigError || root instanceof ConfigError) {
                System.err.println("rehabmap: " + (ex instanceof ConfigError ? ex.getMessage() : root.getMessage()));
                return USAGE;
            }
            System.err.println("rehabmap: failed: " + Failures.describe(ex) + (verbose ? "" : " (--verbose shows the stack trace)"));
            return FAILED;
        });
        return cl.execute(args);
    }
}
