package org.rehabmap.publish;

import org.rehabmap.gold.Geography;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pack's report: one self-contained HTML file (inline CSS and SVG, nothing fetched) that prints
 * on four A4 pages: (1) headline indicators and key messages; (2) a spine chart of the pack's areas
 * against London and a borough table; (3) bar charts with 95% interval whiskers; (4) a London map,
 * the workforce gap by profession, and notes with sources and the licence.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private final ReportContext ctx;
    /** Whether the pack holds inequalities.html, which the opening paragraph then points to. */
    private boolean inequalitiesLink;

    private static final String INEQUALITIES_LINK = " Who is left out, by deprivation, age, sex and tumour group: "
            + "<a href=\"" + InequalitiesReport.FILE + "\">the inequalities view</a>.";

    public HtmlReport(ReportContext ctx) {
        this.ctx = ctx;
    }

    /** What the report drew on: rows of gold used, and the Delta versions. */
    public record Drawn(long rows, Map<String, Long> builtFrom) {}

    public Drawn write(Pack pack, List<PublishedTable> tables, String runId, String date, Path file)
            throws IOException {
        PublishedTable bench = find(tables, "benchmarks");
        PublishedTable model = find(tables, "workforce_model");
        PublishedTable ratios = find(tables, "workforce_ratios");
        inequalitiesLink = InequalitiesReport.find(tables) != null;
        BenchmarkView view = BenchmarkView.of(bench, ctx.geography().londonCode());
        Map<String, Long> from = new LinkedHashMap<>();
        long rows = 0;
        if (bench != null) {
            from.put(bench.qualifiedName(), bench.version());
            rows += view.rowsUsed();
        }
        WorkforceGap.Result gap = WorkforceGap.of(model, pack.code());
        List<WorkforceGap.Cost> costs = WorkforceGap.costs(model, costedAreas(pack));
        if (model != null) {
            from.put(model.qualifiedName(), model.version());
            rows += gap.bars().size();
        }
        StringBuilder b = new StringBuilder(200_000);
        head(b, pack);
        pageOne(b, pack, view, runId, date);
        pageTwo(b, pack, view);
        pageThree(b, pack, view);
        WorkforceGap.Result vacancies = model == null ? WorkforceGap.vacancies(ratios, pack.code()) : null;
        if (vacancies != null && !vacancies.bars().isEmpty()) {
            from.put(ratios.qualifiedName(), ratios.version());
            rows += vacancies.bars().size();
        }
        pageFour(b, pack, view, gap, vacancies, costs);
        b.append(SELF_CHECK).append("</body></html>\n");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return new Drawn(rows, from);
    }

    /** The pack's own area and its STPs: whose costed gap page four shows (boroughs would not fit the page). */
    private List<String> costedAreas(Pack pack) {
        List<String> out = new ArrayList<>(List.of(pack.code()));
        for (Geography.Area a : ctx.geography().ofLevel("stp")) {
            if (pack.areaCodes().contains(a.code())) {
                out.add(a.code());
            }
        }
        return out;
    }

    /** Shortfall WTE and its cost a year by area: what closing the gap costs, a surplus never netted against it. */
    private static void costTable(StringBuilder b, List<WorkforceGap.Cost> costs) {
        if (costs.isEmpty()) {
            return;
        }
        b.append(
                "<h3>Cost of closing the gap</h3>\n<table class=\"cost\"><thead><tr><th>Area</th><th>Shortfall WTE</th>"
                        + "<th>£ a year</th><th>Surplus WTE</th></tr></thead><tbody>\n");
        for (WorkforceGap.Cost c : costs) {
            b.append("<tr><th>")
                    .append(Html.esc(c.areaName()))
                    .append("</th><td>")
                    .append(c.withheld() ? "*" : Html.esc(Fmt.value(c.shortfallWte())))
                    .append("</td><td>")
                    .append(c.withheld() ? "*" : Html.esc(WorkforceGap.pounds(c.shortfallGbp())))
                    .append("</td><td>")
                    .append(c.withheld() ? "*" : Html.esc(Fmt.value(c.surplusWte())))
                    .append("</td></tr>\n");
        }
        b.append(
                "</tbody></table>\n<p class=\"small\">All professions, baseline scenario, first modelled year: the "
                        + "professions' shortfalls added (a surplus of one profession does not meet another's need), costed at "
                        + "Agenda for Change pay with London's high-cost-area supplement and on-costs (gold.workforce_model).</p>\n");
    }

    private static PublishedTable find(List<PublishedTable> tables, String name) {
        for (PublishedTable t : tables) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private List<String> headline(BenchmarkView view) {
        List<String> out = new ArrayList<>();
        for (String id : ctx.headline()) {
            if (view.has(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private void head(StringBuilder b, Pack pack) {
        b.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Cancer rehabilitation benchmark pack – ")
                .append(Html.esc(pack.name()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style></head>\n<body>\n");
    }

    private void pageOne(StringBuilder b, Pack pack, BenchmarkView view, String runId, String date) {
        b.append("<section class=\"page\" id=\"headlines\">\n<header class=\"band\"><div class=\"kicker\">Cancer "
                        + "rehabilitation benchmark pack</div>")
                .append("<h1>")
                .append(Html.esc(pack.name()))
                .append("</h1><div class=\"meta\">Data as of ")
                .append(Html.esc(date))
                .append(" · run ")
                .append(Html.esc(runId))
                .append(" · London cancer rehabilitation mapping (rehabmap)</div></header>\n");
        b.append("<p class=\"lead\">")
                .append(
                        pack.isLondon()
                                ? "How London's cancer rehabilitation workforce, needs and services look, and how its STPs and "
                                        + "boroughs compare."
                                : "How " + Html.esc(pack.name())
                                        + " compares with London on cancer rehabilitation workforce, needs and services. "
                                        + "Comparisons use 95% confidence intervals: an area is better or worse only when "
                                        + "its interval lies wholly on one side of London's value.")
                .append(inequalitiesLink ? INEQUALITIES_LINK : "")
                .append("</p>\n");
        b.append(legend());
        b.append("<h2>Headline indicators</h2>\n");
        List<String> ids = headline(view);
        if (ids.isEmpty()) {
            b.append("<p class=\"empty\">No benchmark indicators have been published in this run.</p>\n");
        }
        b.append("<div class=\"tiles\">\n");
        int n = 1;
        for (String id : ids) {
            BenchmarkView.Point p = view.get(id, pack.code());
            Double london = view.london(id);
            Significance sig = p == null || pack.isLondon() ? Significance.NOT_COMPARED : p.significance();
            b.append("<div class=\"tile\"><div class=\"t-title\">")
                    .append(n++)
                    .append(". ")
                    .append(Html.esc(ctx.catalogue().title(id)))
                    .append("</div>")
                    .append("<div class=\"t-value\">")
                    .append(p == null ? "–" : p.withheld() ? "*" : Html.esc(Fmt.value(p.value())))
                    .append("</div><div class=\"unit\">")
                    .append(Html.esc(ctx.catalogue().unit(id)))
                    .append("</div>");
            if (pack.isLondon()) {
                List<BenchmarkView.Point> stps = view.atLevel(id, "stp").stream()
                        .filter(x -> x.value() != null)
                        .toList();
                if (!stps.isEmpty()) {
                    double lo = stps.stream()
                            .mapToDouble(BenchmarkView.Point::value)
                            .min()
                            .orElse(0);
                    double hi = stps.stream()
                            .mapToDouble(BenchmarkView.Point::value)
                            .max()
                            .orElse(0);
                    b.append("<div class=\"t-cmp\">STPs range ")
                            .append(Fmt.value(lo))
                            .append(" to ")
                            .append(Fmt.value(hi))
                            .append("</div>");
                }
            } else {
                b.append("<div class=\"t-cmp\">London ")
                        .append(Html.esc(Fmt.value(london)))
                        .append(" <span class=\"chip\" style=\"")
                        .append(chipStyle(sig))
                        .append("\">")
                        .append(Html.esc(sig == Significance.NOT_COMPARED ? "not compared" : sig.code))
                        .append("</span></div>");
            }
            b.append("<div class=\"t-period\">")
                    .append(Html.esc(view.period(id)))
                    .append("</div></div>\n");
        }
        b.append("</div>\n");
        List<String> missing =
                ctx.headline().stream().filter(id -> !view.has(id)).toList();
        if (!missing.isEmpty() && !view.isEmpty()) {
            b.append("<p class=\"small\">Not available in this run: ")
                    .append(Html.esc(String.join(
                            ", ", missing.stream().map(ctx.catalogue()::title).toList())))
                    .append(".</p>\n");
        }
        b.append("<h2>Key messages</h2>\n<ul class=\"messages\">\n");
        for (String m : messages(pack, view, ids)) {
            b.append("<li>").append(m).append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    /** Plain sentences from the comparisons: what stands out, with the numbers. */
    private List<String> messages(Pack pack, BenchmarkView view, List<String> ids) {
        List<String> out = new ArrayList<>();
        int better = 0;
        int worse = 0;
        int similar = 0;
        List<String> worseItems = new ArrayList<>();
        List<String> betterItems = new ArrayList<>();
        int withheld = 0;
        for (String id : ids) {
            for (String code : pack.areaCodes()) {
                BenchmarkView.Point p = view.get(id, code);
                if (p == null) {
                    continue;
                }
                if (p.withheld()) {
                    withheld++;
                }
                if (code.equals(pack.code()) && !pack.isLondon()) {
                    if (p.significance() == Significance.BETTER) {
                        better++;
                    } else if (p.significance() == Significance.WORSE) {
                        worse++;
                    } else if (p.significance() == Significance.SIMILAR) {
                        similar++;
                    }
                }
                if (p.level().equals("alliance") || p.level().equals("london")) {
                    continue;
                }
                String item = "<strong>" + Html.esc(p.areaName()) + "</strong> on "
                        + Html.esc(ctx.catalogue().title(id).toLowerCase()) + " (" + Html.esc(Fmt.value(p.value()))
                        + " against London's " + Html.esc(Fmt.value(view.london(id))) + ")";
                if (p.significance() == Significance.WORSE) {
                    worseItems.add(item);
                }
                if (p.significance() == Significance.BETTER) {
                    betterItems.add(item);
                }
            }
        }
        if (!pack.isLondon() && better + worse + similar > 0) {
            out.add("Of the headline indicators London can be compared on, " + Html.esc(pack.name())
                    + " is <strong>better</strong> on " + better + ", <strong>worse</strong> on " + worse
                    + " and similar on " + similar + ".");
        }
        if (!worseItems.isEmpty()) {
            out.add("Significantly worse than London: "
                    + String.join("; ", worseItems.subList(0, Math.min(3, worseItems.size())))
                    + (worseItems.size() > 3 ? "; and " + (worseItems.size() - 3) + " more (page 2)" : "") + ".");
        }
        if (!betterItems.isEmpty()) {
            out.add("Significantly better than London: "
                    + String.join("; ", betterItems.subList(0, Math.min(2, betterItems.size())))
                    + (betterItems.size() > 2 ? "; and " + (betterItems.size() - 2) + " more (page 2)" : "") + ".");
        }
        if (worseItems.isEmpty() && betterItems.isEmpty()) {
            out.add(
                    "No STP or borough in this pack differs significantly from London on the headline indicators with confidence "
                            + "intervals.");
        }
        out.add(
                "Indicators without a confidence interval (workforce ratios, service coverage, the unmet-need index) are shown "
                        + "against London but not called better or worse.");
        if (withheld > 0) {
            out.add(withheld + " headline value(s) in this pack are suppressed (*) to protect small numbers.");
        }
        return out;
    }

    private void pageTwo(StringBuilder b, Pack pack, BenchmarkView view) {
        List<String> ids = headline(view);
        b.append("<section class=\"page\" id=\"spine\">\n<h2>How areas compare with London</h2>\n");
        List<SpineChart.Marked> marked = new ArrayList<>();
        int n = 1;
        if (!pack.isLondon()) {
            marked.add(new SpineChart.Marked(n++, pack.code(), pack.name() + " (alliance)"));
        }
        for (Geography.Area a : ctx.geography().ofLevel("stp")) {
            if (pack.areaCodes().contains(a.code())) {
                marked.add(new SpineChart.Marked(n++, a.code(), a.name()));
            }
        }
        b.append(
                        "<p class=\"small\">Each row is one indicator at its latest period. The red line is London; the grey bar "
                                + "is the range of London's boroughs (darker: the middle half). ")
                .append(
                        "Numbered circles are this pack's areas, coloured by their comparison with London; better is always to "
                                + "the right.</p>\n");
        b.append(SpineChart.svg(view, ctx.catalogue(), ids, marked));
        b.append("<div class=\"key\">");
        for (SpineChart.Marked m : marked) {
            b.append("<span><b class=\"num\">")
                    .append(m.number())
                    .append("</b> ")
                    .append(Html.esc(m.name()))
                    .append("</span>");
        }
        b.append("</div>\n");
        b.append("<h3>Boroughs</h3>\n<table class=\"rug\"><thead><tr><th>Borough</th>");
        for (int i = 1; i <= ids.size(); i++) {
            b.append("<th title=\"")
                    .append(Html.esc(ctx.catalogue().title(ids.get(i - 1))))
                    .append("\">")
                    .append(i)
                    .append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (Geography.Area a : ctx.geography().ofLevel("borough")) {
            if (!pack.areaCodes().contains(a.code())) {
                continue;
            }
            b.append("<tr><th>").append(Html.esc(a.name())).append("</th>");
            for (String id : ids) {
                BenchmarkView.Point p = view.get(id, a.code());
                if (p == null) {
                    b.append("<td>–</td>");
                } else {
                    Significance s = p.significance();
                    b.append("<td style=\"")
                            .append(chipStyle(s))
                            .append("\">")
                            .append(p.withheld() ? "*" : Html.esc(Fmt.value(p.value())))
                            .append(
                                    p.peer() == null
                                            ? ""
                                            : "<span class=\"peer\">" + Html.esc(Fmt.value(p.peer())) + "</span>")
                            .append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        b.append("<tr class=\"ldn\"><th>London</th>");
        for (String id : ids) {
            b.append("<td>").append(Html.esc(Fmt.value(view.london(id)))).append("</td>");
        }
        b.append(
                "</tr>\n</tbody></table>\n<p class=\"small\">Columns are the numbered indicators above. Coloured cells differ "
                        + "from London or are similar to it at 95%; white cells are not compared; * = suppressed. The small "
                        + "second figure is the borough's peer value: its 5 most similar boroughs taken together "
                        + "(gold.peer_groups, docs/methods.md).</p>\n</section>\n");
    }

    private void pageThree(StringBuilder b, Pack pack, BenchmarkView view) {
        b.append("<section class=\"page\" id=\"bars\">\n<h2>Indicators with confidence intervals</h2>\n")
                .append(
                        "<p class=\"small\">Boroughs at the latest period, highest first. Bars are coloured by the comparison "
                                + "with London at 95%; whiskers show the 95% confidence interval; the dashed line is "
                                + "London.</p>\n<div class=\"charts\">\n");
        int drawn = 0;
        List<Geography.Area> boroughs = ctx.geography().ofLevel("borough").stream()
                .filter(a -> pack.areaCodes().contains(a.code()))
                .toList();
        // London's 33 boroughs in three charts must still fit one printed page
        double rowH = boroughs.size() > 16 ? 10.5 : 16;
        for (String id : ctx.barCharts()) {
            if (!view.has(id)) {
                continue;
            }
            List<BenchmarkView.Point> pts = new ArrayList<>();
            for (Geography.Area a : boroughs) {
                BenchmarkView.Point p = view.get(id, a.code());
                if (p != null) {
                    pts.add(p);
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            b.append("<figure><figcaption>")
                    .append(Html.esc(ctx.catalogue().title(id)))
                    .append(" <span class=\"unit\">")
                    .append(Html.esc(ctx.catalogue().unit(id)))
                    .append(", ")
                    .append(Html.esc(view.period(id)))
                    .append("</span></figcaption>\n")
                    .append(BarChart.svg(ctx.catalogue().title(id), pts, view.london(id), 350, rowH))
                    .append("</figure>\n");
            drawn++;
        }
        if (drawn == 0) {
            b.append(
                    "<p class=\"empty\">None of the configured indicators with intervals has been published in this run.</p>\n");
        }
        b.append("</div>\n").append(legend()).append("</section>\n");
    }

    private void pageFour(
            StringBuilder b,
            Pack pack,
            BenchmarkView view,
            WorkforceGap.Result gap,
            WorkforceGap.Result vacancies,
            List<WorkforceGap.Cost> costs)
            throws IOException {
        String id = ctx.mapIndicator();
        b.append("<section class=\"page\" id=\"map\">\n<div class=\"two\">\n<div class=\"mapcol\"><h2>")
                .append(Html.esc(ctx.catalogue().title(id)))
                .append(" by borough</h2>\n");
        SvgMap map = SvgMap.load(ctx.referenceDir().resolve("london_boroughs.geojson"));
        List<BenchmarkView.Point> pts = view.atLevel(id, "borough");
        double[] breaks =
                SvgMap.breaks(pts.stream().map(BenchmarkView.Point::value).toList());
        Map<String, SvgMap.Shade> shades = new LinkedHashMap<>();
        for (BenchmarkView.Point p : pts) {
            shades.put(p.areaCode(), new SvgMap.Shade(p.value(), SvgMap.klass(p.value(), breaks), p.withheld()));
        }
        Set<String> outline = pack.isLondon() ? Set.of() : pack.areaCodes();
        b.append("<p class=\"small\">")
                .append(Html.esc(
                        view.period(id) == null
                                ? "Not published in this run."
                                : "Latest period " + view.period(id) + "; London " + Fmt.value(view.london(id)) + "."))
                .append(pack.isLondon() ? "" : " This pack's boroughs are outlined.")
                .append("</p>\n");
        b.append(map.svg(430, shades, outline, ctx.catalogue().title(id)));
        b.append("<div class=\"legend\">");
        if (breaks.length > 0) {
            List<Double> vals = pts.stream()
                    .map(BenchmarkView.Point::value)
                    .filter(v -> v != null)
                    .sorted()
                    .toList();
            for (int k = 0; k <= breaks.length; k++) {
                double lo = k == 0 ? vals.get(0) : breaks[k - 1];
                double hi = k == breaks.length ? vals.get(vals.size() - 1) : breaks[k];
                b.append("<span><i style=\"background:")
                        .append(SvgMap.PALETTE[k])
                        .append("\"></i>")
                        .append(Fmt.value(lo))
                        .append("–")
                        .append(Fmt.value(hi))
                        .append("</span>");
            }
        }
        b.append("<span><i style=\"background:")
                .append(SvgMap.NO_VALUE)
                .append("\"></i>no value / suppressed</span></div>\n")
                .append("<p class=\"attrib\">")
                .append(Html.esc(map.attribution()))
                .append("</p></div>\n");
        b.append("<div class=\"gapcol\"><h2>Workforce gap by profession</h2>\n");
        if (gap.missing() != null) {
            b.append("<p class=\"empty\">").append(Html.esc(gap.missing())).append("</p>\n");
            if (vacancies != null && !vacancies.bars().isEmpty()) {
                b.append("<h3>Meanwhile: vacant funded posts by profession</h3>\n<p class=\"small\">")
                        .append(Html.esc(pack.name()))
                        .append(": funded WTE minus WTE in post, ")
                        .append(Html.esc(vacancies.caption()))
                        .append(". Vacancies are the posts already funded, not the need the model will estimate.</p>\n")
                        .append(WorkforceGap.svg(vacancies.bars(), 330, false));
            }
        } else {
            b.append("<p class=\"small\">")
                    .append(Html.esc(pack.name()))
                    .append(": WTE needed minus WTE in post. ")
                    .append(Html.esc(gap.caption()))
                    .append(".</p>\n")
                    .append(WorkforceGap.svg(gap.bars(), 330, true));
            costTable(b, costs);
        }
        b.append("</div>\n</div>\n<h2>Notes</h2>\n<div class=\"notes\">\n");
        for (Notes.Section s : Notes.sections(ctx, true)) {
            b.append("<h3>").append(Html.esc(s.title())).append("</h3>\n");
            for (String p : s.paragraphs()) {
                b.append("<p>").append(Html.esc(p)).append("</p>\n");
            }
        }
        b.append("</div>\n</section>\n");
    }

    private static String legend() {
        StringBuilder b = new StringBuilder("<div class=\"legendbar\">");
        for (Significance s : Significance.values()) {
            b.append("<span class=\"chip\" style=\"")
                    .append(chipStyle(s))
                    .append("\">")
                    .append(Html.esc(s.label))
                    .append("</span>");
        }
        return b.append("<span class=\"chip\">* suppressed (small numbers)</span></div>\n")
                .toString();
    }

    static String chipStyle(Significance s) {
        if (s == Significance.NOT_COMPARED) {
            return "background:#ffffff;color:#212b32";
        }
        return "background:#" + s.fill + ";color:#" + s.text;
    }

    /** Checks, in the reader's browser, that the drawings have a size; the browser test reads the result. */
    private static final String SELF_CHECK = Resources.text("report-check.html");

    private static final String CSS = Resources.text("report.css");
}
