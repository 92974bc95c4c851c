package org.rehabmap.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *   gap cost        = gap × cost of one WTE at the area's band mix (pay + on-costs)
 * </pre>
 * Growth factor: prevalence — (1 + prevalence growth %)^(y − B); ageing — Σ over A's boroughs of
 * lwc(b, B) × 65+(b, y) ÷ 65+(b, B), divided by lwc(A, B); none — 1. Each area's rate, people
 * living with cancer and WTE are sums over its boroughs (pooled), so an STP's rate is not a mean
 * of its boroughs' rates. The {@code all} profession row adds the professions' need, required,
 * available, gap and cost.
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

    private List<ModelRow> areaYear(String scenario, Assumptions a, ModelInputs.Area area, int year) {
        List<String> areaNotes = new ArrayList<>();
        Rate rate = rates.get(area.code());
        if (rate.note() != null) {
            areaNotes.add(rate.note());
        }
        Long lwcBase = livingWithCancer(area, areaNotes);
        Double growth = lwcBase == null ? null : growthFactor(a, area, year, areaNotes);
        Double lwc = lwcBase != null && growth != null ? lwcBase * growth : null;
        Double pop65 = population65(area, year);
        double minutesPerWte = a.clinicalMinutesPerWte();
        double supplyGrowth = Math.pow(1.0 + a.number(Assumptions.WORKFORCE_GROWTH) / 100.0, year - in.baseYear());
        double fill = a.number(Assumptions.VACANCY_FILL) / 100.0;
        Costing.Rates costRates = null;
        if (in.pay() != null) {
            ModelInputs.OnCost pension = in.pay().oncost(a.set().pension());
            ModelInputs.OnCost insurance = in.pay().oncost(a.set().insurance());
            if (pension == null || insurance == null) {
                areaNotes.add("not costed: silver.employer_oncost has no row "
                        + (pension == null ? a.set().pension() : a.set().insurance()) + " named by " + a.setName());
            } else {
                costRates = new Costing.Rates(
                        pension, insurance, a.choice(Assumptions.PAY_POINT), a.number(Assumptions.HCAS));
            }
        }

        List<ModelRow> out = new ArrayList<>();
        double sumRate = 0;
        double sumNeed = 0;
        double sumReq = 0;
        double sumAvail = 0;
        double sumCost = 0;
        boolean rateOk = true;
        boolean needOk = true;
        boolean reqOk = true;
        boolean availOk = true;
        boolean costOk = costRates != null;
        for (String p : in.professions()) {
            List<String> notes = new ArrayList<>(areaNotes);
            Double perPerson =
                    rate.perPerson() == null ? null : rate.perPerson().get(p);
            Double need = perPerson != null && lwc != null ? perPerson * lwc : null;
            double contacts = a.number(Assumptions.CONTACTS, p);
            double minutes = a.number(Assumptions.MINUTES, p);
            Double required = need == null ? null : need * contacts * minutes / minutesPerWte;
            Double available = null;
            ModelInputs.Supply s = in.workforcePosition() == null ? null : supply(area.code(), p);
            if (in.workforcePosition() == null) {
                notes.add("no workforce survey: available WTE not known");
            } else {
                available = (s.inPost() + fill * s.vacant()) * supplyGrowth;
                if (s.rowsWithoutShare() > 0) {
                    notes.add(s.rowsWithoutShare()
                            + " generalist post row(s) without a cancer caseload share left out of available WTE");
                }
            }
            Double gap = required != null && available != null ? required - available : null;
            Double costPerWte = null;
            if (costRates != null && s != null) {
                Map<String, Double> mix = s.fundedByBand();
                if (totalOf(mix) <= 0) {
                    mix = supply(in.areas().get(0).code(), p).fundedByBand();
                    if (totalOf(mix) > 0) {
                        notes.add("costed at London's band mix (no funded posts of this profession here)");
                    }
                }
                costPerWte = Costing.costPerWte(mix, in.pay().bands(), costRates);
                List<String> unpaid = Costing.bandsWithoutPay(mix, in.pay().bands());
                if (!unpaid.isEmpty()) {
                    notes.add("band(s) " + String.join(", ", unpaid)
                            + " have no pay in silver.afc_pay and are left out of the cost");
                }
            }
            Double gapCost = gap != null && costPerWte != null ? gap * costPerWte : null;
            out.add(new ModelRow(
                    scenario,
                    a.setName(),
                    year,
                    area.level(),
                    area.code(),
                    area.name(),
                    p,
                    label(p),
                    lwc,
                    pop65,
                    growth,
                    perPerson,
                    rate.fromArea(),
                    need,
                    contacts,
                    minutes,
                    minutesPerWte,
                    required,
                    available,
                    gap,
                    pct(gap, required),
                    costPerWte,
                    gapCost,
                    in.hnaPeriod(),
                    in.workforcePosition(),
                    notes.isEmpty() ? null : String.join("; ", notes)));
            if (perPerson == null) {
                rateOk = false;
            } else {
                sumRate += perPerson;
            }
            if (need == null) {
                needOk = false;
            } else {
                sumNeed += need;
            }
            if (required == null) {
                reqOk = false;
            } else {
                sumReq += required;
            }
            if (available == null) {
                availOk = false;
            } else {
                sumAvail += available;
            }
            if (gapCost == null) {
                costOk = false;
            } else {
                sumCost += gapCost;
            }
        }
        Double req = reqOk ? sumReq : null;
        Double avail = availOk ? sumAvail : null;
        Double gap = req != null && avail != null ? req - avail : null;
        out.add(new ModelRow(
                scenario,
                a.setName(),
                year,
                area.level(),
                area.code(),
                area.name(),
                ModelRow.ALL,
                "All modelled professions",
                lwc,
                pop65,
                growth,
                rateOk ? sumRate : null,
                rate.fromArea(),
                needOk ? sumNeed : null,
                null,
                null,
                minutesPerWte,
                req,
                avail,
                gap,
                pct(gap, req),
                null,
                costOk && gap != null ? sumCost : null,
                in.hnaPeriod(),
                in.workforcePosition(),
                areaNotes.isEmpty() ? null : String.join("; ", areaNotes)));
        return out;
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
