package org.rehabmap.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The resolved configuration of one process: {@code conf/application.conf}, then the
 * {@code conf/<env>.conf} overlay, then environment variables (declared in the files with
 * {@code ${?VAR}}), then command-line overrides. Every failure becomes a {@link ConfigError}
 * naming the file and line, so the CLI never shows a stack trace for a typo.
 */
public final class Settings {
    private final Config config;
    private final Path home;
    private final String env;

    private Settings(Config config, Path home, String env) {
        this.config = config;
        this.home = home;
        this.env = env;
    }

    /** Where conf/, data-contracts/ and data/ live: -Drehabmap.home, REHABMAP_HOME, or the working directory. */
    public static Path home() {
        String h = System.getProperty("rehabmap.home");
        if (h == null || h.isBlank()) {
            h = System.getenv("REHABMAP_HOME");
        }
        return Path.of(h == null || h.isBlank() ? "." : h).toAbsolutePath().normalize();
    }

    public static Settings load(String env) {
        return load(home(), env, Map.of());
    }

    public static Settings load(Path home, String env, Map<String, Object> overrides) {
        if (env == null || env.isBlank()) {
            env = System.getenv().getOrDefault("REHABMAP_ENV", "local");
        }
        if (!env.matches("[A-Za-z0-9_-]+")) {
            throw new ConfigError("environment name '" + env + "' must be letters, digits, - or _");
        }
        Path base = home.resolve("conf/application.conf");
        if (!Files.isRegularFile(base)) {
            throw new ConfigError("configuration not found: " + base);
        }
        Path overlay = home.resolve("conf/" + env + ".conf");
        if (!Files.isRegularFile(overlay)) {
            throw new ConfigError("no configuration for environment '" + env + "': " + overlay + " does not exist");
        }
        try {
            ConfigParseOptions strict = ConfigParseOptions.defaults().setAllowMissing(false);
            Config c = ConfigFactory.parseFile(overlay.toFile(), strict)
                    .withFallback(ConfigFactory.parseFile(base.toFile(), strict));
            for (Map.Entry<String, Object> e : overrides.entrySet()) {
                c = c.withValue(e.getKey(), ConfigValueFactory.fromAnyRef(e.getValue()));
            }
            c = c.withValue("rehabmap.env", ConfigValueFactory.fromAnyRef(env))
                    .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(true));
            Settings s = new Settings(c.getConfig("rehabmap"), home, env);
            s.validate();
            return s;
        } catch (ConfigException e) {
            throw new ConfigError("configuration error: " + oneLine(e.getMessage()), e);
        }
    }

    private void validate() {
        for (String p : new String[] {
            "paths.landing", "paths.lake", "paths.extracts", "paths.reference", "paths.contracts", "spark.master"
        }) {
            getString(p);
        }
        int hd = getInt("thresholds.high-distress-score");
        if (hd < 0 || hd > 10) {
            throw new ConfigError(
                    "configuration error: rehabmap.thresholds.high-distress-score must be 0–10, got " + hd);
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    public String env() {
        return env;
    }

    public Path homeDir() {
        return home;
    }

    public Config raw() {
        return config;
    }

    /** A path setting, resolved against the project home when relative; object-store URIs are kept as they are. */
    public String location(String key) {
        String v = getString(key);
        if (v.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return v;
        }
        return home.resolve(v).normalize().toString();
    }

    public String getString(String key) {
        return get(key, config::getString);
    }

    public int getInt(String key) {
        return get(key, config::getInt);
    }

    public double getDouble(String key) {
        return get(key, config::getDouble);
    }

    public boolean getBoolean(String key) {
        return get(key, config::getBoolean);
    }

    /** Typesafe's messages name the file and line of a bad value; they become one ConfigError line. */
    private <T> T get(String key, java.util.function.Function<String, T> getter) {
        try {
            return getter.apply(key);
        } catch (ConfigException e) {
            throw new ConfigError("configuration error: " + oneLine(e.getMessage()), e);
        }
    }

    public boolean has(String key) {
        return config.hasPath(key);
    }

    public Config section(String key) {
        return get(key, config::getConfig);
    }
}
