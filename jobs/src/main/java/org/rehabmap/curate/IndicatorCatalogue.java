package org.rehabmap.curate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.stats.Polarity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicators of gold.benchmarks, read from {@code rehabmap.indicators} at run time. Everything a
 * new indicator of an existing kind needs is in its entry; only a new kind needs code.
 */
public final class IndicatorCatalogue {
    public static final String WORKFORCE = "workforce";
    public static final String HNA_ASSESSMENTS = "hna_assessments";
    public static final String HNA_CONCERNS = "hna_concerns";
    public static final String COMORBIDITY = "comorbidity";
    public static final String SERVICES = "services";
    public static final String SERVICE_COVERAGE = "service_coverage";
    public static final String UNMET_NEED_INDEX = "unmet_need_index";

    static final Set<String> KINDS =
            Set.of(WORKFORCE, HNA_ASSESSMENTS, HNA_CONCERNS, COMORBIDITY, SERVICES, SERVICE_COVERAGE, UNMET_NEED_INDEX);
    /** Kinds whose numerator is a whole count, so an interval by a count method makes sense. */
    private static final Set<String> COUNTED = Set.of(HNA_ASSESSMENTS, HNA_CONCERNS, COMORBIDITY, SERVICES);

    private final Map<String, IndicatorDefinition> byId;

    public IndicatorCatalogue(List<IndicatorDefinition> definitions) {
        Map<String, IndicatorDefinition> m = new LinkedHashMap<>();
        for (IndicatorDefinition d : definitions) {
            if (m.put(d.id(), d) != null) {
                throw new ConfigError("configuration error: indicator id " + d.id() + " is listed twice");
            }
        }
        this.byId = m;
    }

    public static IndicatorCatalogue from(Settings settings) {
        if (!settings.has("indicators")) {
            throw new ConfigError("configuration error: rehabmap.indicators is missing (conf/indicators.conf)");
        }
        List<IndicatorDefinition> out = new ArrayList<>();
        int i = 0;
        for (Config c : settings.raw().getConfigList("indicators")) {
            i++;
            String where = "rehabmap.indicators[" + i + "]";
            try {
                String id = c.getString("id");
                where = "indicator " + id;
                if (!id.matches("[a-z0-9_]+")) {
                    throw new ConfigError(
                            "configuration error: " + where + ": id must be lower-case letters, digits and _");
                }
                String kind = c.getString("kind");
                if (!KINDS.contains(kind)) {
                    throw new ConfigError("configuration error: " + where + ": unknown kind '" + kind + "' (one of "
                            + new java.util.TreeSet<>(KINDS) + ")");
                }
                IndicatorDefinition.CiMethod ci = IndicatorDefinition.CiMethod.fromConfig(c.getString("ci"));
                if (ci != IndicatorDefinition.CiMethod.NONE && !COUNTED.contains(kind)) {
                    throw new ConfigError("configuration error: " + where + ": kind " + kind
                            + " has no whole-number count for a " + c.getString("ci") + " interval; use ci = none");
                }
                Polarity polarity = Polarity.fromConfig(c.getString("polarity"));
                double multiplier = c.getDouble("multiplier");
                if (!(multiplier > 0)) {
                    throw new ConfigError("configuration error: " + where + ": multiplier must be > 0");
                }
                out.add(new IndicatorDefinition(
                        id,
                        c.getString("title"),
                        c.getString("definition"),
                        c.getString("unit"),
                        multiplier,
                        ci,
                        polarity,
                        c.getBoolean("disclosure"),
                        kind,
                        c.hasPath("inputs") ? c.getConfig("inputs") : com.typesafe.config.ConfigFactory.empty()));
            } catch (ConfigException | IllegalArgumentException e) {
                throw new ConfigError(
                        "configuration error: " + where + ": "
                                + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "),
                        e);
            }
        }
        if (out.isEmpty()) {
            throw new ConfigError("configuration error: rehabmap.indicators lists no indicators");
        }
        return new IndicatorCatalogue(out);
    }

    public List<IndicatorDefinition> all() {
        return List.copyOf(byId.values());
    }

    public List<IndicatorDefinition> ofKind(String kind) {
        return byId.values().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    public IndicatorDefinition get(String id) {
        IndicatorDefinition d = byId.get(id);
        if (d == null) {
            throw new ConfigError("configuration error: no indicator '" + id + "' in rehabmap.indicators");
        }
        return d;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Catalogue position, for a stable order of output rows. */
    public int position(String id) {
        int i = 0;
        for (String k : byId.keySet()) {
            if (k.equals(id)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }
}
