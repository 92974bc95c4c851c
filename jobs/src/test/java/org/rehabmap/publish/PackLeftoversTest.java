package org.rehabmap.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a publish killed half-way leaves in extracts/, and how the next publish tidies it. */
class PackLeftoversTest {
    @Test
    void halfBuiltPacksAreDeletedAndAnOrphanedOldPackIsPutBack(@TempDir Path extracts) throws Exception {
        Path sel = Files.createDirectories(extracts.resolve("south-east-london"));
        // killed while building: the pack in place stays, the hidden build is junk
        Files.createDirectories(sel.resolve("2025-06-30"));
        Files.writeString(sel.resolve("2025-06-30/manifest.json"), "{}");
        Files.createDirectories(sel.resolve(".2025-06-30.tmp-run2"));
        Files.writeString(sel.resolve(".2025-06-30.tmp-run2/benchmarks.csv"), "half");
        // killed between the two moves: the old pack was moved aside, the new one never arrived
        Files.createDirectories(sel.resolve(".2025-07-31.old-run3"));
        Files.writeString(sel.resolve(".2025-07-31.old-run3/manifest.json"), "{\"run_id\":\"run1\"}");
        // killed after both moves, before the old one was deleted
        Files.createDirectories(sel.resolve(".2025-06-30.old-run4"));

        assertEquals(3, PackWriter.clearLeftovers(extracts));

        try (var s = Files.list(sel)) {
            assertEquals(
                    java.util.List.of("2025-06-30", "2025-07-31"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(
                "{\"run_id\":\"run1\"}",
                Files.readString(sel.resolve("2025-07-31/manifest.json")),
                "the previous pack is back in place");
        assertEquals("{}", Files.readString(sel.resolve("2025-06-30/manifest.json")));
        assertEquals(0, PackWriter.clearLeftovers(extracts), "nothing left the second time");
    }

    @Test
    void noExtractsFolderYetIsNothingToTidy(@TempDir Path dir) throws Exception {
        assertEquals(0, PackWriter.clearLeftovers(dir.resolve("extracts")));
    }
}
