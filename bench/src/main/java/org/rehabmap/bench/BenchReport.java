package org.rehabmap.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.StringEscapeUtils;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the raw measurements of scripts/bench.sh (one CSV row per timed command) into the
 * results: min / median / max wall time per scale and phase, peak memory, rows per second, the
 * two ratios (rehabmap full run ÷ floor, ÷ DuckDB), the DuckDB check, the targets, and a plot of
 * time against scale.
 *
 * <p>Usage: {@code BenchReport --dir DIR}: reads DIR/raw.csv and DIR/check-*.json, writes
 * DIR/summary.csv, DIR/results.md and DIR/time-vs-scale.svg, and prints results.md.
 */
public final class BenchReport {
    static final List<String> PHASES = List.of("full", "night", "curate", "floor", "duckdb");
    static final Map<String, String> PHASE_NAMES = Map.of(
            "full", "rehabmap `run all`, empty lake",
            "night", "incremental night (`run all`)",
            "curate", "`run curate` alone",
            "floor", "floor: plain Spark CSV → Delta",
            "duckdb", "DuckDB: the two key indicators");

    private BenchReport() {}

    /** One timed command. */
    record Measure(
            double scale,
            String phase,
            int run,
            double wall,
            double user,
            double sys,
            long rssKb,
            long rows,
            double load1,
            int exit) {}

    /** The runs of one scale × phase. */
    record Stats(
            double scale,
            String phase,
            int runs,
            double min,
            double median,
            double max,
            long peakRssKb,
            double rowsPerSec,
            long rows,
            double loadMin,
            double loadMax,
            int failed,
            double cpuMedian) {}

    public static void main(String[] args) throws IOException {
        Map<String, String> a = DuckDbIndicators.Args.parse(args);
        Path dir = Path.of(DuckDbIndicators.Args.required(a, "dir"));
        List<Measure> raw = read(dir.resolve("raw.csv"));
        List<Stats> stats = summarise(raw);
        writeSummary(dir.resolve("summary.csv"), stats);
        String md = markdown(stats, checks(dir), a.getOrDefault("machine", ""));
        Files.writeString(dir.resolve("results.md"), md);
        Files.writeString(dir.resolve("time-vs-scale.svg"), svg(stats));
        Files.writeString(dir.resolve("cpu-vs-scale.svg"), svg(stats, true));
        System.out.print(md);
    }

    static List<Measure> read(Path csv) throws IOException {
        List<Measure> out = new ArrayList<>();
        try (Reader rd = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(
                        rd,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get())) {
            for (CSVRecord r : p) {
                out.add(new Measure(
                        Double.parseDouble(r.get("scale")),
                        r.get("phase"),
                        Integer.parseInt(r.get("run")),
                        Double.parseDouble(r.get("wall_s")),
                        Double.parseDouble(r.get("user_s")),
                        Double.parseDouble(r.get("sys_s")),
                        Long.parseLong(r.get("max_rss_kb")),
                        Long.parseLong(r.get("rows")),
                        Double.parseDouble(r.get("load1")),
                        Integer.parseInt(r.get("exit"))));
            }
        }
        return out;
    }

    static List<Stats> summarise(List<Measure> raw) {
        Map<String, List<Measure>> groups = new LinkedHashMap<>();
        for (Measure m : raw) {
            groups.computeIfAbsent(m.scale() + "|" + m.phase(), k -> new ArrayList<>())
                    .add(m);
        }
        List<Stats> out = new ArrayList<>();
        for (List<Measure> g : groups.values()) {
            List<Measure> ok = g.stream().filter(m -> m.exit() == 0).toList();
            List<Double> walls = new ArrayList<>(ok.stream().map(Measure::wall).toList());
            Collections.sort(walls);
            List<Double> rates = new ArrayList<>(ok.stream()
                    .filter(m -> m.wall() > 0)
                    .map(m -> m.rows() / m.wall())
                    .toList());
            Collections.sort(rates);
            Measure first = g.get(0);
            out.add(new Stats(
                    first.scale(),
                    first.phase(),
                    ok.size(),
                    walls.isEmpty() ? Double.NaN : walls.get(0),
                    median(walls),
                    walls.isEmpty() ? Double.NaN : walls.get(walls.size() - 1),
                    ok.stream().mapToLong(Measure::rssKb).max().orElse(0),
                    median(rates),
                    ok.isEmpty() ? 0 : ok.get(0).rows(),
                    g.stream().mapToDouble(Measure::load1).min().orElse(Double.NaN),
                    g.stream().mapToDouble(Measure::load1).max().orElse(Double.NaN),
                    g.size() - ok.size(),
                    median(ok.stream().map(m -> m.user() + m.sys()).sorted().toList())));
        }
        out.sort((x, y) -> x.scale() != y.scale()
                ? Double.compare(x.scale(), y.scale())
                : Integer.compare(order(x.phase()), order(y.phase())));
        return out;
    }

