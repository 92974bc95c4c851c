package org.rehabmap.model;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * rehabmap.workforce-model (conf/workforce-model.conf): which assumption set, the years, the
 * scenarios and the sensitivity analysis. Read once
 * per run; every problem is a {@link ConfigError} naming the key.
 *
 * @param baseYear          the first year, or null for the year of the comorbidity extract
 * @param minAssessedPeople an area's concern rate rests on at least this many assessed people
 * @param scenarios         baseline first, then by name
 */
public record ModelConfig(
        Path assumptionSetFile,
        Integer baseYear,
        int endYear,
        int minAssessedPeople,
        List<Scenario> scenarios,
        SensitivityConfig sensitivity) {

    /**
     * One scenario: changes on top of an assumption set.
     *
     * @param assumptionSetFile the set it starts from (the model's default unless the scenario names one)
     * @param set               key → value as written, applied in key order
     */
    public record Scenario(String name, String description, Path assumptionSetFile, Map<String, String> set) {}

    /** @param year the year whose gap is reported, or null for the end year */
    public record SensitivityConfig(String scenario, double changePct, Integer year) {}

    public static final String BASELINE = "baseline";

    public static ModelConfig from(Settings s) {
        try {
            Config c = s.section("workforce-model");
            Path home = s.homeDir();
            Path setFile = home.resolve(c.getString("assumption-set")).normalize();
            Integer base = null;
            if (!"auto".equals(c.getValue("base-year").unwrapped().toString())) {
                base = c.getInt("base-year");
                if (base < 2000 || base > 2100) {
                    throw new ConfigError(
                            "configuration error: rehabmap.workforce-model.base-year must be auto or a year, got "
                                    + base);
                }
            }
            int end = c.getInt("end-year");
            if (end < 2000 || end > 2100) {
                throw new ConfigError(
                        "configuration error: rehabmap.workforce-model.end-year must be a year, got " + end);
            }
            if (base != null && base > end) {
                throw new ConfigError("configuration error: rehabmap.workforce-model.base-year " + base
                        + " is after end-year " + end);
            }
            int minPeople = c.getInt("min-assessed-people");
            if (minPeople < 1) {
                throw new ConfigError("configuration error: rehabmap.workforce-model.min-assessed-people must be >= 1");
            }

            Config sc = c.getConfig("scenarios");
            List<Scenario> scenarios = new ArrayList<>();
            for (String name : new java.util.TreeSet<>(sc.root().keySet())) {
                if (!name.matches("[a-z0-9_]+")) {
                    throw new ConfigError("configuration error: scenario name '" + name
                            + "' must be lower-case letters, digits or _");
                }
                Config one = sc.getConfig(name);
                Path file = one.hasPath("assumption-set")
                        ? home.resolve(one.getString("assumption-set")).normalize()
                        : setFile;
                Map<String, String> set = new TreeMap<>();
                if (one.hasPath("set")) {
                    for (Map.Entry<String, ConfigValue> e : one.getConfig("set").entrySet()) {
                        set.put(
                                e.getKey().replace("\"", ""),
                                String.valueOf(e.getValue().unwrapped()));
                    }
                }
                scenarios.add(
                        new Scenario(name, one.hasPath("description") ? one.getString("description") : "", file, set));
            }
            scenarios.sort((a, b) -> a.name().equals(BASELINE)
                    ? -1
                    : b.name().equals(BASELINE) ? 1 : a.name().compareTo(b.name()));
            if (scenarios.stream().noneMatch(x -> x.name().equals(BASELINE))) {
                throw new ConfigError(
                        "configuration error: rehabmap.workforce-model.scenarios needs a 'baseline' scenario");
            }

            Config sens = c.getConfig("sensitivity");
            String sensScenario = sens.getString("scenario");
            if (scenarios.stream().noneMatch(x -> x.name().equals(sensScenario))) {
                throw new ConfigError("configuration error: rehabmap.workforce-model.sensitivity.scenario '"
                        + sensScenario + "' is not a scenario");
            }
            double change = sens.getDouble("change-pct");
            if (!(change > 0 && change < 100)) {
                throw new ConfigError(
                        "configuration error: rehabmap.workforce-model.sensitivity.change-pct must be between 0 and 100, got "
                                + change);
            }
            Integer sensYear = sens.hasPath("year") ? sens.getInt("year") : null;

            return new ModelConfig(
                    setFile,
                    base,
                    end,
                    minPeople,
                    List.copyOf(scenarios),
                    new SensitivityConfig(sensScenario, change, sensYear));
        } catch (ConfigException e) {
            throw new ConfigError("configuration error: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "), e);
        }
    }

    public Scenario scenario(String name) {
        for (Scenario s : scenarios) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new ConfigError("unknown scenario '" + name + "' (configured: "
                + String.join(", ", scenarios.stream().map(Scenario::name).toList()) + ")");
    }

    /** Every assumption set file the scenarios use, loaded once each. */
    public Map<Path, AssumptionSet> loadSets() {
        Map<Path, AssumptionSet> out = new LinkedHashMap<>();
        out.put(assumptionSetFile, AssumptionSet.load(assumptionSetFile));
        for (Scenario s : scenarios) {
            out.computeIfAbsent(s.assumptionSetFile(), AssumptionSet::load);
        }
        return out;
    }

    /** A scenario's values: its set with its changes (bad keys in a scenario are configuration errors). */
    public static Assumptions assumptions(Scenario s, Map<Path, AssumptionSet> sets, List<String> professions) {
        try {
            return Assumptions.of(sets.get(s.assumptionSetFile())).withAll(s.set(), professions);
        } catch (ConfigError e) {
            throw new ConfigError("configuration error: scenario " + s.name() + ": " + e.getMessage(), e);
        }
    }
}
