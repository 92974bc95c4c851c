package org.rehabmap.curate;

import org.rehabmap.gold.CurateConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unmet-need index of METHODS.md (London = 100):
 * index(A) = 100 × Σᵢ wᵢ·Cᵢ(A)/Cᵢ(L) / Σᵢ wᵢ over the components present and non-zero in both A and
 * London; the others are left out, the weights renormalised, and the note names them.
 */
public final class UnmetNeedIndex {

    /**
     * The index of one area, with its components Cᵢ(A) beside it.
     *
     * @param components component name → Cᵢ(A) (null when missing), in configuration order
     */
    public record Entry(String areaCode, Double index, Map<String, Double> components, String note) {}

    private UnmetNeedIndex() {}

    /**
     * @param components the configured components
     * @param values     component name → area code → the source value: the indicator's published value,
     *                   or the IMD score. For an inverted component, the raw indicator value (this
     *                   method makes Cᵢ(A) = value(London) / value(A))
     * @param areaCodes  every area to compute, London included
     */
    public static List<Entry> compute(
            List<CurateConfig.IndexComponent> components,
            Map<String, Map<String, Double>> values,
            List<String> areaCodes,
            String londonCode) {
        Map<String, Map<String, Double>> c = new LinkedHashMap<>();
        for (CurateConfig.IndexComponent k : components) {
            Map<String, Double> raw = values.getOrDefault(k.name(), Map.of());
            Map<String, Double> ci = new LinkedHashMap<>();
            for (String a : areaCodes) {
                Double v = raw.get(a);
                if (k.invert()) {
                    Double l = raw.get(londonCode);
                    ci.put(a, present(v) && v != 0 && present(l) ? l / v : null);
                } else {
                    ci.put(a, present(v) ? v : null);
                }
            }
            c.put(k.name(), ci);
        }
        List<Entry> out = new ArrayList<>();
        for (String a : areaCodes) {
            double weighted = 0;
            double weights = 0;
            List<String> leftOut = new ArrayList<>();
            Map<String, Double> own = new LinkedHashMap<>();
            for (CurateConfig.IndexComponent k : components) {
                Double ca = c.get(k.name()).get(a);
                Double cl = c.get(k.name()).get(londonCode);
                own.put(k.name(), ca);
                if (ca == null || cl == null) {
                    leftOut.add(k.name() + " (missing)");
                } else if (ca == 0 || cl == 0) {
                    leftOut.add(k.name() + " (zero)");
                } else if (k.weight() > 0) {
                    weighted += k.weight() * (ca / cl);
                    weights += k.weight();
                }
            }
            Double index = weights > 0 ? 100.0 * weighted / weights : null;
            String note = leftOut.isEmpty() ? null : "left out, weights renormalised: " + String.join(", ", leftOut);
            if (index == null) {
                note = "no index: no component available"
                        + (leftOut.isEmpty() ? "" : " (" + String.join(", ", leftOut) + ")");
            }
            out.add(new Entry(a, index, own, note));
        }
        return out;
    }

    private static boolean present(Double d) {
        return d != null && !d.isNaN() && !d.isInfinite();
    }
}