    private static int order(String phase) {
        int i = PHASES.indexOf(phase);
        return i < 0 ? PHASES.size() : i;
    }

    static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void writeSummary(Path out, List<Stats> stats) throws IOException {
        StringBuilder sb = new StringBuilder(
                "scale,phase,runs,failed,wall_min_s,wall_median_s,wall_max_s,cpu_median_s,peak_rss_mb,"
                        + "rows,rows_per_s,load1_min,load1_max\n");
        for (Stats s : stats) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%d,%.2f,%.2f,%.2f,%.2f,%d,%d,%.0f,%.2f,%.2f%n",
                    fmtScale(s.scale()),
                    s.phase(),
                    s.runs(),
                    s.failed(),
                    s.min(),
                    s.median(),
                    s.max(),
                    s.cpuMedian(),
                    s.peakRssKb() / 1024,
                    s.rows(),
                    s.rowsPerSec(),
                    s.loadMin(),
                    s.loadMax()));
        }
        Files.writeString(out, sb.toString());
    }

    /** check-&lt;scale&gt;-&lt;when&gt;.json files written by {@link GoldCheck}: scale → when → json. */
    static Map<String, Map<String, String>> checks(Path dir) throws IOException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("check-.*\\.json"))
                    .sorted()
                    .toList()) {
                String[] parts = p.getFileName().toString().replace(".json", "").split("-", 3);
                if (parts.length < 3) {
                    continue;
                }
                out.computeIfAbsent(parts[1], k -> new TreeMap<>())
                        .put(parts[2], Files.readString(p).trim());
            }
        }
        return out;
    }

    static Stats find(List<Stats> stats, double scale, String phase) {
        for (Stats s : stats) {
            if (s.scale() == scale && s.phase().equals(phase)) {
                return s;
            }
        }
        return null;
    }

    static String markdown(List<Stats> stats, Map<String, Map<String, String>> checks, String machine) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "| scale | phase | runs | wall min / median / max (s) | CPU median (s) | peak RSS (MB) | rows | rows/s (median) | "
                        + "load avg (1 min) |\n");
        sb.append("| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (Stats s : stats) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d%s | %.1f / %.1f / %.1f | %.1f | %d | %,d | %,.0f | %.1f–%.1f |%n",
                    fmtScale(s.scale()),
                    PHASE_NAMES.getOrDefault(s.phase(), s.phase()),
                    s.runs(),
                    s.failed() > 0 ? " (" + s.failed() + " failed)" : "",
                    s.min(),
                    s.median(),
                    s.max(),
                    s.cpuMedian(),
                    s.peakRssKb() / 1024,
                    s.rows(),
                    s.rowsPerSec(),
                    s.loadMin(),
                    s.loadMax()));
        }
        sb.append("\n| scale | full run ÷ floor | full run ÷ DuckDB | DuckDB = gold.benchmarks (1e-9) |\n");
        sb.append("| ---: | ---: | ---: | --- |\n");
        TreeSet<Double> scales = new TreeSet<>();
        for (Stats s : stats) {
            scales.add(s.scale());
        }
        for (double scale : scales) {
            Stats full = find(stats, scale, "full");
            Stats floor = find(stats, scale, "floor");
            Stats duck = find(stats, scale, "duckdb");
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s |%n",
                    fmtScale(scale),
                    ratio(full, floor),
                    ratio(full, duck),
                    checkWords(checks.get(fmtScale(scale)))));
        }
        sb.append("\nTargets (2 cores): ").append(targets(stats)).append('\n');
        if (!machine.isBlank()) {
            sb.append("\nMachine: ").append(machine).append('\n');
        }
        return sb.toString();
    }

    static String ratio(Stats a, Stats b) {
        if (a == null || b == null || !(b.median() > 0) || Double.isNaN(a.median())) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", a.median() / b.median());
    }

    static String checkWords(Map<String, String> byWhen) {
        if (byWhen == null || byWhen.isEmpty()) {
            return "not checked";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : byWhen.entrySet()) {
            String j = e.getValue();
            boolean agree = j.contains("\"agree\": true");
            String compared = field(j, "compared");
            String diff = field(j, "max_abs_diff");
            String when = e.getKey().replaceFirst("^[0-9]+_", "");
            when = switch (when) {
                case "full" -> "after the full run";
                case "night" -> "after the night";
                default -> when;
            };
            parts.add(when + ": " + (agree ? "equal" : "DIFFERENT") + " (" + compared + " rows, max |Δ| " + diff + ")");
        }
        return String.join("; ", parts);
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":");
        if (i < 0) {
            return "?";
        }
        int start = i + name.length() + 3;
        int end = start;
        while (end < json.length() && ",}".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(start, end).trim();
    }

    static String targets(List<Stats> stats) {
        List<String> t = new ArrayList<>();
        Stats full1 = find(stats, 1.0, "full");
        Stats floor1 = find(stats, 1.0, "floor");
        Stats night1 = find(stats, 1.0, "night");
        Stats full10 = find(stats, 10.0, "full");
        if (full1 != null) {
            t.add(String.format(
                    Locale.ROOT,
                    "scale 1 full run %.1f s (≤ 90: %s)",
                    full1.median(),
                    full1.median() <= 90 ? "met" : "MISSED"));
        }
        if (full1 != null && floor1 != null) {
            double r = full1.median() / floor1.median();
            t.add(String.format(Locale.ROOT, "ratio to floor %.2f (≤ 2.5: %s)", r, r <= 2.5 ? "met" : "MISSED"));
        }
        if (night1 != null) {
            t.add(String.format(
                    Locale.ROOT,
                    "incremental night %.1f s (≤ 30: %s)",
                    night1.median(),
                    night1.median() <= 30 ? "met" : "MISSED"));
        }
        if (full1 != null && full10 != null) {
            double r = full10.median() / full1.median();
            t.add(String.format(Locale.ROOT, "scale 10 ÷ scale 1 = %.2f (≤ 10: %s)", r, r <= 10 ? "met" : "MISSED"));
        }
        if (t.isEmpty()) {
            return "not assessed (needs scale 1" + (full10 == null ? "" : " and 10") + ")";
        }
        return String.join("; ", t);
    }

    static String fmtScale(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    // ------------------------------------------------------------------------------------------ plot

    /** Median wall time against scale, log–log, one line per phase, with the linear extrapolation of the full run at scale 1. */
    static String svg(List<Stats> stats) {
        return svg(stats, false);
    }

    /** The same plot of CPU seconds (user + system), which a loaded machine inflates far less than wall time. */
    static String svg(List<Stats> stats, boolean cpu) {
        java.util.function.ToDoubleFunction<Stats> y0 = cpu ? Stats::cpuMedian : Stats::median;
        int w = 760;
        int h = 480;
        int left = 70;
        int right = 210;
        int top = 40;
        int bottom = 60;
        TreeSet<Double> scales = new TreeSet<>();
        double tMin = Double.MAX_VALUE;
        double tMax = 0;
        for (Stats s : stats) {
            if (!(y0.applyAsDouble(s) > 0)) {
                continue;
            }
            scales.add(s.scale());
            tMin = Math.min(tMin, y0.applyAsDouble(s));
            tMax = Math.max(tMax, y0.applyAsDouble(s));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">%n",
                w,
                h,
                w,
                h));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", w, h));
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">rehabmap: %s against scale (median of runs, "
                        + "log–log)</text>%n",
                left,
                cpu ? "CPU seconds (user + system)" : "wall time"));
        if (scales.isEmpty()) {
            return sb.append("</svg>\n").toString();
        }
        double xLo = Math.log10(scales.first()) - 0.15;
        double xHi = Math.log10(scales.last()) + 0.15;
        if (xHi - xLo < 0.5) {
            xLo -= 0.25;
            xHi += 0.25;
        }
        double yLo = Math.floor(Math.log10(Math.min(tMin, 1.0)));
        double yHi = Math.ceil(Math.log10(Math.max(tMax * 1.2, 100)));
        Stats full1 = find(stats, 1.0, "full");
        final double fxLo = xLo;
        final double fxHi = xHi;
        final double fyLo = yLo;
        final double fyHi = yHi;
        java.util.function.DoubleUnaryOperator px =
                x -> left + (Math.log10(x) - fxLo) / (fxHi - fxLo) * (w - left - right);
        java.util.function.DoubleUnaryOperator py =
                y -> top + (fyHi - Math.log10(y)) / (fyHi - fyLo) * (h - top - bottom);
        // axes and grid
        for (double e = yLo; e <= yHi; e++) {
            double v = Math.pow(10, e);
            double y = py.applyAsDouble(v);
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    left,
                    y,
                    w - right,
                    y));
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s s</text>%n",
                    left - 6,
                    y + 4,
                    fmtScale(v)));
        }
        for (double s : scales) {
            double x = px.applyAsDouble(s);
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x,
                    top,
                    x,
                    h - bottom));
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    h - bottom + 18,
                    fmtScale(s)));
        }
        sb.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
                left,
                top,
                w - left - right,
                h - top - bottom));
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">scale (1 ≈ London for a year, ~1M HNA rows)</text>%n",
                left + (w - left - right) / 2.0,
                h - 18));
        sb.append(String.format(
                Locale.ROOT,
                "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                top + (h - top - bottom) / 2.0,
                cpu ? "CPU seconds" : "wall time incl. JVM start"));
        String[] colours = {"#d62728", "#1f77b4", "#2ca02c", "#7f7f7f", "#ff7f0e"};
        int legend = 0;
        for (int i = 0; i < PHASES.size(); i++) {
            String phase = PHASES.get(i);
            StringBuilder pts = new StringBuilder();
            List<double[]> points = new ArrayList<>();
            for (double s : scales) {
                Stats st = find(stats, s, phase);
                if (st == null || !(y0.applyAsDouble(st) > 0)) {
                    continue;
                }
                points.add(new double[] {px.applyAsDouble(s), py.applyAsDouble(y0.applyAsDouble(st))});
            }
            if (points.isEmpty()) {
                continue;
            }
            for (double[] p : points) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    pts.toString().trim(),
                    colours[i]));
            for (double[] p : points) {
                sb.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                        p[0],
                        p[1],
                        colours[i]));
            }
            double ly = top + 10 + legend++ * 20;
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    w - right + 12,
                    ly,
                    w - right + 36,
                    ly,
                    colours[i]));
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\">%s</text>%n",
                    w - right + 42,
                    ly + 4,
                    escape(shortName(phase))));
        }
        if (full1 != null && y0.applyAsDouble(full1) > 0) {
            double x1 = px.applyAsDouble(1);
            double y1 = py.applyAsDouble(y0.applyAsDouble(full1));
            double sMax = scales.last();
            if (sMax > 1) {
                double x2 = px.applyAsDouble(sMax);
                double y2 = py.applyAsDouble(y0.applyAsDouble(full1) * sMax);
                sb.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"5,4\"/>%n",
                        x1,
                        y1,
                        x2,
                        y2));
                double ly = top + 10 + legend++ * 20;
                sb.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"5,4\"/>%n",
                        w - right + 12,
                        ly,
                        w - right + 36,
                        ly));
                sb.append(String.format(
                        Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">linear from scale 1</text>%n", w - right + 42, ly + 4));
            }
            if (cpu) {
                return sb.append("</svg>\n").toString();
            }
            double ty = py.applyAsDouble(90);
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"2\"/>%n",
                    x1 - 8,
                    ty,
                    x1 + 8,
                    ty));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">target 90 s</text>%n", x1 + 10, ty - 4));
        }
        return sb.append("</svg>\n").toString();
    }

    private static String shortName(String phase) {
        return switch (phase) {
            case "full" -> "full run (run all)";
            case "night" -> "incremental night";
            case "curate" -> "curate alone";
            case "floor" -> "floor (Spark CSV→Delta)";
            case "duckdb" -> "DuckDB, 2 indicators";
            default -> phase;
        };
    }

    private static String escape(String s) {
        return StringEscapeUtils.escapeXml10(s);
    }
}
