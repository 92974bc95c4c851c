package org.rehabmap.curate;

import com.typesafe.config.ConfigFactory;

/** Indicators and measures written by hand, beside the tiny London of {@link org.rehabmap.gold.GoldFixtures}. */
final class CurateFixtures {
    private CurateFixtures() {}

    /** An indicator written as it would be in conf/indicators.conf. */
    static IndicatorDefinition indicator(String hocon) {
        var c = ConfigFactory.parseString(hocon);
        return new IndicatorDefinition(
                c.getString("id"),
                c.getString("id"),
                "test",
                "test",
                c.getDouble("multiplier"),
                IndicatorDefinition.CiMethod.valueOf(c.getString("ci").toUpperCase()),
                org.rehabmap.stats.Polarity.fromConfig(c.getString("polarity")),
                c.getBoolean("disclosure"),
                c.getString("kind"),
                c.hasPath("inputs") ? c.getConfig("inputs") : ConfigFactory.empty());
    }

    static Measure m(String id, String period, String level, String code, double num, Double den) {
        return new Measure(id, period, level, code, num, den, 0);
    }
}
