package org.rehabmap.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    static Path home(Path dir, String overlay) throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.copy(Settings.home().resolve("conf/application.conf"), dir.resolve("conf/application.conf"));
        Files.writeString(dir.resolve("conf/site.conf"), overlay);
        return dir;
    }

    @Test
    void overlayAndOverridesWin(@TempDir Path dir) throws Exception {
        Settings s = Settings.load(
                home(dir, "rehabmap.thresholds.high-distress-score = 8\nrehabmap.paths.lake = \"/data/lake\"\n"),
                "site",
                Map.of("rehabmap.paths.landing", "/in"));
        assertEquals(8, s.getInt("thresholds.high-distress-score"));
        assertEquals("/data/lake", s.location("paths.lake"));
        assertEquals("/in", s.location("paths.landing"));
        assertEquals(
                dir.resolve("data/reference").toString(),
                s.location("paths.reference"),
                "relative paths are under the home");
        assertEquals(
                "abfss://lake@acct.dfs.core.windows.net/rehabmap",
                Settings.load(
                                dir,
                                "site",
                                Map.of("rehabmap.paths.lake", "abfss://lake@acct.dfs.core.windows.net/rehabmap"))
                        .location("paths.lake"));
    }

    @Test
    void aBadValueIsOneLineNamingFileAndKey(@TempDir Path dir) throws Exception {
        ConfigError e = assertThrows(
                ConfigError.class,
                () -> Settings.load(
                        home(dir, "rehabmap {\n  thresholds.high-distress-score = seven\n}\n"), "site", Map.of()));
        assertTrue(
                e.getMessage().contains("site.conf") && e.getMessage().contains("high-distress-score"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void outOfRangeAndSyntaxErrorsToo(@TempDir Path dir) throws Exception {
        ConfigError range = assertThrows(
                ConfigError.class,
                () -> Settings.load(home(dir, "rehabmap.thresholds.high-distress-score = 11\n"), "site", Map.of()));
        assertTrue(range.getMessage().contains("0–10"), range.getMessage());
        Files.writeString(dir.resolve("conf/site.conf"), "rehabmap { paths { lake = \n");
        ConfigError syntax = assertThrows(ConfigError.class, () -> Settings.load(dir, "site", Map.of()));
        assertTrue(syntax.getMessage().contains("site.conf"), syntax.getMessage());
    }

    @Test
    void onlyDevelopmentEnvironmentsMayUseTheDevelopmentKey(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(PseudonymKey.ENV_VAR) == null);
        Settings prod =
                Settings.load(home(dir, "rehabmap.pseudonymisation.allow-development-key = false\n"), "site", Map.of());
        ConfigError e = assertThrows(ConfigError.class, () -> PseudonymKey.from(prod));
        assertTrue(e.getMessage().contains(PseudonymKey.ENV_VAR));
        Settings withKey =
                Settings.load(dir, "site", Map.of("rehabmap.pseudonymisation.key", "a-real-key-from-a-vault"));
        assertFalse(PseudonymKey.from(withKey).development());
        Settings dev = Settings.load(dir, "site", Map.of("rehabmap.pseudonymisation.allow-development-key", true));
        assertTrue(PseudonymKey.from(dev).development());
        assertThrows(
                ConfigError.class,
                () -> PseudonymKey.from(Settings.load(dir, "site", Map.of("rehabmap.pseudonymisation.key", "short"))));
    }

    /** A path in conf/ that nothing reads misleads whoever sets it (rehabmap.paths.logs did: nightly.sh never read it). */
    @Test
    void everyPathSettingIsReadBySomething() throws Exception {
        Path home = Settings.home();
        StringBuilder code = new StringBuilder();
        for (Path dir : List.of(home.resolve("jobs/src/main/java"), home.resolve("scripts"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    code.append(Files.readString(f)).append('\n');
                }
            }
        }
        Settings s = Settings.load(home, "local", Map.of());
        for (String key : s.raw().getConfig("paths").root().keySet()) {
            assertTrue(
                    code.indexOf("paths." + key + "\"") >= 0,
                    "rehabmap.paths." + key + " is in conf/application.conf but no code or script reads it");
        }
    }
}
