package org.rehabmap.config;

import java.nio.charset.StandardCharsets;

/**
 * The HMAC key for NHS-number pseudonyms. It comes from the environment (REHABMAP_PSEUDO_KEY);
 * only an environment whose configuration sets {@code pseudonymisation.allow-development-key}
 * (the local sample environment) may fall back to the clearly marked development key.
 */
public record PseudonymKey(byte[] bytes, boolean development) {
    public static final String ENV_VAR = "REHABMAP_PSEUDO_KEY";

    public static PseudonymKey from(Settings s) {
        String key = s.has("pseudonymisation.key") ? s.getString("pseudonymisation.key") : null;
        if (key != null && !key.isBlank()) {
            if (key.length() < 16) {
                throw new ConfigError(ENV_VAR + " must be at least 16 characters");
            }
            return new PseudonymKey(key.getBytes(StandardCharsets.UTF_8), false);
        }
        if (s.getBoolean("pseudonymisation.allow-development-key")) {
            return new PseudonymKey(
                    s.getString("pseudonymisation.development-key").getBytes(StandardCharsets.UTF_8), true);
        }
        throw new ConfigError("environment '" + s.env() + "' needs a pseudonymisation key: set " + ENV_VAR);
    }
}
