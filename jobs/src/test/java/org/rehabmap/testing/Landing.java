package org.rehabmap.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies test landing files (from test resources or elsewhere) into a workspace's landing zone. */
public final class Landing {
    private Landing() {}

    public static Path resources() {
        return org.rehabmap.config.Settings.home().resolve("jobs/src/test/resources");
    }

    public static void copy(Path from, Path workspace) throws IOException {
        Path to = workspace.resolve("landing");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void write(Path workspace, String relative, byte[] content) throws IOException {
        Path t = workspace.resolve("landing").resolve(relative);
        Files.createDirectories(t.getParent());
        Files.write(t, content);
    }
}
