package org.rehabmap.curate;

import com.typesafe.config.Config;
import org.rehabmap.stats.Polarity;

/**
 * One indicator of the catalogue (conf/indicators.conf), as data.
 *
 * @param multiplier value = numerator / denominator × multiplier (100 for a percentage)
 * @param disclosure numerator and denominator count people, so counts 1–7 are suppressed
 * @param inputs     the kind-specific part: expressions, denominator, notes
 */
public record IndicatorDefinition(
        String id,
        String title,
        String definition,
        String unit,
        double multiplier,
        CiMethod ci,
        Polarity polarity,
        boolean disclosure,
        String kind,
        Config inputs) {

    /** How an indicator's intervals are made (METHODS.md, confidence intervals). */
    public enum CiMethod {
        /** Wilson score interval of a proportion x/n. */
        WILSON,
        /** Byar for O >= 10, exact Poisson below, divided by the denominator. */
        BYAR,
        NONE;

        static CiMethod fromConfig(String s) {
            return switch (s) {
                case "wilson" -> WILSON;
                case "byar" -> BYAR;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException("ci must be wilson, byar or none, got '" + s + "'");
            };
        }
    }

    public boolean hasCi() {
        return ci != CiMethod.NONE;
    }

    /** An input setting, or the fallback when the indicator does not set it. */
    public String input(String key, String fallback) {
        return inputs.hasPath(key) ? inputs.getString(key) : fallback;
    }

    public String input(String key) {
        if (!inputs.hasPath(key)) {
            throw new org.rehabmap.config.ConfigError(
                    "configuration error: indicator " + id + " (kind " + kind + ") needs inputs." + key);
        }
        return inputs.getString(key);
    }
}
