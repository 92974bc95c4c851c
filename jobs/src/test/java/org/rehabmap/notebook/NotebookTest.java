package org.rehabmap.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.config.ConfigError;
import org.rehabmap.testing.SharedSpark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(SharedSpark.class)
class NotebookTest {
    static final String NB = """
            -- Databricks notebook source
            -- MAGIC %md
            -- MAGIC # Title
            -- MAGIC Some words.

            -- COMMAND ----------

            -- a comment; with a semicolon
            CREATE OR REPLACE TEMPORARY VIEW v AS SELECT 'a;b' AS s, 1 AS n;
            SELECT s, n FROM v /* block; comment */;

            -- COMMAND ----------

            SELECT n + 1 AS m FROM v
            """;

    @Test
    void cellsAreSplitOnTheDatabricksSeparatorAndStatementsOnSemicolonsOutsideTextAndComments() {
        Notebook nb = Notebook.parse(Path.of("t.sql"), NB);
        assertEquals(3, nb.cells().size());
        assertTrue(nb.cells().get(0).markdown());
        assertEquals("# Title\nSome words.", nb.cells().get(0).text());
        assertEquals(2, nb.cells().get(1).statements().size());
        assertTrue(nb.cells().get(1).statements().get(0).contains("'a;b'"));
        assertEquals(List.of("SELECT n + 1 AS m FROM v"), nb.cells().get(2).statements());
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        assertThrows(ConfigError.class, () -> Notebook.parse(Path.of("t.sql"), "SELECT 1"));
    }

    @Test
    void everyCellRunsInOneSessionAndPrintsItsResult() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int ran = new NotebookRunner(SharedSpark.session(), new PrintStream(buf, true, StandardCharsets.UTF_8), 10)
                .run(Notebook.parse(Path.of("t.sql"), NB));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(3, ran);
        assertTrue(out.contains("# Title"));
        assertTrue(out.contains("a;b"), out);
        assertTrue(out.matches("(?s).*\\bm\\b.*\\n2\\n.*"), out);
    }

    @Test
    void aFailingStatementNamesItsCell() {
        Notebook nb = Notebook.parse(
                Path.of("bad.sql"),
                "-- Databricks notebook source\nSELECT 1\n-- COMMAND ----------\nSELECT * FROM no_such_table\n");
        NotebookRunner.CellFailed e = assertThrows(
                NotebookRunner.CellFailed.class,
                () -> new NotebookRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()), 10)
                        .run(nb));
        assertTrue(e.getMessage().startsWith("bad.sql, cell 2 (SELECT * FROM no_such_table)"), e.getMessage());
    }

    @Test
    void theProjectsNotebooksAreInDatabricksSourceFormat() throws Exception {
        try (Stream<Path> s = Files.list(SharedSpark.projectHome().resolve("notebooks"))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".sql")).toList();
            assertEquals(5, files.size());
            for (Path f : files) {
                Notebook nb = Notebook.read(f);
                assertTrue(nb.cells().get(0).markdown(), f + " opens with its question");
                assertTrue(nb.cells().stream().filter(c -> !c.markdown()).count() >= 3, f.toString());
            }
        }
    }
}
