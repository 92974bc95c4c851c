package org.rehabmap.cli;

import org.junit.jupiter.api.Test;
import org.rehabmap.publish.DataDictionary;
import org.rehabmap.testing.SharedSpark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/data-dictionary.md must say what the contracts say. When a contract changes, regenerate it with
 * {@code scripts/rehabmap dictionary}, or run this test with {@code -Drehabmap.regenerate-docs=true}.
 */
class DataDictionaryTest {
    @Test
    void theCommittedDataDictionaryMatchesTheContracts() throws Exception {
        Path home = SharedSpark.projectHome();
        Path file = home.resolve(DataDictionary.FILE);
        String expected = DataDictionary.generate(home.resolve("data-contracts"));
        if (Boolean.getBoolean("rehabmap.regenerate-docs")) {
            Files.createDirectories(file.getParent());
        }
        if (Boolean.getBoolean("rehabmap.regenerate-docs")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(file), DataDictionary.FILE + " is missing: run scripts/rehabmap dictionary");
        assertEquals(
                expected,
                Files.readString(file, StandardCharsets.UTF_8),
                DataDictionary.FILE
                        + " is stale: run scripts/rehabmap dictionary (or this test with -Drehabmap.regenerate-docs=true)");
    }

    @Test
    void itDescribesEveryContractAndTheDisclosureStatement() {
        String text =
                DataDictionary.generate(SharedSpark.projectHome().resolve("jobs/src/test/resources/publish/contracts"));
        assertTrue(text.contains("### gold.benchmarks"));
        assertTrue(text.contains("*Count of people: suppressed when 1–7.*"));
        assertTrue(text.contains("a row whose `assessments` is 1–7 is withheld whole"));
        assertTrue(text.contains("none needed: no column counts people."));
    }
}
