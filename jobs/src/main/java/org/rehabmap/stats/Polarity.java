package org.rehabmap.stats;

import java.util.Locale;

/** Whether a higher value of an indicator is better, worse, or neither. */
public enum Polarity {
    HIGH_IS_GOOD,
    LOW_IS_GOOD,
    NO_JUDGEMENT;

    /**
     * Parses the config spelling ({@code high_is_good}, {@code low_is_good}, {@code no_judgement}),
     * ignoring case. Anything else fails loudly: a mistyped polarity would silently swap better/worse.
     */
    public static Polarity fromConfig(String s) {
        if (s != null) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "high_is_good":
                    return HIGH_IS_GOOD;
                case "low_is_good":
                    return LOW_IS_GOOD;
                case "no_judgement":
                    return NO_JUDGEMENT;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(
                "unknown polarity '" + s + "' (expected high_is_good, low_is_good or no_judgement)");
    }
}
