package org.rehabmap.bench;

import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The delivered files of one source as ingest sees them: {@code landing/<source>/*.csv|*.xlsx}
 * in file-name order (the order ingest gives them file_seq in), a file whose bytes repeat an
 * earlier one's left out (ingest records it as a duplicate and reads nothing from it).
 */
final class LandingFiles {
    private LandingFiles() {}

    static List<Path> of(Path landing, String source) {
        Path dir = landing.resolve(source);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile)
                    .filter(LandingFiles::delivered)
                    .sorted()
                    .toList()) {
                if (seen.add(sha256(Files.readAllBytes(p)))) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static boolean isXlsx(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    private static boolean delivered(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".csv") || n.endsWith(".xlsx"));
    }

    private static String sha256(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }
}
