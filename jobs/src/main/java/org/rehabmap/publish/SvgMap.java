package org.rehabmap.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A London choropleth in SVG from the borough boundaries (GeoJSON, WGS84 lon/lat). London spans
 * half a degree, so an equirectangular projection with longitude scaled by cos(latitude) at the
 * map's centre is indistinguishable from a proper projection at this size, and needs no library.
 * Each borough is one {@code <path class="area" data-code=…>}; the pack's own boroughs are outlined.
 */
public final class SvgMap {
    /** One borough's fill class: its value and the colour class (-1 = no value or withheld). */
    public record Shade(Double value, int klass, boolean withheld) {}

    public static final String[] PALETTE = {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"};
    public static final String NO_VALUE = "#d8dde0";

    private record Feature(String code, String name, List<List<double[]>> rings) {}

    private final List<Feature> features = new ArrayList<>();
    private final String attribution;
    private double minLon = Double.MAX_VALUE;
    private double maxLon = -Double.MAX_VALUE;
    private double minLat = Double.MAX_VALUE;
    private double maxLat = -Double.MAX_VALUE;

    private SvgMap(String attribution) {
        this.attribution = attribution;
    }

    public static SvgMap load(Path geojson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(geojson.toFile());
        SvgMap m = new SvgMap(root.path("attribution").asText(""));
        for (JsonNode f : root.path("features")) {
            JsonNode g = f.path("geometry");
            List<List<double[]>> rings = new ArrayList<>();
            if ("Polygon".equals(g.path("type").asText())) {
                addPolygon(g.path("coordinates"), rings);
            } else if ("MultiPolygon".equals(g.path("type").asText())) {
                for (JsonNode poly : g.path("coordinates")) {
                    addPolygon(poly, rings);
                }
            }
            for (List<double[]> ring : rings) {
                for (double[] p : ring) {
                    m.minLon = Math.min(m.minLon, p[0]);
                    m.maxLon = Math.max(m.maxLon, p[0]);
                    m.minLat = Math.min(m.minLat, p[1]);
                    m.maxLat = Math.max(m.maxLat, p[1]);
                }
            }
            m.features.add(new Feature(
                    f.path("properties").path("code").asText(),
                    f.path("properties").path("name").asText(),
                    rings));
        }
        return m;
    }

    private static void addPolygon(JsonNode poly, List<List<double[]>> rings) {
        for (JsonNode ring : poly) {
            List<double[]> pts = new ArrayList<>();
            for (JsonNode p : ring) {
                pts.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
            }
            rings.add(pts);
        }
    }

    public String attribution() {
        return attribution;
    }

    public int areas() {
        return features.size();
    }

    /**
     * @param width   the SVG's width in its own units; the height follows from London's shape
     * @param shades  borough code → shade
     * @param outline codes of the pack's boroughs, drawn with a heavy edge
     * @param label   the indicator, for each area's tooltip
     */
    public String svg(double width, Map<String, Shade> shades, Set<String> outline, String label) {
        double k = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double pad = 4;
        double scale = (width - 2 * pad) / ((maxLon - minLon) * k);
        double height = (maxLat - minLat) * scale + 2 * pad;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"map\" role=\"img\" aria-label=\"Map of London boroughs: ")
                .append(Html.esc(label))
                .append("\" viewBox=\"0 0 ")
                .append(Fmt.xy(width))
                .append(' ')
                .append(Fmt.xy(height))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        StringBuilder top = new StringBuilder();
        for (Feature f : features) {
            StringBuilder d = new StringBuilder();
            for (List<double[]> ring : f.rings()) {
                for (int i = 0; i < ring.size(); i++) {
                    double[] p = ring.get(i);
                    d.append(i == 0 ? 'M' : 'L')
                            .append(Fmt.xy(pad + (p[0] - minLon) * k * scale))
                            .append(',')
                            .append(Fmt.xy(pad + (maxLat - p[1]) * scale));
                }
                d.append('Z');
            }
            Shade s = shades.get(f.code());
            String fill = s == null || s.klass() < 0 ? NO_VALUE : PALETTE[s.klass()];
            String tip = f.name() + ": "
                    + (s == null || s.value() == null
                            ? (s != null && s.withheld() ? "suppressed" : "no value")
                            : Fmt.value(s.value()));
            String path = "<path class=\"area\" data-code=\"" + Html.esc(f.code()) + "\" d=\"" + d + "\" fill=\"" + fill
                    + "\" fill-rule=\"evenodd\"><title>" + Html.esc(tip) + "</title></path>\n";
            b.append(path);
            if (outline.contains(f.code())) {
                top.append("<path class=\"outline\" d=\"")
                        .append(d)
                        .append("\" fill=\"none\" stroke=\"#212b32\" stroke-width=\"1.6\"/>\n");
            }
        }
        b.append(top).append("</svg>");
        return b.toString();
    }

    /** Quintile classes of the values present (0 = lowest); fewer than 5 distinct values use fewer classes. */
    public static double[] breaks(List<Double> values) {
        List<Double> v = values.stream().filter(x -> x != null).sorted().toList();
        if (v.isEmpty()) {
            return new double[0];
        }
        double[] b = new double[4];
        for (int i = 1; i <= 4; i++) {
            b[i - 1] = v.get(Math.min(v.size() - 1, (int) Math.floor(i * v.size() / 5.0)));
        }
        return b;
    }

    public static int klass(Double value, double[] breaks) {
        if (value == null || breaks.length == 0) {
            return -1;
        }
        int k = 0;
        while (k < breaks.length && value >= breaks[k]) {
            k++;
        }
        return k;
    }
}
