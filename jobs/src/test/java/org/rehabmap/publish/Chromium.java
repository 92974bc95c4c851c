package org.rehabmap.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium from Debian's packages, run as the tests run (root in CI), no driver needed. */
final class Chromium {
    private final String binary;

    Chromium(String binary) {
        this.binary = binary;
    }

    /** Runs Chromium on one page with a fresh profile; returns stdout. */
    String run(Path page, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("rehabmap-chromium-");
        try {
            List<String> cmd = new ArrayList<>(List.of(
                    binary,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    "--user-data-dir=" + profile));
            cmd.addAll(List.of(args));
            cmd.add(page.toUri().toString());
            Path err = profile.resolveSibling(profile.getFileName() + ".log");
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("chromium exited " + p.exitValue() + ": " + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return out;
        } finally {
            PackWriter.deleteTree(profile);
        }
    }
}
