package org.rehabmap.model;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueType;
import org.rehabmap.config.ConfigError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A versioned set of workforce-model assumptions, one file in conf/workforce-model/. Its name is
 * the file name without {@code .conf} (e.g. {@code assumptions-v1}); every gold.workforce_model
 * row names the set it used. The file must give every assumption the model knows
 * ({@link Assumptions#KEYS}) with a rationale and a source, and nothing else, so a typo in a key
 * is an error rather than a silently ignored setting.
 *
 * @param byProfession profession → assumption key → value, for the assumptions that may differ by
 *                     profession ({@link Assumptions#PER_PROFESSION})
 * @param pension      which silver.employer_oncost row is the employer pension rate (item, period)
 * @param insurance    which silver.employer_oncost row is employer National Insurance (item, period)
 * @param hcasZones    the Agenda for Change HCAS zones and their boroughs ({@code hcas-zones}), or
 *                     null when the set has none (then {@code hcas} must be flat)
 */
public record AssumptionSet(
        String name,
        String description,
        Map<String, Assumption> assumptions,
        Map<String, Map<String, Double>> byProfession,
        OnCostRow pension,
        OnCostRow insurance,
        HcasZones hcasZones) {

    /** Selects one row of silver.employer_oncost. */
    public record OnCostRow(String item, String period) {}

    /**
     * HCAS by borough: each zone's rate and limits, and the zone of each borough (a borough in
     * no zone gets none).
     */
    public record HcasZones(Map<String, Costing.Hcas> zones, Map<String, String> zoneOfBorough) {
        public Costing.Hcas of(String borough) {
            String z = zoneOfBorough.get(borough);
            return z == null ? Costing.Hcas.NONE : zones.get(z);
        }
    }

    public Assumption get(String key) {
        Assumption a = assumptions.get(key);
        if (a == null) {
            throw new IllegalArgumentException("no assumption " + key + " in " + name);
        }
        return a;
    }

    public static AssumptionSet load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("workforce-model assumption set not found: " + file);
        }
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".conf") ? fileName.substring(0, fileName.length() - 5) : fileName;
        String where = "assumption set " + file;
        try {
            Config c = ConfigFactory.parseFile(
                            file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                    .resolve();
            Map<String, Assumption> out = new LinkedHashMap<>();
            Config as = c.getConfig("assumptions");
            for (String key : as.root().keySet()) {
                if (!Assumptions.KEYS.contains(key)) {
                    throw new ConfigError(where + ": unknown assumption '" + key + "' (known: "
                            + String.join(", ", Assumptions.KEYS) + ")");
                }
            }
            for (String key : Assumptions.KEYS) {
                if (!as.hasPath(quoted(key)) && Assumptions.LATER_CHOICES.containsKey(key)) {
                    out.put(key, laterChoice(key));
                    continue;
                }
                if (!as.hasPath(quoted(key))) {
                    throw new ConfigError(where + ": assumption '" + key + "' is missing");
                }
                out.put(key, assumption(where, key, as.getConfig(quoted(key))));
            }
            HcasZones zones = c.hasPath("hcas-zones") ? hcasZones(where, c.getConfig("hcas-zones")) : null;
            if (zones == null
                    && Assumptions.HCAS_BY_BOROUGH.equals(
                            out.get(Assumptions.HCAS_MODE).choice())) {
                throw new ConfigError(
                        where + ": hcas may be " + Assumptions.HCAS_BY_BOROUGH + " only with an hcas-zones block");
            }
            Map<String, Map<String, Double>> byProfession = new TreeMap<>();
            if (c.hasPath("by-profession")) {
                Config bp = c.getConfig("by-profession");
                for (String prof : bp.root().keySet()) {
                    Config p = bp.getConfig(quoted(prof));
                    Map<String, Double> values = new TreeMap<>();
                    for (String key : p.root().keySet()) {
                        if (!Assumptions.PER_PROFESSION.contains(key)) {
                            throw new ConfigError(where + ": by-profession." + prof + "." + key + ": only "
                                    + Assumptions.PER_PROFESSION + " may differ by profession");
                        }
                        Config entry = p.getConfig(quoted(key));
                        requireText(where, "by-profession." + prof + "." + key, entry, "rationale");
                        requireText(where, "by-profession." + prof + "." + key, entry, "source");
                        double v = entry.getDouble("value");
                        Assumption g = out.get(key);
                        Assumptions.checkRange(g, v, where + ": by-profession." + prof + "." + key);
                        values.put(key, v);
                    }
                    byProfession.put(prof, values);
                }
            }
            Config costing = c.getConfig("costing");
            return new AssumptionSet(
                    name,
                    c.hasPath("description") ? c.getString("description") : "",
                    out,
                    byProfession,
                    new OnCostRow(costing.getString("pension.item"), costing.getString("pension.period")),
                    new OnCostRow(
                            costing.getString("national-insurance.item"),
                            costing.getString("national-insurance.period")),
                    zones);
        } catch (ConfigException e) {
            throw new ConfigError(where + ": " + e.getMessage().replaceAll("\\s*\\R\\s*", " "), e);
        }
    }

    private static Assumption assumption(String where, String key, Config e) {
        requireText(where, key, e, "rationale");
        requireText(where, key, e, "source");
        String unit = e.hasPath("unit") ? e.getString("unit") : "";
        if (Assumptions.CHOICES.contains(key)) {
            List<String> options = List.copyOf(e.getStringList("options"));
            String v = e.getString("value");
            if (!options.contains(v)) {
                throw new ConfigError(where + ": " + key + " = " + v + " is not one of " + options);
            }
            return new Assumption(
                    key, null, v, options, unit, null, null, e.getString("rationale"), e.getString("source"));
        }
        if (e.getValue("value").valueType() != ConfigValueType.NUMBER) {
            throw new ConfigError(where + ": " + key + ".value must be a number");
        }
        double min = e.getDouble("min");
        double max = e.getDouble("max");
        if (!(min <= max)) {
            throw new ConfigError(where + ": " + key + ": min must not exceed max");
        }
        Assumption a = new Assumption(
                key,
                e.getDouble("value"),
                null,
                List.of(),
                unit,
                min,
                max,
                e.getString("rationale"),
                e.getString("source"));
        Assumptions.checkRange(a, a.number(), where + ": " + key);
        return a;
    }

    /** The value an older set that leaves {@code key} out is taken to have (what it published); only hcas is. */
    private static Assumption laterChoice(String key) {
        String v = Assumptions.LATER_CHOICES.get(key);
        return new Assumption(
                key,
                null,
                v,
                List.of(Assumptions.HCAS_BY_BOROUGH, Assumptions.HCAS_FLAT),
                "",
                null,
                null,
                "Not in this set, which was written before the assumption existed: " + v
                        + " reproduces what it published.",
                "definition");
    }

    /** {@code zone { rate-pct, minimum-gbp, maximum-gbp, boroughs = [...] }}; a borough may be in one zone only. */
    private static HcasZones hcasZones(String where, Config c) {
        Map<String, Costing.Hcas> zones = new TreeMap<>();
        Map<String, String> zoneOf = new TreeMap<>();
        for (String zone : c.root().keySet()) {
            Config z = c.getConfig(quoted(zone));
            double rate = z.getDouble("rate-pct");
            double min = z.getDouble("minimum-gbp");
            double max = z.getDouble("maximum-gbp");
            if (rate < 0 || rate > 100 || min < 0 || min > max) {
                throw new ConfigError(
                        where + ": hcas-zones." + zone + ": rate-pct must be 0–100 and 0 ≤ minimum-gbp ≤ maximum-gbp");
            }
            zones.put(zone, new Costing.Hcas(rate, min, max));
            for (String b : z.getStringList("boroughs")) {
                String before = zoneOf.put(b, zone);
                if (before != null) {
                    throw new ConfigError(where + ": borough " + b + " is in hcas-zones " + before + " and " + zone);
                }
            }
        }
        return new HcasZones(zones, zoneOf);
    }

    private static void requireText(String where, String key, Config e, String field) {
        if (!e.hasPath(field) || e.getString(field).isBlank()) {
            throw new ConfigError(where + ": " + key + " needs a " + field);
        }
    }

    private static String quoted(String key) {
        return "\"" + key + "\"";
    }

    /** Every assumption key with its default, for messages and the CLI's help. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        assumptions.forEach((k, a) -> out.add(k + "=" + a.defaultText()));
        return out;
    }
}
