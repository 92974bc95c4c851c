package org.rehabmap.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * A Fingertips-style spine chart in SVG: one row per indicator, London's value on the centre line,
 * the spread of London's boroughs behind it (lightest: whole range; darker: middle half), and one
 * numbered marker per area of the pack coloured by its comparison with London. Rows are oriented so
 * that better is to the right (higher for indicators without a judgement).
 */
public final class SpineChart {
    /** An area to mark: its number on the chart and code. */
    public record Marked(int number, String code, String name) {}

    private static final double W = 720;
    private static final double TITLE_W = 300;
    private static final double VAL_W = 60;
    private static final double SPINE_X = TITLE_W + VAL_W + 14;
    private static final double SPINE_W = W - SPINE_X - 16;
    private static final double ROW_H = 26;

    private SpineChart() {}

    public static String svg(BenchmarkView view, Catalogue cat, List<String> indicators, List<Marked> marked) {
        double height = 26 + indicators.size() * ROW_H + 6;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"spine\" role=\"img\" aria-label=\"Spine chart: areas against London\" viewBox=\"0 0 ")
                .append(Fmt.xy(W))
                .append(' ')
                .append(Fmt.xy(height))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        double mid = SPINE_X + SPINE_W / 2;
        b.append(text(4, 14, "Indicator (latest period)", "head", "start"));
        b.append(text(TITLE_W + VAL_W, 14, "London", "head", "end"));
        b.append(text(SPINE_X, 14, "◀ worse", "head", "start"));
        b.append(text(SPINE_X + SPINE_W, 14, "better ▶", "head", "end"));
        double y = 26;
        int n = 1;
        for (String id : indicators) {
            double cy = y + ROW_H / 2;
            if (n % 2 == 0) {
                b.append("<rect x=\"0\" y=\"")
                        .append(Fmt.xy(y))
                        .append("\" width=\"")
                        .append(Fmt.xy(W))
                        .append("\" height=\"")
                        .append(Fmt.xy(ROW_H))
                        .append("\" fill=\"#f4f6f7\"/>\n");
            }
            List<String> lines = wrap(n + ". " + cat.title(id), 52);
            for (int i = 0; i < Math.min(2, lines.size()); i++) {
                b.append(text(
                        4,
                        cy - (lines.size() > 1 ? 3 : -4) + i * 12,
                        lines.get(i) + (i == 1 && lines.size() > 2 ? "…" : ""),
                        "lab",
                        "start"));
            }
            Double london = view.london(id);
            b.append(text(TITLE_W + VAL_W, cy + 4, Fmt.value(london), "val", "end"));
            List<Double> boroughs = new ArrayList<>();
            for (BenchmarkView.Point p : view.atLevel(id, "borough")) {
                if (p.value() != null) {
                    boroughs.add(p.value());
                }
            }
            boolean flip = "low_is_good".equals(cat.polarity(id));
            if (london == null || boroughs.isEmpty()) {
                b.append(text(mid, cy + 4, "no comparison available", "note", "middle"));
            } else {
                double spread = 0;
                for (double v : boroughs) {
                    spread = Math.max(spread, Math.abs(v - london));
                }
                List<Double> shown = new ArrayList<>();
                for (Marked m : marked) {
                    BenchmarkView.Point p = view.get(id, m.code());
                    if (p != null && p.value() != null) {
                        shown.add(p.value());
                        spread = Math.max(spread, Math.abs(p.value() - london));
                    }
                }
                if (spread == 0) {
                    spread = Math.max(1e-9, Math.abs(london) * 0.1);
                }
                final double s = spread;
                java.util.function.DoubleUnaryOperator x =
                        v -> mid + (flip ? -1 : 1) * (v - london) / s * (SPINE_W / 2 - 8);
                List<Double> sorted = boroughs.stream().sorted().toList();
                double lo = x.applyAsDouble(sorted.get(0));
                double hi = x.applyAsDouble(sorted.get(sorted.size() - 1));
                double q1 = x.applyAsDouble(quantile(sorted, 0.25));
                double q3 = x.applyAsDouble(quantile(sorted, 0.75));
                b.append(rect(Math.min(lo, hi), cy - 7, Math.abs(hi - lo), 14, "#d5dde2"));
                b.append(rect(Math.min(q1, q3), cy - 7, Math.abs(q3 - q1), 14, "#9aabb6"));
                b.append("<line x1=\"")
                        .append(Fmt.xy(mid))
                        .append("\" y1=\"")
                        .append(Fmt.xy(cy - 10))
                        .append("\" x2=\"")
                        .append(Fmt.xy(mid))
                        .append("\" y2=\"")
                        .append(Fmt.xy(cy + 10))
                        .append("\" stroke=\"#c00000\" stroke-width=\"2\"/>\n");
                // markers closer than their width are staggered up and down so each number stays readable
                List<double[]> placed = new ArrayList<>();
                for (Marked m : marked) {
                    BenchmarkView.Point p = view.get(id, m.code());
                    if (p == null || p.value() == null) {
                        continue;
                    }
                    Significance sig = p.significance();
                    String fill = sig == Significance.NOT_COMPARED ? "#ffffff" : "#" + sig.fill;
                    String ink = sig == Significance.NOT_COMPARED ? "#212b32" : "#" + sig.text;
                    double mx = x.applyAsDouble(p.value());
                    long near = placed.stream()
                            .filter(q -> Math.abs(q[0] - mx) < 12)
                            .count();
                    double my = cy + (near == 0 ? 0 : (near % 2 == 1 ? -7 : 7));
                    placed.add(new double[] {mx, my});
                    b.append("<g class=\"marker\"><title>")
                            .append(Html.esc(m.name() + ": " + Fmt.value(p.value()) + " (" + sig.label + ")"))
                            .append("</title>")
                            .append("<circle cx=\"")
                            .append(Fmt.xy(mx))
                            .append("\" cy=\"")
                            .append(Fmt.xy(my))
                            .append("\" r=\"6.5\" fill=\"")
                            .append(fill)
                            .append("\" stroke=\"#212b32\" stroke-width=\"1\"/>")
                            .append(text(mx, my + 3.2, String.valueOf(m.number()), "num", "middle")
                                    .strip()
                                    .replace("class=\"num\"", "class=\"num\" fill=\"" + ink + "\""))
                            .append("</g>\n");
                }
            }
            y += ROW_H;
            n++;
        }
        b.append("</svg>");
        return b.toString();
    }

    static double quantile(List<Double> sorted, double q) {
        double pos = q * (sorted.size() - 1);
        int i = (int) Math.floor(pos);
        double f = pos - i;
        return i + 1 < sorted.size() ? sorted.get(i) * (1 - f) + sorted.get(i + 1) * f : sorted.get(i);
    }

    static String text(double x, double y, String s, String cls, String anchor) {
        return "<text x=\"" + Fmt.xy(x) + "\" y=\"" + Fmt.xy(y) + "\" class=\"" + cls + "\" text-anchor=\"" + anchor
                + "\">" + Html.esc(s) + "</text>\n";
    }

    static String rect(double x, double y, double w, double h, String fill) {
        return "<rect x=\"" + Fmt.xy(x) + "\" y=\"" + Fmt.xy(y) + "\" width=\"" + Fmt.xy(Math.max(w, 0.5))
                + "\" height=\"" + Fmt.xy(h) + "\" fill=\"" + fill + "\"/>\n";
    }

    /** Splits a label into lines of at most {@code width} characters at spaces. */
    static List<String> wrap(String s, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
