package org.rehabmap.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pack's second document, inequalities.html: gold.inequalities for the pack's own area (the
 * alliance, or London) at each indicator's latest period, every group's value and 95% interval
 * drawn against the area's whole value, by deprivation quintile, age band, sex and tumour group, with
 * the quintile 1 − 5 gap. A document of its own because the report must print on four A4 sides.
 */
final class InequalitiesReport {
    static final String FILE = "inequalities.html";
    static final String TABLE = "inequalities";
    private static final List<String> BREAKDOWNS = List.of("deprivation_quintile", "age_band", "sex", "tumour_group");
    private static final Map<String, String> TITLES = Map.of(
            "deprivation_quintile",
            "By deprivation quintile of the residence borough (area-based: 1 = most deprived boroughs by IMD 2019)",
            "age_band",
            "By age band",
            "sex",
            "By sex",
            "tumour_group",
            "By tumour group");
    private static final double W = 220;

    private final ReportContext ctx;

    InequalitiesReport(ReportContext ctx) {
        this.ctx = ctx;
    }

    /** The table the document is drawn from, or null when the run published none. */
    static PublishedTable find(List<PublishedTable> tables) {
        for (PublishedTable t : tables) {
            if (t.name().equals(TABLE)) {
                return t;
            }
        }
        return null;
    }

    /** @return rows of gold.inequalities drawn */
    long write(Pack pack, PublishedTable table, String runId, String date, Path file) throws IOException {
        return write(pack, table, null, runId, date, file);
    }

