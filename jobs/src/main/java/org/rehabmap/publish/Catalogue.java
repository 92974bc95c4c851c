package org.rehabmap.publish;

import com.typesafe.config.Config;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The indicator catalogue (rehabmap.indicators, conf/indicators.conf) as the publisher reads it:
 * titles and units for the report and workbook, polarity for colours, kind for the workbook's
 * families, and which indicators count people (disclosure). Empty when the catalogue is absent.
 */
public final class Catalogue {
    /**
     * @param multiplier value = numerator ÷ denominator × multiplier (null when the catalogue does not say)
     * @param ci         interval method: wilson, byar or none
     * @param source     the data it is made from: the entry's own {@code source}, else its kind's ({@link #sourceOf})
     */
    public record Indicator(
            String id,
            String title,
            String definition,
            String unit,
            String polarity,
            String kind,
            boolean disclosure,
            Double multiplier,
            String ci,
            String source) {}

    /** What each kind of indicator is made from, for the warehouse catalogue (an entry may say otherwise). */
    static String sourceOf(String kind) {
        return switch (kind) {
            case "workforce" ->
                "AHP workforce survey (provider returns, silver.workforce); population: Census 2021; "
                        + "people living with cancer: the comorbidity extract";
            case "hna_assessments", "hna_concerns" -> "Holistic Needs Assessment concerns (silver.hna_concern)";
            case "comorbidity" -> "Cancer register comorbidity extract (silver.comorbidity)";
            case "services", "service_coverage" -> "Rehabilitation services (provider returns, silver.service)";
            case "unmet_need_index" -> "Derived from other indicators and IMD 2019 (docs/methods.md, unmet-need index)";
            default -> "";
        };
    }

    private final Map<String, Indicator> byId;

    private Catalogue(Map<String, Indicator> byId) {
        this.byId = byId;
    }

    public static Catalogue from(Settings s) {
        Map<String, Indicator> out = new LinkedHashMap<>();
        if (s.has("indicators")) {
            for (Config c : s.raw().getConfigList("indicators")) {
                String id = c.getString("id");
                out.put(
                        id,
                        new Indicator(
                                id,
                                str(c, "title", id),
                                str(c, "definition", null),
                                str(c, "unit", ""),
                                str(c, "polarity", "no_judgement"),
                                str(c, "kind", ""),
                                c.hasPath("disclosure") && c.getBoolean("disclosure"),
                                c.hasPath("multiplier") ? c.getDouble("multiplier") : null,
                                str(c, "ci", "none"),
                                str(c, "source", sourceOf(str(c, "kind", "")))));
            }
        }
        return new Catalogue(out);
    }

    public static Catalogue of(List<Indicator> indicators) {
        Map<String, Indicator> out = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            out.put(i.id(), i);
        }
        return new Catalogue(out);
    }

    private static String str(Config c, String k, String dflt) {
        return c.hasPath(k) ? c.getString(k) : dflt;
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public Indicator get(String id) {
        return byId.get(id);
    }

    public List<Indicator> all() {
        return List.copyOf(byId.values());
    }

    public String title(String id) {
        Indicator i = byId.get(id);
        return i == null ? id.replace('_', ' ') : i.title();
    }

    public String unit(String id) {
        Indicator i = byId.get(id);
        return i == null ? "" : i.unit();
    }

    public String polarity(String id) {
        Indicator i = byId.get(id);
        return i == null ? "no_judgement" : i.polarity();
    }

    /**
     * Fills {@code {people_indicators}} in a contract's disclosure predicate with the SQL list of the
     * indicators that count people. Without a catalogue the publisher cannot tell, so it refuses.
     */
    public String expand(String predicate, String where) {
        if (predicate == null || !predicate.contains("{people_indicators}")) {
            return predicate;
        }
        if (byId.isEmpty()) {
            throw new ConfigError(where
                    + " uses {people_indicators} but rehabmap.indicators (conf/indicators.conf) is not configured");
        }
        String list = byId.values().stream()
                .filter(Indicator::disclosure)
                .map(i -> "'" + i.id().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        return predicate.replace("{people_indicators}", "(" + (list.isEmpty() ? "''" : list) + ")");
    }
}
