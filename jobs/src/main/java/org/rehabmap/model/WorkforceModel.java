package org.rehabmap.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The workforce demand and capacity model of METHODS.md, as plain arithmetic over
 * {@link ModelInputs}. For an area A, profession p and year y:
 * <pre>
 *   rate(A, p)      = high-distress concerns p meets ÷ assessed people, in the financial year
 *                     (from the nearest area at or above A with at least min-assessed-people people)
 *   lwc(A, y)       = people living with cancer in the base year B × growth factor(A, y)
 *   need(A, p, y)   = rate(A, p) × lwc(A, y)                              episodes a year
 *   required        = need × contacts per episode × minutes per contact ÷ clinical minutes per WTE
 *   clinical minutes per WTE = hours per WTE × 60 × clinical % × (1 + productivity change %)
 *   available       = (in post + vacancy fill % × vacant) × caseload share × (1 + workforce growth %)^(y − B)
 *   gap             = required − available;   gap % = 100 × gap ÷ required
 *   shortfall       = max(gap, 0);   surplus = max(−gap, 0)
 *   shortfall cost  = shortfall × cost of one WTE at the area's band mix (pay + HCAS + on-costs)
 * </pre>
 * Growth factor: prevalence — (1 + prevalence growth %)^(y − B); ageing — Σ over A's boroughs of
 * lwc(b, B) × 65+(b, y) ÷ 65+(b, B), divided by lwc(A, B); none — 1. Each area's rate, people
 * living with cancer and WTE are sums over its boroughs (pooled), so an STP's rate is not a mean
 * of its boroughs' rates. The {@code all} profession row adds the professions' need, required and
 * available WTE, shortfalls, surpluses and shortfall costs separately: its net gap would let one
 * profession's surplus hide another's shortfall, and staff of one profession cannot meet another's need.
 */
public final class WorkforceModel {
    private final ModelInputs in;
    private final int minPeople;
    private final int endYear;
    private final Map<String, Rate> rates = new LinkedHashMap<>();

    /** The concern rate an area uses: per profession, from which area, and the note that says so. */
    record Rate(Map<String, Double> perPerson, String fromArea, String note) {}

    /**
     * @param minPeople fewest assessed people an area's own rate may rest on
     * @param endYear   last year modelled (the first is {@link ModelInputs#baseYear()})
     */
    public WorkforceModel(ModelInputs in, int minPeople, int endYear) {
        this.in = in;
        this.minPeople = minPeople;
        this.endYear = Math.max(endYear, in.baseYear());
        for (ModelInputs.Area a : in.areas()) {
            rates.put(a.code(), rate(a));
        }
    }

    public ModelInputs inputs() {
        return in;
    }

    public List<Integer> years() {
        List<Integer> out = new ArrayList<>();
        for (int y = in.baseYear(); y <= endYear; y++) {
            out.add(y);
        }
        return out;
    }

    /** Every area, profession (and all) and year of one scenario, in published order. */
    public List<ModelRow> rows(String scenario, Assumptions a) {
        return rows(scenario, a, null);
    }

    /** As {@link #rows(String, Assumptions)}, for one year only when {@code onlyYear} is not null. */
    public List<ModelRow> rows(String scenario, Assumptions a, Integer onlyYear) {
        List<ModelRow> out = new ArrayList<>();
        for (ModelInputs.Area area : in.areas()) {
            for (int y : years()) {
                if (onlyYear != null && y != onlyYear) {
                    continue;
                }
                out.addAll(areaYear(scenario, a, area, y));
            }
        }
        return out;
    }

    /**
     * What every profession's row of one area and year shares: the concern rate the area uses, people
     * living with cancer and its growth, the 65+ population, clinical minutes per WTE, the growth and
     * vacancy fill of the workforce, the costing rates (null: not costed) and the area's notes.
     */
    private record AreaYear(
            Rate rate,
            Double livingWithCancer,
            Double growth,
            Double population65,
            double minutesPerWte,
            double supplyGrowth,
            double fill,
            Costing.Rates costRates,
            List<String> notes) {}

    /** One row per profession, then the {@code all} row that adds them up. */
    private List<ModelRow> areaYear(String scenario, Assumptions a, ModelInputs.Area area, int year) {
        AreaYear ay = shared(a, area, year);
        List<ModelRow> out = new ArrayList<>();
        for (String p : in.professions()) {
            out.add(professionRow(scenario, a, area, year, ay, p));
        }
        out.add(allProfessions(scenario, a, area, year, ay, out));
        return out;
    }

