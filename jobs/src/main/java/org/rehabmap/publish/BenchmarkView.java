package org.rehabmap.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The published gold.benchmarks rows the report draws, looked up by indicator and area at each
 * indicator's latest period. Values are as published: a withheld value is absent and flagged.
 */
public final class BenchmarkView {
    /** One indicator × area at the indicator's latest period; {@code peer}: its 5 peers' pooled value (boroughs). */
    public record Point(
            String indicator,
            String period,
            String areaCode,
            String areaName,
            String level,
            Double value,
            Double lower95,
            Double upper95,
            Double london,
            Significance significance,
            boolean withheld,
            Double peer) {}

    private final Map<String, Map<String, Point>> latest = new LinkedHashMap<>();
    private final long version;
    private int rowsUsed;

    private final String londonCode;

    private BenchmarkView(long version, String londonCode) {
        this.version = version;
        this.londonCode = londonCode;
    }

    public static BenchmarkView of(PublishedTable t, String londonCode) {
        if (t == null || !t.has("indicator_id") || !t.has("area_code") || !t.has("value")) {
            return new BenchmarkView(-1, londonCode);
        }
        int id = t.index("indicator_id");
        int per = t.index("period");
        int code = t.index("area_code");
        int name = t.index("area_name");
        int lvl = t.index("area_level");
        int val = t.index("value");
        int lo = t.index("lower_ci95");
        int up = t.index("upper_ci95");
        int ldn = t.index("london_value");
        int sig = t.index("significance");
        int peer = t.index("peer_value");
        Map<String, String> latestPeriod = new LinkedHashMap<>();
        for (Object[] r : t.rows()) {
            String i = str(r[id]);
            String p = per < 0 ? "" : str(r[per]);
            if (!latestPeriod.containsKey(i) || p.compareTo(latestPeriod.get(i)) > 0) {
                latestPeriod.put(i, p);
            }
        }
        BenchmarkView v = new BenchmarkView(t.version(), londonCode);
        for (int k = 0; k < t.rows().size(); k++) {
            Object[] r = t.rows().get(k);
            String i = str(r[id]);
            String p = per < 0 ? "" : str(r[per]);
            if (!p.equals(latestPeriod.get(i))) {
                continue;
            }
            v.rowsUsed++;
            boolean[] m = t.masked().get(k);
            v.latest
                    .computeIfAbsent(i, x -> new LinkedHashMap<>())
                    .put(
                            str(r[code]),
                            new Point(
                                    i,
                                    p,
                                    str(r[code]),
                                    name < 0 ? str(r[code]) : str(r[name]),
                                    lvl < 0 ? "" : str(r[lvl]),
                                    num(r[val]),
                                    lo < 0 ? null : num(r[lo]),
                                    up < 0 ? null : num(r[up]),
                                    ldn < 0 ? null : num(r[ldn]),
                                    sig < 0 ? Significance.NOT_COMPARED : Significance.of(r[sig]),
                                    m[val],
                                    peer < 0 || m[peer] ? null : num(r[peer])));
        }
        return v;
    }

    public boolean isEmpty() {
        return latest.isEmpty();
    }

    public long version() {
        return version;
    }

    public int rowsUsed() {
        return rowsUsed;
    }

    public boolean has(String indicator) {
        return latest.containsKey(indicator);
    }

    public Point get(String indicator, String areaCode) {
        Map<String, Point> m = latest.get(indicator);
        return m == null ? null : m.get(areaCode);
    }

    /** The indicator's points at one level (borough, stp, alliance). */
    public List<Point> atLevel(String indicator, String level) {
        List<Point> out = new ArrayList<>();
        Map<String, Point> m = latest.get(indicator);
        if (m != null) {
            for (Point p : m.values()) {
                if (p.level().equals(level)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    public String period(String indicator) {
        Map<String, Point> m = latest.get(indicator);
        return m == null || m.isEmpty() ? null : m.values().iterator().next().period();
    }

    public Double london(String indicator) {
        Point p = get(indicator, londonCode);
        if (p != null && p.value() != null) {
            return p.value();
        }
        Map<String, Point> m = latest.get(indicator);
        if (m != null) {
            for (Point x : m.values()) {
                if (x.london() != null) {
                    return x.london();
                }
            }
        }
        return null;
    }

    public List<String> indicators() {
        return List.copyOf(new TreeSet<>(latest.keySet()));
    }

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static Double num(Object o) {
        if (o instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }
}
