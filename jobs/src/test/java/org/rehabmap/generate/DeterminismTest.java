package org.rehabmap.generate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest {
    @Test
    void sameSeedAndScaleGiveByteIdenticalFiles() throws IOException {
        Landing a = Landing.of(7, 0.01);
        Landing b = Landing.generate(7, Plan.forScale(0.01)); // a second, independent run
        assertEquals(a.files(), b.files());
        assertTrue(a.files().stream().anyMatch(f -> f.endsWith(".xlsx")), "the comparison covers an Excel workbook");
        for (String f : a.files()) {
            assertTrue(
                    Arrays.equals(Files.readAllBytes(a.dir.resolve(f)), Files.readAllBytes(b.dir.resolve(f))),
                    f + " differs between runs");
        }
        assertEquals(
                a.summary.describe().replace(a.dir.toString(), ""),
                b.summary.describe().replace(b.dir.toString(), ""));
    }

    @Test
    void anotherSeedGivesOtherContentInTheSameLayout() throws IOException {
        Landing a = Landing.of(7, 0.01);
        Landing b = Landing.of(8, 0.01);
        assertEquals(a.files(), b.files(), "the layout does not depend on the seed");
        long differing = 0;
        for (String f : a.files()) {
            if (!Arrays.equals(Files.readAllBytes(a.dir.resolve(f)), Files.readAllBytes(b.dir.resolve(f)))) {
                differing++;
            }
        }
        assertEquals(a.files().size(), differing, "every file should differ under another seed");
    }

    @Test
    void fileNamesSortInDeliveryOrderWithCorrectionsLast() {
        Landing l = Landing.of(7, 0.01);
        List<String> returns = l.files(Headers.PROVIDER_RETURNS).stream()
                .map(p -> p.getFileName().toString())
                .toList();
        assertEquals(
                List.of(
                        "returns_2024_q2.csv",
                        "returns_2024_q3.xlsx",
                        "returns_2024_q4.csv",
                        "returns_2025_q1.csv",
                        ProviderReturnsWriter.CORRECTIONS),
                returns);
        List<String> hna = l.files(Headers.HNA_CONCERNS).stream()
                .map(p -> p.getFileName().toString())
                .toList();
        assertEquals(13, hna.size());
        assertEquals("ehna_2024_04.csv", hna.get(0));
        assertEquals("ehna_2025_03.csv", hna.get(11));
        assertEquals(HnaConcernsWriter.RESEND_FILE, hna.get(12));
        // the summary lists them in the order written, which must be the sorted order
        List<String> written = l.summary.files().stream()
                .filter(f -> f.source().equals(Headers.HNA_CONCERNS))
                .map(f -> Path.of(f.file()).getFileName().toString())
                .toList();
        assertEquals(hna, written);
    }

    @Test
    void noStrayFilesAndSummaryMatchesDisk() throws IOException {
        Landing l = Landing.of(7, 0.01);
        assertEquals(
                l.files(),
                l.summary.files().stream()
                        .map(Generator.Summary.FileInfo::file)
                        .sorted()
                        .toList());
        for (Generator.Summary.FileInfo f : l.summary.files()) {
            assertEquals(Files.size(l.dir.resolve(f.file())), f.bytes(), f.file());
            if (f.file().endsWith(".csv")) {
                long lines =
                        Landing.read(l.dir.resolve(f.file()), f.source()).rows().size();
                assertEquals(lines, f.rows(), f.file());
            }
        }
        assertFalse(
                l.files().stream().anyMatch(f -> f.contains(WorkforceSurveyWriter.BAD_FILE)),
                "only the sample has the bad file");
        String text = l.summary.describe();
        assertTrue(text.contains("returns_2024_q3.xlsx") && text.contains("deliberately bad rows"), text);
    }
}
