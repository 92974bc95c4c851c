package org.rehabmap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The shared acceptance delivery (../shared/acceptance beside the project), copied for a test to use. */
public final class Acceptance {
    private Acceptance() {}

    public static Path landingRun1() {
        Path p = SharedSpark.projectHome()
                .resolve("../shared/acceptance/landing_run1")
                .normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("acceptance data not found: " + p + " (shared/ beside the project)");
        }
        return p;
    }

    public static Path copyRun1(Path to) {
        Path from = landingRun1();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