    private AreaYear shared(Assumptions a, ModelInputs.Area area, int year) {
        List<String> notes = new ArrayList<>();
        Rate rate = rates.get(area.code());
        if (rate.note() != null) {
            notes.add(rate.note());
        }
        Long lwcBase = livingWithCancer(area, notes);
        Double growth = lwcBase == null ? null : growthFactor(a, area, year, notes);
        Double lwc = lwcBase != null && growth != null ? lwcBase * growth : null;
        double supplyGrowth = Math.pow(1.0 + a.number(Assumptions.WORKFORCE_GROWTH) / 100.0, year - in.baseYear());
        double fill = a.number(Assumptions.VACANCY_FILL) / 100.0;
        return new AreaYear(
                rate,
                lwc,
                growth,
                population65(area, year),
                a.clinicalMinutesPerWte(),
                supplyGrowth,
                fill,
                costRates(a, notes),
                notes);
    }

    /**
     * The pay and on-costs the assumption set names; null (not costed, with a note) when pay is not
     * loaded or silver.employer_oncost lacks the pension or insurance row it names.
     */
    private Costing.Rates costRates(Assumptions a, List<String> notes) {
        if (in.pay() == null) {
            return null;
        }
        ModelInputs.OnCost pension = in.pay().oncost(a.set().pension());
        ModelInputs.OnCost insurance = in.pay().oncost(a.set().insurance());
        if (pension == null || insurance == null) {
            notes.add("not costed: silver.employer_oncost has no row "
                    + (pension == null ? a.set().pension() : a.set().insurance()) + " named by " + a.setName());
            return null;
        }
        return new Costing.Rates(
                pension, insurance, a.choice(Assumptions.PAY_POINT), Costing.Hcas.flat(a.number(Assumptions.HCAS)));
    }

