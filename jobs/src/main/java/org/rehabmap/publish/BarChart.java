package org.rehabmap.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A horizontal bar chart of one indicator across areas, with 95% confidence interval whiskers and
 * London's value as a dashed line; bars take the colour of the area's comparison with London.
 * A withheld value is written as such instead of drawing a bar.
 */
public final class BarChart {
    private static final double NAME_W = 128;
    private static final double VALUE_W = 40;
    private static final double PAD_R = 10;

    private BarChart() {}

    public static String svg(String title, List<BenchmarkView.Point> points, Double london, double width, double rowH) {
        List<BenchmarkView.Point> rows = new ArrayList<>(points);
        rows.sort(Comparator.comparing(
                        (BenchmarkView.Point p) -> p.value() == null ? Double.NEGATIVE_INFINITY : p.value())
                .reversed()
                .thenComparing(BenchmarkView.Point::areaName));
        double max = london == null ? 0 : london;
        for (BenchmarkView.Point p : rows) {
            if (p.value() != null) {
                max = Math.max(max, p.value());
            }
            if (p.upper95() != null) {
                max = Math.max(max, p.upper95());
            }
        }
        if (max <= 0) {
            max = 1;
        }
        double x0 = NAME_W;
        double plotW = width - NAME_W - VALUE_W - PAD_R;
        double top = 16;
        double height = top + rows.size() * rowH + 16;
        final double m = max * 1.04;
        java.util.function.DoubleUnaryOperator x = v -> x0 + Math.max(0, v) / m * plotW;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"bars\" role=\"img\" aria-label=\"")
                .append(Html.esc(title))
                .append("\" viewBox=\"0 0 ")
                .append(Fmt.xy(width))
                .append(' ')
                .append(Fmt.xy(height))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        double y = top;
        for (BenchmarkView.Point p : rows) {
            double cy = y + rowH / 2;
            b.append(SpineChart.text(x0 - 4, cy + 3.5, shorten(p.areaName(), 24), "lab", "end"));
            if (p.value() == null) {
                b.append(SpineChart.text(
                        x0 + 2, cy + 3.5, p.withheld() ? "* suppressed (small numbers)" : "no value", "note", "start"));
            } else {
                Significance s = p.significance();
                String fill = s == Significance.NOT_COMPARED ? "#768692" : "#" + s.fill;
                b.append("<rect class=\"bar\" x=\"")
                        .append(Fmt.xy(x0))
                        .append("\" y=\"")
                        .append(Fmt.xy(y + rowH * 0.18))
                        .append("\" width=\"")
                        .append(Fmt.xy(Math.max(0.5, x.applyAsDouble(p.value()) - x0)))
                        .append("\" height=\"")
                        .append(Fmt.xy(rowH * 0.64))
                        .append("\" fill=\"")
                        .append(fill)
                        .append("\"><title>")
                        .append(Html.esc(p.areaName() + ": " + Fmt.value(p.value())
                                + (p.lower95() != null
                                        ? " (95% CI " + Fmt.value(p.lower95()) + "–" + Fmt.value(p.upper95()) + ")"
                                        : "")
                                + ", " + s.label))
                        .append("</title></rect>\n");
                if (p.lower95() != null && p.upper95() != null) {
                    double a = x.applyAsDouble(p.lower95());
                    double c = x.applyAsDouble(p.upper95());
                    double h = rowH * 0.28;
                    b.append("<path class=\"whisker\" d=\"M")
                            .append(Fmt.xy(a))
                            .append(',')
                            .append(Fmt.xy(cy))
                            .append('H')
                            .append(Fmt.xy(c))
                            .append("M")
                            .append(Fmt.xy(a))
                            .append(',')
                            .append(Fmt.xy(cy - h))
                            .append('V')
                            .append(Fmt.xy(cy + h))
                            .append("M")
                            .append(Fmt.xy(c))
                            .append(',')
                            .append(Fmt.xy(cy - h))
                            .append('V')
                            .append(Fmt.xy(cy + h))
                            .append("\" stroke=\"#212b32\" stroke-width=\"1\" fill=\"none\"/>\n");
                }
                b.append(SpineChart.text(width - PAD_R, cy + 3.5, Fmt.value(p.value()), "val", "end"));
            }
            y += rowH;
        }
        if (london != null) {
            double lx = x.applyAsDouble(london);
            b.append("<line class=\"london\" x1=\"")
                    .append(Fmt.xy(lx))
                    .append("\" y1=\"")
                    .append(Fmt.xy(top - 4))
                    .append("\" x2=\"")
                    .append(Fmt.xy(lx))
                    .append("\" y2=\"")
                    .append(Fmt.xy(y + 2))
                    .append("\" stroke=\"#c00000\" stroke-width=\"1.4\" stroke-dasharray=\"4 3\"/>\n");
            b.append(SpineChart.text(lx, top - 6, "London " + Fmt.value(london), "head", "middle"));
        }
        b.append("</svg>");
        return b.toString();
    }

    static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
