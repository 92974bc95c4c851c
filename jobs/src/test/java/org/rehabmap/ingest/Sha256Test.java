package org.rehabmap.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.publish.Manifest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** File hashes are lower-case hex SHA-256, as the ledger and manifests already hold them (FIPS 180-2 vector). */
class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void ingestAndManifestAgreeWithTheStandardVector(@TempDir Path dir) throws Exception {
        assertEquals(ABC, IngestJob.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals(ABC, Manifest.sha256(f));
    }
}