    /** need = rate × people living with cancer; required WTE from need; available from the survey; the gap and its cost. */
    private ModelRow professionRow(
            String scenario, Assumptions a, ModelInputs.Area area, int year, AreaYear ay, String p) {
        List<String> notes = new ArrayList<>(ay.notes());
        Double perPerson =
                ay.rate().perPerson() == null ? null : ay.rate().perPerson().get(p);
        Double need = perPerson != null && ay.livingWithCancer() != null ? perPerson * ay.livingWithCancer() : null;
        double contacts = a.number(Assumptions.CONTACTS, p);
        double minutes = a.number(Assumptions.MINUTES, p);
        Double required = need == null ? null : need * contacts * minutes / ay.minutesPerWte();
        ModelInputs.Supply s = in.workforcePosition() == null ? null : supply(area.code(), p);
        Double available = available(s, ay, notes);
        Double gap = required != null && available != null ? required - available : null;
        Double costPerWte =
                ay.costRates() == null || s == null ? null : costPerWte(a, area, s, p, ay.costRates(), notes);
        Double shortfall = gap == null ? null : Math.max(gap, 0.0);
        Double shortfallCost = shortfall != null && costPerWte != null ? shortfall * costPerWte : null;
        return new ModelRow(
                scenario,
                a.setName(),
                year,
                area.level(),
                area.code(),
                area.name(),
                p,
                label(p),
                ay.livingWithCancer(),
                ay.population65(),
                ay.growth(),
                perPerson,
                ay.rate().fromArea(),
                need,
                contacts,
                minutes,
                ay.minutesPerWte(),
                required,
                available,
                gap,
                pct(gap, required),
                shortfall,
                gap == null ? null : Math.max(-gap, 0.0),
                costPerWte,
                shortfallCost,
                in.hnaPeriod(),
                in.workforcePosition(),
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    /**
     * (in post + fill × vacant) × caseload share, grown by workforce growth; null without a workforce
     * survey. Generalist rows without a caseload share are left out, and the note says how many.
     */
    private static Double available(ModelInputs.Supply s, AreaYear ay, List<String> notes) {
        if (s == null) {
            notes.add("no workforce survey: available WTE not known");
            return null;
        }
        if (s.rowsWithoutShare() > 0) {
            notes.add(s.rowsWithoutShare()
                    + " generalist post row(s) without a cancer caseload share left out of available WTE");
        }
        return (s.inPost() + ay.fill() * s.vacant()) * ay.supplyGrowth();
    }

    /**
     * The cost of one WTE at the area's band mix of funded posts; an area with no funded posts of the
     * profession is costed at London's mix. Bands without pay are left out, with a note. With HCAS by
     * borough, an area above borough is costed at the mean of its boroughs' costs (each at its own
     * zone's HCAS) weighted by people living with cancer, where the need the shortfall meets lives;
     * equally when that count is not known.
     */
    private Double costPerWte(
            Assumptions a,
            ModelInputs.Area area,
            ModelInputs.Supply s,
            String p,
            Costing.Rates costRates,
            List<String> notes) {
        Map<String, Double> mix = s.fundedByBand();
        if (totalOf(mix) <= 0) {
            mix = supply(in.areas().get(0).code(), p).fundedByBand();
            if (totalOf(mix) > 0) {
                notes.add("costed at London's band mix (no funded posts of this profession here)");
            }
        }
        List<String> unpaid = Costing.bandsWithoutPay(mix, in.pay().bands());
        if (!unpaid.isEmpty()) {
            notes.add("band(s) " + String.join(", ", unpaid)
                    + " have no pay in silver.afc_pay and are left out of the cost");
        }
        if (!Assumptions.HCAS_BY_BOROUGH.equals(a.choice(Assumptions.HCAS_MODE))) {
            return Costing.costPerWte(mix, in.pay().bands(), costRates);
        }
        AssumptionSet.HcasZones zones = a.set().hcasZones();
        boolean weighted =
                area.boroughs().stream().allMatch(b -> in.livingWithCancer().get(b) != null);
        double weight = 0;
        double cost = 0;
        for (String b : area.boroughs()) {
            Double c = Costing.costPerWte(mix, in.pay().bands(), costRates.withHcas(zones.of(b)));
            if (c == null) {
                return null;
            }
            double w = weighted ? in.livingWithCancer().get(b) : 1.0;
            weight += w;
            cost += w * c;
        }
        return weight > 0 ? cost / weight : null;
    }

    /**
     * The {@code all} row: the professions' rates, need, required and available WTE, shortfalls,
     * surpluses and shortfall costs added up; each total is known only when every profession's is.
     */
    private ModelRow allProfessions(
            String scenario, Assumptions a, ModelInputs.Area area, int year, AreaYear ay, List<ModelRow> professions) {
        Double req = total(professions, ModelRow::requiredWte);
        Double avail = total(professions, ModelRow::availableWte);
        Double gap = req != null && avail != null ? req - avail : null;
        Double shortfall = total(professions, ModelRow::shortfallWte);
        Double cost = ay.costRates() == null ? null : total(professions, ModelRow::shortfallCostGbp);
        return new ModelRow(
                scenario,
                a.setName(),
                year,
                area.level(),
                area.code(),
                area.name(),
                ModelRow.ALL,
                "All modelled professions",
                ay.livingWithCancer(),
                ay.population65(),
                ay.growth(),
                total(professions, ModelRow::concernsPerPerson),
                ay.rate().fromArea(),
                total(professions, ModelRow::needEpisodes),
                null,
                null,
                ay.minutesPerWte(),
                req,
                avail,
                gap,
                pct(gap, req),
                shortfall,
                total(professions, ModelRow::surplusWte),
                null,
                cost != null && shortfall != null ? cost : null,
                in.hnaPeriod(),
                in.workforcePosition(),
                ay.notes().isEmpty() ? null : String.join("; ", ay.notes()));
    }

    /** The sum over the rows, in their order; null when any row's value is not known. */
    private static Double total(List<ModelRow> rows, Function<ModelRow, Double> value) {
        double sum = 0;
        for (ModelRow r : rows) {
            Double v = value.apply(r);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return sum;
    }

    /** Living with cancer in the year ÷ in the base year, by the assumption set's growth choice; null when it cannot be known. */
    Double growthFactor(Assumptions a, ModelInputs.Area area, int year, List<String> notes) {
        int t = year - in.baseYear();
        switch (a.choice(Assumptions.GROWTH)) {
            case Assumptions.GROWTH_NONE:
                return 1.0;
            case Assumptions.GROWTH_PREVALENCE:
                return Math.pow(1.0 + a.number(Assumptions.PREVALENCE) / 100.0, t);
            case Assumptions.GROWTH_AGEING: {
                double base = 0;
                double grown = 0;
                List<String> missing = new ArrayList<>();
                for (String b : area.boroughs()) {
                    Long lwc = in.livingWithCancer().get(b);
                    if (lwc == null) {
                        continue;
                    }
                    Map<Integer, Double> p = in.population65().get(b);
                    Double now = p == null ? null : p.get(in.baseYear());
                    Double then = p == null ? null : p.get(year);
                    if (now == null || then == null || !(now > 0)) {
                        missing.add(b);
                        continue;
                    }
                    base += lwc;
                    grown += lwc * then / now;
                }
                if (!missing.isEmpty()) {
                    notes.add("no projected 65+ population for " + String.join(", ", missing) + " in " + in.baseYear()
                            + " or " + year + ": ageing growth not known");
                    return null;
                }
                return base > 0 ? grown / base : (t == 0 ? 1.0 : null);
            }
            default:
                throw new IllegalArgumentException("unknown growth " + a.choice(Assumptions.GROWTH));
        }
    }

    /**
     * People living with cancer in an area in the base year: the sum over its boroughs, or null
     * (and a note) when any of them is not in the comorbidity extract — a part-count would
     * understate need against the whole area's workforce.
     */
    Long livingWithCancer(ModelInputs.Area area, List<String> notes) {
        long sum = 0;
        int missing = 0;
        for (String b : area.boroughs()) {
            Long v = in.livingWithCancer().get(b);
            if (v == null) {
                missing++;
            } else {
                sum += v;
            }
        }
        if (area.boroughs().isEmpty() || missing > 0) {
            notes.add(
                    area.boroughs().size() == 1 || missing == area.boroughs().size()
                            ? "people living with cancer not known (no comorbidity extract covers this area)"
                            : "people living with cancer not known: " + missing + " of its "
                                    + area.boroughs().size() + " boroughs are not in the comorbidity extract");
            return null;
        }
        return sum;
    }

    /** Projected 65+ residents of an area in a year (sum of its boroughs), null when a borough has none. */
    Double population65(ModelInputs.Area area, int year) {
        double sum = 0;
        for (String b : area.boroughs()) {
            Map<Integer, Double> p = in.population65().get(b);
            Double v = p == null ? null : p.get(year);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return area.boroughs().isEmpty() ? null : sum;
    }

    private Rate rate(ModelInputs.Area area) {
        List<String> chain = new ArrayList<>();
        chain.add(area.code());
        chain.addAll(area.ancestors());
        ModelInputs.Hna own = in.hna().get(area.code());
        long ownPeople = own == null ? 0 : own.people();
        for (String code : chain) {
            ModelInputs.Hna h = in.hna().get(code);
            if (h == null || h.people() < minPeople) {
                continue;
            }
            Map<String, Double> perPerson = new LinkedHashMap<>();
            for (String p : in.professions()) {
                perPerson.put(p, h.highDistressConcerns().getOrDefault(p, 0L) / (double) h.people());
            }
            String note = null;
            if (!code.equals(area.code())) {
                ModelInputs.Area from = in.area(code);
                note = "concern rate of " + (from == null ? code : from.level() + " " + from.name() + " (" + code + ")")
                        + ": " + (ownPeople == 0 ? "no" : "fewer than " + minPeople) + " assessed people resident here";
            }
            return new Rate(perPerson, code, note);
        }
        String why = in.hnaPeriod() == null
                ? "no HNA assessments in silver"
                : "fewer than " + minPeople + " assessed people here and in every area above";
        return new Rate(null, null, "no concern rate: " + why);
    }

    private ModelInputs.Supply supply(String area, String profession) {
        Map<String, ModelInputs.Supply> m = in.supply().get(area);
        ModelInputs.Supply s = m == null ? null : m.get(profession);
        return s == null ? new ModelInputs.Supply(0, 0, Map.of(), 0) : s;
    }

    private String label(String profession) {
        String l = in.professionLabels().get(profession);
        if (l != null) {
            return l;
        }
        String t = profession.replace('_', ' ');
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static double totalOf(Map<String, Double> m) {
        double t = 0;
        if (m != null) {
            for (Double v : m.values()) {
                if (v != null) {
                    t += v;
                }
            }
        }
        return t;
    }

    static Double pct(Double gap, Double required) {
        return gap != null && required != null && required > 0 ? 100.0 * gap / required : null;
    }
}