    /**
     * With the asset-map view ({@link AssetMapView}) after the breakdowns when {@code assetMap} is not null.
     *
     * @return rows of gold.inequalities and gold.asset_map drawn
     */
    long write(Pack pack, PublishedTable table, PublishedTable assetMap, String runId, String date, Path file)
            throws IOException {
        int id = table.index("indicator_id");
        int period = table.index("period");
        int area = table.index("area_code");
        Map<String, String> latest = new LinkedHashMap<>();
        for (Object[] r : table.rows()) {
            if (pack.code().equals(r[area])) {
                String i = String.valueOf(r[id]);
                String p = String.valueOf(r[period]);
                if (!latest.containsKey(i) || latest.get(i).compareTo(p) < 0) {
                    latest.put(i, p);
                }
            }
        }
        StringBuilder b = new StringBuilder(100_000);
        b.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Inequalities – ")
                .append(Html.esc(pack.name()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append(AssetMapView.CSS)
                .append(
                        "</style></head>\n<body>\n<header><div class=\"kicker\">Cancer rehabilitation benchmark pack</div>")
                .append("<h1>Who is left out: ")
                .append(Html.esc(pack.name()))
                .append("</h1><div class=\"meta\">Data as of ")
                .append(Html.esc(date))
                .append(" · run ")
                .append(Html.esc(runId))
                .append(" · <a href=\"")
                .append(HtmlReport.FILE)
                .append("\">back to the report</a></div></header>\n")
                .append("<p>Each group's value (dot) and 95% confidence interval (line) against ")
                .append(Html.esc(pack.name()))
                .append(
                        "'s own value (dashed line). A group is <b>higher</b> or <b>lower</b> only when its interval lies "
                                + "wholly on one side of the area's value; this says nothing about better or worse. The deprivation "
                                + "quintile is area-based: the quintile of the borough a person lives in among London's 33 by IMD 2019 "
                                + "average score, not the person's own deprivation. * = suppressed to protect small numbers.</p>\n");
        long drawn = 0;
        if (latest.isEmpty()) {
            b.append(
                    "<p class=\"empty\">No inequality breakdowns have been published for this area in this run.</p>\n");
        }
        for (Map.Entry<String, String> e : latest.entrySet()) {
            b.append("<section><h2>")
                    .append(Html.esc(ctx.catalogue().title(e.getKey())))
                    .append(" <span class=\"unit\">")
                    .append(Html.esc(ctx.catalogue().unit(e.getKey())))
                    .append(", ")
                    .append(Html.esc(e.getValue()))
                    .append("</span></h2>\n");
            for (String breakdown : BREAKDOWNS) {
                List<Object[]> rows = new ArrayList<>();
                for (Object[] r : table.rows()) {
                    if (pack.code().equals(r[area])
                            && e.getKey().equals(r[id])
                            && e.getValue().equals(r[period])
                            && breakdown.equals(r[table.index("breakdown")])) {
                        rows.add(r);
                    }
                }
                if (rows.isEmpty()) {
                    continue;
                }
                drawn += rows.size();
                b.append(group(table, breakdown, rows));
            }
            b.append("</section>\n");
        }
        if (assetMap != null) {
            AssetMapView.Section view = AssetMapView.section(pack, assetMap);
            b.append(view.html());
            drawn += view.rows();
        }
        b.append(
                        "<p class=\"small\">Source: gold.inequalities (docs/methods.md, \"gold.inequalities\"). Gap: quintile 1 "
                                + "minus quintile 5 in percentage points, with Newcombe's hybrid score 95% interval. Contains public "
                                + "sector information licensed under the Open Government Licence v3.0.</p>\n")
                .append("</body></html>\n");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return drawn;
    }

    private String group(PublishedTable t, String breakdown, List<Object[]> rows) {
        StringBuilder b = new StringBuilder();
        b.append("<h3>")
                .append(Html.esc(TITLES.get(breakdown)))
                .append(
                        "</h3>\n<table><thead><tr><th>Group</th><th class=\"n\">Value</th><th class=\"n\">95% interval</th>")
                .append("<th>Against the area</th><th class=\"n\">Count</th><th>Compared</th></tr></thead><tbody>\n");
        for (Object[] r : rows) {
            String code = String.valueOf(r[t.index("breakdown_code")]);
            boolean gap = code.startsWith("gap_");
            Double v = num(r[t.index("value")]);
            Double lo = num(r[t.index("lower_ci95")]);
            Double hi = num(r[t.index("upper_ci95")]);
            Double whole = num(r[t.index("area_value")]);
            boolean suppressed = Boolean.TRUE.equals(r[t.index("suppressed")]);
            Significance s = Significance.of(r[t.index("significance")]);
            b.append("<tr")
                    .append(gap ? " class=\"gap\"" : "")
                    .append("><th>")
                    .append(Html.esc(String.valueOf(r[t.index("breakdown_label")])))
                    .append("</th><td class=\"n\">")
                    .append(suppressed && v == null ? "*" : Html.esc(Fmt.value(v)))
                    .append("</td><td class=\"n\">")
                    .append(lo == null ? "" : Html.esc(Fmt.value(lo) + " – " + Fmt.value(hi)))
                    .append("</td><td>")
                    .append(gap ? "" : whisker(v, lo, hi, whole, s))
                    .append("</td><td class=\"n\">")
                    .append(count(r[t.index("numerator")], suppressed))
                    .append(" / ")
                    .append(count(r[t.index("denominator")], suppressed))
                    .append("</td><td><span class=\"chip\" style=\"")
                    .append(HtmlReport.chipStyle(s))
                    .append("\">")
                    .append(Html.esc(label(s, gap)))
                    .append("</span></td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static String label(Significance s, boolean gap) {
        return switch (s) {
            case HIGHER -> gap ? "quintile 1 higher" : "higher than the area";
            case LOWER -> gap ? "quintile 1 lower" : "lower than the area";
            case SIMILAR -> gap ? "no clear gap" : "similar";
            default -> "not compared";
        };
    }

    private static String count(Object v, boolean suppressed) {
        if (v == null) {
            return suppressed ? "*" : "–";
        }
        return Html.esc(String.valueOf(v));
    }

    /** The group's dot and interval on a 0–100 scale, the area's value dashed. */
    private static String whisker(Double v, Double lo, Double hi, Double whole, Significance s) {
        StringBuilder b = new StringBuilder("<svg class=\"w\" width=\"")
                .append(Fmt.xy(W))
                .append("\" height=\"14\" viewBox=\"0 0 ")
                .append(Fmt.xy(W))
                .append(" 14\" role=\"img\"><line x1=\"0\" y1=\"7\" x2=\"")
                .append(Fmt.xy(W))
                .append("\" y2=\"7\" stroke=\"#d8dde0\"/>");
        if (lo != null && hi != null) {
            b.append("<line x1=\"")
                    .append(Fmt.xy(x(lo)))
                    .append("\" y1=\"7\" x2=\"")
                    .append(Fmt.xy(x(hi)))
                    .append("\" y2=\"7\" stroke=\"#212b32\" stroke-width=\"2\"/>");
        }
        if (v != null) {
            b.append("<circle cx=\"")
                    .append(Fmt.xy(x(v)))
                    .append("\" cy=\"7\" r=\"4\" fill=\"#")
                    .append(s == Significance.NOT_COMPARED ? "768692" : s.fill)
                    .append("\" stroke=\"#212b32\"/>");
        }
        if (whole != null) {
            b.append("<line x1=\"")
                    .append(Fmt.xy(x(whole)))
                    .append("\" y1=\"0\" x2=\"")
                    .append(Fmt.xy(x(whole)))
                    .append("\" y2=\"14\" stroke=\"#d5281b\" stroke-dasharray=\"2,2\"/>");
        }
        return b.append("</svg>").toString();
    }

    private static double x(double pct) {
        return Math.max(0, Math.min(100, pct)) / 100.0 * W;
    }

    private static Double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static final String CSS =
            "body{font-family:Arial,Helvetica,sans-serif;color:#212b32;max-width:980px;margin:1.5rem "
                    + "auto;padding:0 1rem;line-height:1.4;font-size:14px}\n"
                    + "header{border-bottom:4px solid #005eb8;margin-bottom:1rem}.kicker{color:#4c6272;font-size:.85rem}"
                    + "h1{color:#005eb8;margin:.2rem 0}.meta{color:#4c6272;font-size:.85rem;padding-bottom:.5rem}\n"
                    + "h2{font-size:1.15rem;border-bottom:2px solid #005eb8;margin-top:1.8rem}.unit{color:#4c6272;font-weight:normal;"
                    + "font-size:.85rem}h3{font-size:.95rem;margin:1rem 0 .3rem}\n"
                    + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.2rem .4rem;border-bottom:1px solid "
                    + "#d8dde0;font-size:.85rem}thead th{background:#f0f4f5}td.n,th.n{text-align:right;white-space:nowrap}\n"
                    + "tr.gap th,tr.gap td{background:#f8f8f8;font-style:italic}.chip{padding:.05rem .4rem;border-radius:3px;"
                    + "font-size:.78rem;white-space:nowrap}\n"
                    + ".small{color:#4c6272;font-size:.8rem}.empty{color:#4c6272}a{color:#005eb8}svg.w{vertical-align:middle}\n"
                    + "@media print{section{break-inside:avoid-page}h3,table{break-inside:avoid}}\n";
}
