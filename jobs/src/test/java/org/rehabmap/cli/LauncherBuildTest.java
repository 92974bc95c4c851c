package org.rehabmap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.config.Settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/lib.sh's build_if_stale, the launcher's "build on first use or when the sources changed". Maven
 * leaves a jar whose classes did not change as it was, date included; after a change to a pom alone the
 * launcher must still build once, not on every later start. Run on a copy of the script in a folder laid out
 * like the project, with an {@code mvn} on the PATH that only counts its calls (as Maven does to an
 * unchanged jar, it touches nothing), so the real build in jobs/target is never disturbed.
 */
class LauncherBuildTest {

    @Test
    void aPomNewerThanTheJarBuildsOnceNotOnEveryStart(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("scripts"));
        Files.copy(Settings.home().resolve("scripts/lib.sh"), home.resolve("scripts/lib.sh"));
        Files.createDirectories(home.resolve("jobs/src/main/java"));
        Files.createDirectories(home.resolve("jobs/target/lib"));
        Path jar = Files.writeString(home.resolve("jobs/target/rehabmap.jar"), "jar");
        Files.writeString(home.resolve("jobs/pom.xml"), "<project/>");
        Path pom = Files.writeString(home.resolve("pom.xml"), "<project><properties/></project>");
        Instant now = Instant.now();
        Files.setLastModifiedTime(home.resolve("jobs/src/main/java"), FileTime.from(now.minusSeconds(7200)));
        Files.setLastModifiedTime(home.resolve("jobs/pom.xml"), FileTime.from(now.minusSeconds(7200)));
        Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(3600)));
        Files.setLastModifiedTime(pom, FileTime.from(now.minusSeconds(60)));

        Path bin = Files.createDirectories(home.resolve("bin"));
        Path calls = home.resolve("mvn-calls");
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        String script = ". scripts/lib.sh; build_if_stale first && build_if_stale second && build_if_stale third";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script)
                .directory(home.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);

        List<String> builds = Files.readAllLines(calls);
        assertEquals(1, builds.size(), "one build for the changed pom, then none: " + builds + "\n" + out);
        assertTrue(out.contains("first: building the jar"), out);
        assertFalse(out.contains("second:") || out.contains("third:"), out);
    }
}
