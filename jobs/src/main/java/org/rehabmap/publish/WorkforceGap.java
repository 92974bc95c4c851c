package org.rehabmap.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The workforce gap by profession for one area from gold.workforce_model (required minus available
 * WTE; positive = shortfall), at the baseline scenario's first year when the table has scenarios
 * and years. The table comes from another branch of work, so its columns are looked up by name and
 * a missing one is reported rather than guessed.
 */
public final class WorkforceGap {
    public record Bar(String profession, Double required, Double available, Double gap, boolean withheld) {}

    /** What can be drawn: bars, or why not. */
    public record Result(List<Bar> bars, String caption, String missing) {}

    /**
     * The costed gap of one area, all professions, baseline scenario, first year: the shortfall (the
     * professions' positive gaps added) and what closing it costs a year, and the surplus kept apart.
     */
    public record Cost(
            String areaCode,
            String areaName,
            Double shortfallWte,
            Double surplusWte,
            Double shortfallGbp,
            boolean withheld) {}

    private WorkforceGap() {}

    /**
     * The costed gap of every area of {@code codes} (in that order) that gold.workforce_model has, or
     * an empty list when the table or its shortfall columns are absent.
     */
    public static List<Cost> costs(PublishedTable model, List<String> codes) {
        if (model == null) {
            return List.of();
        }
        int area = model.index("area_code");
        int name = model.index("area_name");
        int prof = model.index("profession");
        int shortfall = model.index("shortfall_wte");
        int surplus = model.index("surplus_wte");
        int cost = model.index("shortfall_cost_gbp");
        int scen = model.index("scenario");
        int year = model.index("year");
        if (area < 0 || prof < 0 || shortfall < 0 || cost < 0) {
            return List.of();
        }
        String first = null;
        for (Object[] r : model.rows()) {
            String y = year < 0 ? "" : String.valueOf(r[year]);
            if (first == null || y.compareTo(first) < 0) {
                first = y;
            }
        }
        java.util.Map<String, Cost> byArea = new java.util.HashMap<>();
        for (int k = 0; k < model.rows().size(); k++) {
            Object[] r = model.rows().get(k);
            if (!"all".equals(String.valueOf(r[prof]))
                    || scen >= 0 && !"baseline".equals(String.valueOf(r[scen]))
                    || year >= 0 && !String.valueOf(r[year]).equals(first)) {
                continue;
            }
            boolean[] m = model.masked().get(k);
            byArea.put(
                    String.valueOf(r[area]),
                    new Cost(
                            String.valueOf(r[area]),
                            name < 0 ? String.valueOf(r[area]) : String.valueOf(r[name]),
                            BenchmarkView.num(r[shortfall]),
                            surplus < 0 ? null : BenchmarkView.num(r[surplus]),
                            BenchmarkView.num(r[cost]),
                            m[shortfall] || m[cost]));
        }
        List<Cost> out = new ArrayList<>();
        for (String c : codes) {
            if (byArea.containsKey(c)) {
                out.add(byArea.get(c));
            }
        }
        return out;
    }

    /** £ a year, to the nearest £1,000 above £10,000 (the model is not more precise than that). */
    static String pounds(Double gbp) {
        if (gbp == null) {
            return "–";
        }
        if (Math.abs(gbp) >= 1_000_000) {
            return String.format(java.util.Locale.UK, "£%.1fm", gbp / 1_000_000);
        }
        double rounded = Math.abs(gbp) >= 10_000 ? Math.round(gbp / 1000.0) * 1000.0 : Math.round(gbp);
        return String.format(java.util.Locale.UK, "£%,.0f", rounded);
    }

