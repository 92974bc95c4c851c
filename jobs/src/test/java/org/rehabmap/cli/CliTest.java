package org.rehabmap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.testing.Landing;
import org.rehabmap.testing.SharedSpark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: exit codes, one-line errors, CSV output with nothing else on stdout. */
@ExtendWith(SharedSpark.class)
class CliTest {
    record Outcome(int code, String out, String err) {}

    static synchronized Outcome cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static void assertOneLineError(Outcome o, String mentions) {
        assertEquals(Main.USAGE, o.code(), o.err());
        String[] lines = o.err().strip().split("\\R");
        assertEquals(1, lines.length, "one line, no stack trace: " + o.err());
        assertTrue(lines[0].startsWith("rehabmap: ") && lines[0].contains(mentions), lines[0]);
    }

    @Test
    void badUsageAndConfigurationAreOneLineAndExitTwo() {
        assertOneLineError(cli("run", "sideways"), "unknown step 'sideways'");
        assertOneLineError(cli("run", "--as-of", "31/12/2025"), "--as-of");
        assertOneLineError(cli("run", "--env", "nowhere"), "conf/nowhere.conf");
        assertOneLineError(cli("sql", "--format", "xml", "select 1"), "--format");
        assertOneLineError(cli("generate", "--scale", "0", "--out", "x"), "--scale");
        assertOneLineError(cli("frobnicate"), "frobnicate");
    }

    /** A stand-in step named on the command line that cannot be made stops the run before any work. */
    @Test
    void aStepClassThatCannotBeLoadedIsAnErrorNotASkippedStep() {
        Path ws = SharedSpark.newWorkspace("cli-step");
        String lake = ws.resolve("lake").toString();
        try {
            System.setProperty("rehabmap.step.curate", "org.rehabmap.NoSuchStep");
            assertOneLineError(
                    cli("run", "curate", "--env", "test", "--lake", lake),
                    "step curate (-Drehabmap.step.curate=org.rehabmap.NoSuchStep): no such class");
            System.setProperty("rehabmap.step.curate", String.class.getName());
            assertOneLineError(cli("run", "--env", "test", "--lake", lake), "is not a org.rehabmap.pipeline.Step");
        } finally {
            System.clearProperty("rehabmap.step.curate");
        }
        assertFalse(Files.exists(ws.resolve("lake/audit/run")), "no run was started");
    }

    @Test
    void anEnvironmentOtherThanLocalNeedsTheKey() {
        assumeNoKeyInEnvironment();
        assertOneLineError(
                cli(
                        "run",
                        "--env",
                        "prod",
                        "--lake",
                        SharedSpark.newWorkspace("prod").toString()),
                "REHABMAP_PSEUDO_KEY");
    }

    @Test
    void sqlCsvPrintsOnlyTheResult() throws Exception {
        Path ws = SharedSpark.newWorkspace("cli-sql");
        Landing.write(
                ws,
                "comorbidity/c.csv",
                ("extract_date,borough_code,condition_code,sex,age_band,cancer_register_count,with_condition_count\n"
                                + "2025-03-31,E09000001,ANY2,female,80+,20,\"9\"\n")
                        .getBytes(StandardCharsets.UTF_8));
        Outcome run = cli(
                "run",
                "conform",
                "--env",
                "test",
                "--lake",
                ws.resolve("lake").toString(),
                "--landing",
                ws.resolve("landing").toString());
        assertEquals(Main.OK, run.code(), run.err());
        Outcome ingest = cli(
                "run",
                "ingest",
                "--env",
                "test",
                "--lake",
                ws.resolve("lake").toString(),
                "--landing",
                ws.resolve("landing").toString());
        assertEquals(Main.OK, ingest.code(), ingest.err());
        Outcome conform = cli(
                "run",
                "conform",
                "--env",
                "test",
                "--lake",
                ws.resolve("lake").toString(),
                "--landing",
                ws.resolve("landing").toString());
        assertEquals(Main.OK, conform.code(), conform.err());
        assertTrue(conform.out().contains("c.csv") && conform.out().contains("conformed"), conform.out());
        Outcome q = cli(
                "sql",
                "--env",
                "test",
                "--lake",
                ws.resolve("lake").toString(),
                "--format",
                "csv",
                "select borough_code, with_condition_count, 'a,b' as quoted from silver.comorbidity");
        assertEquals(Main.OK, q.code(), q.err());
        assertEquals("borough_code,with_condition_count,quoted\nE09000001,9,\"a,b\"\n", q.out());
        Outcome bad = cli(
                "sql", "--env", "test", "--lake", ws.resolve("lake").toString(), "select * from silver.nothing_here");
        assertEquals(Main.FAILED, bad.code());
        assertEquals(1, bad.err().strip().split("\\R").length, bad.err());
        assertTrue(Files.exists(ws.resolve("lake/audit/run/_delta_log")));
    }

    @Test
    void generateAndDictionaryTakeTheCommonOptions() throws Exception {
        assertOneLineError(cli("generate", "--env", "nowhere", "--out", "x"), "conf/nowhere.conf");
        assertOneLineError(cli("dictionary", "--check", "--env", "nowhere"), "conf/nowhere.conf");
        assertOneLineError(cli("generate", "--scale", "0.01"), "--out");
        Path ws = SharedSpark.newWorkspace("cli-generate");
        Outcome g = cli(
                "generate",
                "--scale",
                "0.005",
                "--env",
                "test",
                "--lake",
                ws.resolve("lake").toString(),
                "--landing",
                ws.resolve("landing").toString(),
                "--quiet",
                "--verbose",
                "--spark-ui");
        assertEquals(Main.OK, g.code(), g.err());
        assertTrue(Files.isDirectory(ws.resolve("landing/hna_concerns")), g.out());
        Outcome d = cli("dictionary", "--check", "--env", "test", "--quiet", "--verbose", "--spark-ui");
        assertEquals(Main.OK, d.code(), d.out() + d.err());
        assertTrue(d.out().contains("is current"), d.out());
    }

    /** scripts/rehabmap passes -Drehabmap.home; a plain java launch has only REHABMAP_HOME, and no project in its folder. */
    @Test
    void generateFindsTheProjectThroughRehabmapHome(@TempDir Path elsewhere) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        Main.class.getName(),
                        "generate",
                        "--scale",
                        "0.005",
                        "--out",
                        elsewhere.resolve("landing").toString())
                .directory(elsewhere.toFile())
                .redirectErrorStream(true)
                .redirectOutput(elsewhere.resolve("generate.log").toFile());
        pb.environment().put("REHABMAP_HOME", SharedSpark.projectHome().toString());
        Process p = pb.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(elsewhere.resolve("generate.log"));
        assertTrue(done, "generate did not finish: " + log);
        assertEquals(Main.OK, p.exitValue(), log);
        assertTrue(Files.isDirectory(elsewhere.resolve("landing/hna_concerns")), log);
    }

    static void assumeNoKeyInEnvironment() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv("REHABMAP_PSEUDO_KEY") == null, "REHABMAP_PSEUDO_KEY is set in this environment");
    }
}
