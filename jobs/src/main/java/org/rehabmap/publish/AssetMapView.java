package org.rehabmap.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The asset-map view of inequalities.html: gold.asset_map for the pack's boroughs (and the pack's own area
 * on top), one row per area and one column per HNA concern domain, each cell coloured by the share of
 * high-distress concerns left without action, with the number of services meeting the domain and the gaps
 * (concerns raised, no service) marked. In the second document because the report prints on four A4 sides.
 */
final class AssetMapView {
    static final String TABLE = "asset_map";
    /** Lightest to darkest: 0–20, 20–40, 40–60, 60–80, 80–100% left without action. */
    private static final String[] FILL = {"f1f4f8", "c6dbef", "9ecae1", "4292c6", "08519c"};

    private AssetMapView() {}

    /** The table the view is drawn from, or null when the run published none. */
    static PublishedTable find(List<PublishedTable> tables) {
        for (PublishedTable t : tables) {
            if (t.name().equals(TABLE)) {
                return t;
            }
        }
        return null;
    }

    /** The view's HTML section and how many rows of the table it drew. */
    record Section(String html, long rows) {}

    static Section section(Pack pack, PublishedTable t) {
        int area = t.index("area_code");
        int level = t.index("area_level");
        Map<String, String> domains = new TreeMap<>();
        Map<String, String> areas = new LinkedHashMap<>();
        Map<String, Object[]> cells = new LinkedHashMap<>();
        List<Object[]> mine = new ArrayList<>();
        for (Object[] r : t.rows()) {
            String code = String.valueOf(r[area]);
            boolean own = pack.code().equals(code);
            if (own || ("borough".equals(r[level]) && pack.areaCodes().contains(code))) {
                mine.add(r);
            }
        }
        // the pack's own area first, then its boroughs by name
        mine.sort((a, b) -> {
            boolean oa = pack.code().equals(a[area]);
            boolean ob = pack.code().equals(b[area]);
            if (oa != ob) {
                return oa ? -1 : 1;
            }
            return String.valueOf(a[t.index("area_name")]).compareTo(String.valueOf(b[t.index("area_name")]));
        });
        for (Object[] r : mine) {
            String code = String.valueOf(r[area]);
            String domain = String.valueOf(r[t.index("domain_code")]);
            domains.put(domain, String.valueOf(r[t.index("domain")]));
            areas.putIfAbsent(code, String.valueOf(r[t.index("area_name")]));
            cells.put(code + "|" + domain, r);
        }
        StringBuilder b = new StringBuilder();
        b.append("<section><h2>Asset map: concerns raised against the services that meet them</h2>\n");
        if (mine.isEmpty()) {
            return new Section(
                    b.append(
                                    "<p class=\"empty\">No asset map has been published for this area in this run.</p></section>\n")
                            .toString(),
                    0);
        }
        Object[] first = mine.get(0);
        b.append("<p>HNA concern domains by area: the colour is the share of high-distress concerns raised in ")
                .append(Html.esc(first[t.index("period")]))
                .append(" that were left without action; the figure below it is the number of active services (")
                .append(Html.esc(first[t.index("return_period")]))
                .append(") whose linked professions meet the domain, with how many take self-referrals. ")
                .append(
                        "<b class=\"gapmark\">Gap</b> = high-distress concerns raised and no service meets the domain. ")
                .append("* = suppressed to protect small numbers.</p>\n")
                .append("<table class=\"assets\"><thead><tr><th>Area</th>");
        for (String d : domains.values()) {
            b.append("<th class=\"n\">").append(Html.esc(d)).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (Map.Entry<String, String> a : areas.entrySet()) {
            b.append("<tr><th>").append(Html.esc(a.getValue())).append("</th>");
            for (String d : domains.keySet()) {
                b.append(cell(t, cells.get(a.getKey() + "|" + d)));
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n<p class=\"small\">Left without action: ");
        for (int i = 0; i < FILL.length; i++) {
            b.append("<span class=\"chip\" style=\"background:#")
                    .append(FILL[i])
                    .append(i >= 3 ? ";color:#fff" : "")
                    .append("\">")
                    .append(i * 20)
                    .append("–")
                    .append((i + 1) * 20)
                    .append("%</span> ");
        }
        b.append(
                        "<span class=\"chip\" style=\"background:#fff;border:1px solid #d8dde0\">none raised or withheld</span>. ")
                .append(
                        "Source: gold.asset_map (docs/methods.md, \"gold.asset_map\"); a service meets a domain through the ")
                .append("professions of its linked workforce and the concern → profession mapping.</p></section>\n");
        return new Section(b.toString(), mine.size());
    }

    private static String cell(PublishedTable t, Object[] r) {
        if (r == null) {
            return "<td></td>";
        }
        Double pct = r[t.index("unaddressed_high_distress_pct")] instanceof Number n ? n.doubleValue() : null;
        boolean suppressed = Boolean.TRUE.equals(r[t.index("suppressed")]);
        boolean gap = Boolean.TRUE.equals(r[t.index("gap")]);
        Object services = r[t.index("services_meeting")];
        Object self = r[t.index("self_referral_services")];
        StringBuilder b = new StringBuilder("<td class=\"n");
        b.append(gap ? " gap" : "").append("\"");
        if (pct != null) {
            int bin = Math.min(FILL.length - 1, (int) Math.floor(Math.max(0, pct) / 20.0));
            b.append(" style=\"background:#")
                    .append(FILL[bin])
                    .append(bin >= 3 ? ";color:#fff" : "")
                    .append("\"");
        }
        b.append(">");
        if (pct != null) {
            b.append("<b>").append(Html.esc(Fmt.value(pct))).append("%</b>");
        } else {
            b.append(suppressed && r[t.index("high_distress_concerns")] == null ? "*" : "–");
        }
        b.append("<br><span class=\"svc\">")
                .append(Html.esc(services))
                .append(" service")
                .append("1".equals(String.valueOf(services)) ? "" : "s")
                .append(", ")
                .append(Html.esc(self))
                .append(" self-ref.</span>");
        if (gap) {
            b.append("<br><b class=\"gapmark\">Gap</b>");
        }
        return b.append("</td>").toString();
    }

    static final String CSS =
            "table.assets td{vertical-align:top;min-width:5.5rem}table.assets td.gap{outline:2px solid "
                    + "#d5281b;outline-offset:-2px}.svc{font-size:.75rem}.gapmark{color:#d5281b}\n";
}