    public static Result of(PublishedTable model, String areaCode) {
        if (model == null) {
            return new Result(
                    List.of(),
                    null,
                    "The workforce model (gold.workforce_model) is not in the lake yet, so the gap by profession cannot be shown.");
        }
        int area = model.index("area_code");
        int prof = first(model, "profession_label", "profession");
        int gap = first(model, "gap_wte", "wte_gap", "gap");
        if (area < 0 || prof < 0 || gap < 0) {
            return new Result(
                    List.of(),
                    null,
                    "gold.workforce_model has no area_code, profession or gap_wte column, so the gap by profession cannot be shown.");
        }
        int req = first(model, "required_wte");
        int avail = first(model, "available_wte");
        int scen = first(model, "scenario");
        int year = first(model, "year");
        String yearWanted = null;
        for (Object[] r : model.rows()) {
            if (!areaCode.equals(String.valueOf(r[area])) || scen >= 0 && !"baseline".equals(String.valueOf(r[scen]))) {
                continue;
            }
            String y = year < 0 ? "" : String.valueOf(r[year]);
            if (yearWanted == null || y.compareTo(yearWanted) < 0) {
                yearWanted = y;
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int k = 0; k < model.rows().size(); k++) {
            Object[] r = model.rows().get(k);
            if (!areaCode.equals(String.valueOf(r[area])) || scen >= 0 && !"baseline".equals(String.valueOf(r[scen]))) {
                continue;
            }
            if (year >= 0 && !String.valueOf(r[year]).equals(yearWanted)) {
                continue;
            }
            String p = String.valueOf(r[prof]);
            if (p.equalsIgnoreCase("all") || p.toLowerCase().startsWith("all ")) {
                continue;
            }
            bars.add(new Bar(
                    p,
                    req < 0 ? null : BenchmarkView.num(r[req]),
                    avail < 0 ? null : BenchmarkView.num(r[avail]),
                    BenchmarkView.num(r[gap]),
                    model.masked().get(k)[gap]));
        }
        if (bars.isEmpty()) {
            return new Result(List.of(), null, "gold.workforce_model has no baseline rows for this area.");
        }
        bars.sort(Comparator.comparing((Bar b) -> b.gap() == null ? Double.NEGATIVE_INFINITY : b.gap())
                .reversed());
        String caption = "Baseline scenario" + (year >= 0 ? ", " + yearWanted : "") + " (gold.workforce_model version "
                + model.version() + ")";
        return new Result(bars, caption, null);
    }

    /**
     * Vacant funded WTE by profession from gold.workforce_ratios (all staff groups, latest period): what
     * the report shows until the model exists. Null when the table lacks the columns.
     */
    public static Result vacancies(PublishedTable ratios, String areaCode) {
        if (ratios == null) {
            return null;
        }
        int area = ratios.index("area_code");
        int prof = first(ratios, "profession_label", "profession");
        int code = ratios.index("profession");
        int group = ratios.index("staff_group");
        int vac = ratios.index("vacancy_wte");
        int funded = ratios.index("wte_funded");
        int inPost = ratios.index("wte_in_post");
        int per = ratios.index("period");
        if (area < 0 || prof < 0 || code < 0 || vac < 0) {
            return null;
        }
        String latest = null;
        for (Object[] r : ratios.rows()) {
            if (per >= 0 && (latest == null || String.valueOf(r[per]).compareTo(latest) > 0)) {
                latest = String.valueOf(r[per]);
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int k = 0; k < ratios.rows().size(); k++) {
            Object[] r = ratios.rows().get(k);
            if (!areaCode.equals(String.valueOf(r[area])) || "all".equals(String.valueOf(r[code]))) {
                continue;
            }
            if (group >= 0 && !"all".equals(String.valueOf(r[group]))) {
                continue;
            }
            if (per >= 0 && !String.valueOf(r[per]).equals(latest)) {
                continue;
            }
            Double v = BenchmarkView.num(r[vac]);
            if (v == null || v == 0) {
                continue;
            }
            bars.add(new Bar(
                    String.valueOf(r[prof]),
                    funded < 0 ? null : BenchmarkView.num(r[funded]),
                    inPost < 0 ? null : BenchmarkView.num(r[inPost]),
                    v,
                    ratios.masked().get(k)[vac]));
        }
        bars.sort(Comparator.comparing((Bar b) -> b.gap() == null ? Double.NEGATIVE_INFINITY : b.gap())
                .reversed());
        return new Result(
                bars,
                "workforce position " + latest + " (gold.workforce_ratios version " + ratios.version() + ")",
                null);
    }

    private static int first(PublishedTable t, String... names) {
        for (String n : names) {
            if (t.index(n) >= 0) {
                return t.index(n);
            }
        }
        return -1;
    }

    /** @param diverging label the two sides of the axis (a gap can be negative; vacancies cannot) */
    public static String svg(List<Bar> bars, double width, boolean diverging) {
        double rowH = 18;
        double nameW = 170;
        double valW = 60;
        double top = 8;
        double max = 0;
        for (Bar b : bars) {
            if (b.gap() != null) {
                max = Math.max(max, Math.abs(b.gap()));
            }
        }
        if (max == 0) {
            max = 1;
        }
        double plotW = width - nameW - valW;
        double zero = nameW + plotW / 2;
        double h = top + bars.size() * rowH + 20;
        StringBuilder s = new StringBuilder(
                        "<svg class=\"gap\" role=\"img\" aria-label=\"Workforce gap by profession\" viewBox=\"0 0 ")
                .append(Fmt.xy(width))
                .append(' ')
                .append(Fmt.xy(h))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        double y = top;
        for (Bar b : bars) {
            double cy = y + rowH / 2;
            s.append(SpineChart.text(nameW - 6, cy + 3.5, BarChart.shorten(label(b.profession()), 30), "lab", "end"));
            if (b.gap() == null) {
                s.append(SpineChart.text(
                        zero + 4, cy + 3.5, b.withheld() ? "* suppressed" : "no value", "note", "start"));
            } else {
                double w = Math.abs(b.gap()) / max * (plotW / 2 - 4);
                double x = b.gap() >= 0 ? zero : zero - w;
                s.append("<rect class=\"bar\" x=\"")
                        .append(Fmt.xy(x))
                        .append("\" y=\"")
                        .append(Fmt.xy(y + 3))
                        .append("\" width=\"")
                        .append(Fmt.xy(Math.max(w, 0.5)))
                        .append("\" height=\"")
                        .append(Fmt.xy(rowH - 6))
                        .append("\" fill=\"")
                        .append(b.gap() >= 0 ? "#c00000" : "#4c9a2a")
                        .append("\"/>\n");
                s.append(SpineChart.text(
                        width - 4, cy + 3.5, (b.gap() > 0 ? "+" : "") + Fmt.value(b.gap()) + " WTE", "val", "end"));
            }
            y += rowH;
        }
        s.append("<line x1=\"")
                .append(Fmt.xy(zero))
                .append("\" y1=\"")
                .append(Fmt.xy(top - 2))
                .append("\" x2=\"")
                .append(Fmt.xy(zero))
                .append("\" y2=\"")
                .append(Fmt.xy(y + 2))
                .append("\" stroke=\"#212b32\"/>\n");
        if (diverging) {
            s.append(SpineChart.text(zero - 6, y + 14, "◀ more than needed", "note", "end"));
            s.append(SpineChart.text(zero + 6, y + 14, "shortfall ▶", "note", "start"));
        }
        return s.append("</svg>").toString();
    }

    static String label(String code) {
        String s = code.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
