package org.rehabmap.config;

/** Bad configuration or usage: the CLI prints the message as one line and exits 2. */
public class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message);
    }

    public ConfigError(String message, Throwable cause) {
        super(message, cause);
    }
}
