package org.rehabmap.model;

import org.rehabmap.config.ConfigError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values one model run uses: an {@link AssumptionSet}'s defaults with a scenario's (or the
 * what-if command's) changes on top. Immutable; every change returns a new object and is
 * remembered, so a printed model can say exactly what differed from the set.
 *
 * <p>Keys are the assumption names of the set file; the ones in {@link #PER_PROFESSION} may also
 * be given for one profession as {@code key.profession} (e.g. {@code contacts-per-episode.dietitian}).
 */
public final class Assumptions {
    public static final String CONTACTS = "contacts-per-episode";
    public static final String MINUTES = "minutes-per-contact";
    public static final String HOURS = "hours-per-wte-year";
    public static final String CLINICAL = "clinical-time-pct";
    public static final String PRODUCTIVITY = "productivity-change-pct";
    public static final String GROWTH = "growth";
    public static final String PREVALENCE = "prevalence-growth-pct";
    public static final String VACANCY_FILL = "vacancy-fill-pct";
    public static final String WORKFORCE_GROWTH = "workforce-growth-pct";
    public static final String PAY_POINT = "pay-point";
    public static final String HCAS = "hcas-pct";
    /** How HCAS is applied: by each borough's Agenda for Change zone, or the flat {@link #HCAS} %. */
    public static final String HCAS_MODE = "hcas";

    /** Every assumption an assumption set must give, in the order they are documented and printed. */
    public static final List<String> KEYS = List.of(
            CONTACTS,
            MINUTES,
            HOURS,
            CLINICAL,
            PRODUCTIVITY,
            GROWTH,
            PREVALENCE,
            VACANCY_FILL,
            WORKFORCE_GROWTH,
            PAY_POINT,
            HCAS,
            HCAS_MODE);
    /**
     * Assumptions a set written before they existed may leave out, with the value that reproduces
     * what that set published ({@link #HCAS_MODE}: flat, i.e. {@link #HCAS} % everywhere).
     */
    public static final Map<String, String> LATER_CHOICES = Map.of(HCAS_MODE, "flat");
    /** Assumptions whose value is one of a list of words rather than a number. */
    public static final Set<String> CHOICES = Set.of(GROWTH, PAY_POINT, HCAS_MODE);
    /** Assumptions that may be set for one profession. */
    public static final Set<String> PER_PROFESSION = Set.of(CONTACTS, MINUTES);
    /** Assumptions that change only the costing, never a WTE figure. */
    public static final Set<String> COST_ONLY = Set.of(PAY_POINT, HCAS, HCAS_MODE);

    public static final String GROWTH_PREVALENCE = "prevalence";
    public static final String GROWTH_AGEING = "ageing";
    public static final String GROWTH_NONE = "none";
    public static final String PAY_ENTRY = "entry";
    public static final String PAY_MIDPOINT = "midpoint";
    public static final String PAY_TOP = "top";
    public static final String HCAS_BY_BOROUGH = "by-borough";
    public static final String HCAS_FLAT = "flat";

    private final AssumptionSet set;
    private final Map<String, Double> numbers;
    private final Map<String, String> choices;
    private final Map<String, Map<String, Double>> byProfession;
    private final Map<String, String> changes;

    private Assumptions(
            AssumptionSet set,
            Map<String, Double> numbers,
            Map<String, String> choices,
            Map<String, Map<String, Double>> byProfession,
            Map<String, String> changes) {
        this.set = set;
        this.numbers = numbers;
        this.choices = choices;
        this.byProfession = byProfession;
        this.changes = changes;
    }

    /** The set's own values. */
    public static Assumptions of(AssumptionSet set) {
        Map<String, Double> n = new LinkedHashMap<>();
        Map<String, String> c = new LinkedHashMap<>();
        set.assumptions().forEach((k, a) -> {
            if (a.numeric()) {
                n.put(k, a.number());
            } else {
                c.put(k, a.choice());
            }
        });
        Map<String, Map<String, Double>> bp = new TreeMap<>();
        set.byProfession().forEach((p, m) -> bp.put(p, new TreeMap<>(m)));
        return new Assumptions(set, n, c, bp, new LinkedHashMap<>());
    }

    public AssumptionSet set() {
        return set;
    }

    /** The name of the set these values start from (what every output row records). */
    public String setName() {
        return set.name();
    }

    /** key → value of every change made on top of the set, in the order made. */
    public Map<String, String> changes() {
        return java.util.Collections.unmodifiableMap(changes);
    }

    /** The set's name, and the changes on top of it when there are any: {@code assumptions-v1 + minutes-per-contact=60}. */
    public String label() {
        if (changes.isEmpty()) {
            return set.name();
        }
        List<String> parts = new ArrayList<>();
        changes.forEach((k, v) -> parts.add(k + "=" + v));
        return set.name() + " + " + String.join(", ", parts);
    }

    /**
     * These values with one change: {@code key} an assumption (or {@code key.profession}), the
     * value as typed. A bad key or value is a {@link ConfigError} with one line saying why.
     *
     * @param professions the professions the model knows (for {@code key.profession})
     */
    public Assumptions with(String key, String value, Collection<String> professions) {
        String k = key.trim();
        String v = value.trim();
        String profession = null;
        int dot = k.indexOf('.');
        if (dot > 0) {
            profession = k.substring(dot + 1);
            k = k.substring(0, dot);
        }
        Assumption a = set.assumptions().get(k);
        if (a == null) {
            throw new ConfigError("unknown assumption '" + key.trim() + "' (known: " + String.join(", ", KEYS) + ")");
        }
        if (profession != null) {
            if (!PER_PROFESSION.contains(k)) {
                throw new ConfigError("assumption '" + k + "' cannot be set per profession (only "
                        + String.join(", ", PER_PROFESSION.stream().sorted().toList()) + ")");
            }
            if (!professions.contains(profession)) {
                throw new ConfigError("unknown profession '" + profession + "' in '" + key.trim() + "' (known: "
                        + String.join(", ", professions) + ")");
            }
        }
        Map<String, Double> n = new LinkedHashMap<>(numbers);
        Map<String, String> c = new LinkedHashMap<>(choices);
        Map<String, Map<String, Double>> bp = copy(byProfession);
        if (a.numeric()) {
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigError("assumption '" + key.trim() + "' needs a number, got '" + v + "'");
            }
            checkRange(a, d, "assumption '" + key.trim() + "'");
            if (profession == null) {
                n.put(k, d);
            } else {
                bp.computeIfAbsent(profession, p -> new TreeMap<>()).put(k, d);
            }
            v = format(d);
        } else {
            if (!a.options().contains(v)) {
                throw new ConfigError("assumption '" + k + "' must be one of " + String.join(", ", a.options())
                        + ", got '" + v + "'");
            }
            if (k.equals(HCAS_MODE) && v.equals(HCAS_BY_BOROUGH) && set.hcasZones() == null) {
                throw new ConfigError("assumption '" + k + "' = " + v + " needs an hcas-zones block in " + set.name());
            }
            c.put(k, v);
        }
        Map<String, String> ch = new LinkedHashMap<>(changes);
        ch.remove(key.trim());
        ch.put(key.trim(), v);
        return new Assumptions(set, n, c, bp, ch);
    }

    /** These values with every change of {@code set} (key → value as typed) made in order. */
    public Assumptions withAll(Map<String, String> set, Collection<String> professions) {
        Assumptions a = this;
        for (Map.Entry<String, String> e : set.entrySet()) {
            a = a.with(e.getKey(), e.getValue(), professions);
        }
        return a;
    }

    /**
     * A numeric assumption multiplied by {@code factor} (its per-profession values too), kept
     * within the assumption's range; used by the one-at-a-time sensitivity analysis.
     */
    public Assumptions scaled(String key, double factor) {
        Assumption a = set.get(key);
        if (!a.numeric()) {
            throw new IllegalArgumentException(key + " is not numeric");
        }
        Map<String, Double> n = new LinkedHashMap<>(numbers);
        n.put(key, clamp(a, numbers.get(key) * factor));
        Map<String, Map<String, Double>> bp = copy(byProfession);
        for (Map<String, Double> m : bp.values()) {
            m.computeIfPresent(key, (k, v) -> clamp(a, v * factor));
        }
        Map<String, String> ch = new LinkedHashMap<>(changes);
        ch.put(key, format(n.get(key)));
        return new Assumptions(set, n, new LinkedHashMap<>(choices), bp, ch);
    }

    public double number(String key) {
        Double d = numbers.get(key);
        if (d == null) {
            throw new IllegalArgumentException(key + " is not a numeric assumption");
        }
        return d;
    }

    /** A per-profession value where one is set, else the general one. */
    public double number(String key, String profession) {
        Map<String, Double> m = byProfession.get(profession);
        if (m != null && m.containsKey(key)) {
            return m.get(key);
        }
        return number(key);
    }

    public String choice(String key) {
        String s = choices.get(key);
        if (s == null) {
            throw new IllegalArgumentException(key + " is not a choice");
        }
        return s;
    }

    /** Minutes of clinical time one WTE gives in a year: hours × 60 × clinical share × (1 + productivity change). */
    public double clinicalMinutesPerWte() {
        return number(HOURS) * 60.0 * number(CLINICAL) / 100.0 * (1.0 + number(PRODUCTIVITY) / 100.0);
    }

    static void checkRange(Assumption a, double v, String what) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v < a.min() || v > a.max()) {
            throw new ConfigError(
                    what + " must be between " + format(a.min()) + " and " + format(a.max()) + ", got " + format(v));
        }
    }

    private static double clamp(Assumption a, double v) {
        return Math.max(a.min(), Math.min(a.max(), v));
    }

    private static Map<String, Map<String, Double>> copy(Map<String, Map<String, Double>> m) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }

    /** A number as a person would write it: 4, 2.7066, 0.5 (no trailing zeros, no exponent). */
    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
