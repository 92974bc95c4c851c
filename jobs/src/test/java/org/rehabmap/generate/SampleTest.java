package org.rehabmap.generate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample (data/sample/landing) is what SampleMaker writes, and has what the README promises. */
class SampleTest {
    private static final Path COMMITTED = Landing.HOME.resolve("data/sample/landing");

    @Test
    void committedSampleIsReproducibleByTheGenerator() throws IOException {
        Landing fresh = Landing.sample();
        for (String f : fresh.files()) {
            Path committed = COMMITTED.resolve(f);
            assertTrue(
                    Files.isRegularFile(committed),
                    "the committed sample lacks " + f + " (re-run SampleMaker, see data/sample/README.md)");
            assertTrue(
                    Arrays.equals(Files.readAllBytes(fresh.dir.resolve(f)), Files.readAllBytes(committed)),
                    f + " differs from what the generator writes now (re-run SampleMaker, see data/sample/README.md)");
        }
    }

    @Test
    void sampleIsSmallWithEverySourceAWorkbookA1252CsvBadRowsAndOneBadFile() throws IOException {
        Landing s = Landing.sample();
        long bytes = 0;
        for (String f : s.files()) {
            bytes += Files.size(s.dir.resolve(f));
        }
        assertTrue(bytes < 2_000_000, "sample under 2 MB: " + bytes);
        for (String source : Headers.SOURCES) {
            long rows = s.summary.rows(source);
            if (source.equals(Headers.COMORBIDITY)) {
                // the extract is per borough and never scaled: all 33, so every borough has people living with cancer
                assertEquals(33 * 2 * 5 * 14, rows);
            } else {
                assertTrue(rows >= 100 && rows <= 1500, source + " has a few hundred rows: " + rows);
            }
            int bad = s.summary.badRows(source);
            assertTrue(bad >= 1 && bad <= 20, source + " has a handful of bad rows: " + bad);
        }
        assertTrue(s.files().stream().filter(f -> f.endsWith(".xlsx")).count() >= 2);
        assertTrue(s.summary.files().stream().anyMatch(f -> f.format().equals("csv windows-1252")));
        List<String> header = Landing.read(
                        s.dir.resolve("workforce_survey").resolve(WorkforceSurveyWriter.BAD_FILE),
                        Headers.WORKFORCE_SURVEY)
                .header();
        assertTrue(!header.contains("wte_in_post") && header.size() == Headers.WORKFORCE_COLUMNS.size() - 1);
        for (String kind :
                List.of("bad_nhs_check_digit", "future_date", "score_out_of_range", "referred_without_referred_to")) {
            assertEquals(1, s.summary.badRows(Headers.HNA_CONCERNS, kind), kind);
        }
        assertTrue(s.summary.badRows(Headers.COMORBIDITY, "with_condition_gt_register") >= 1);
        assertTrue(s.summary.badRows(Headers.COMORBIDITY, "denominator_mismatch") >= 1);
    }
}
