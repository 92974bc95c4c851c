package org.rehabmap.model;

import org.apache.spark.sql.Row;
import org.rehabmap.contracts.GoldContract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-at-a-time sensitivity of the gap (gold.workforce_model_sensitivity, the data of a tornado
 * chart): each numeric assumption that changes WTE, in turn, multiplied by (1 − c) and (1 + c)
 * (c = change-pct / 100, kept inside the assumption's min/max) with every other assumption at
 * its scenario value; the gap in WTE of every area and profession in one year (for {@code all}, the
 * shortfall: a net gap would let one profession's surplus absorb another's change). {@code swing} =
 * |gap(high) − gap(low)|; rank 1 = the assumption that moves that area's gap most.
 */
public final class Sensitivity {
    private Sensitivity() {}

    /** One assumption's effect on one area's gap. */
    public record Entry(
            String scenario,
            String assumptionSet,
            int year,
            String areaLevel,
            String areaCode,
            String areaName,
            String profession,
            String assumption,
            double baseValue,
            double lowValue,
            double highValue,
            Double gapBase,
            Double gapLow,
            Double gapHigh,
            Double swing,
            int rank) {

        /** This entry as a row of gold.workforce_model_sensitivity, by column name. */
        public Row toRow(GoldContract sensitivity) {
            return sensitivity
                    .newRow()
                    .set("scenario", scenario)
                    .set("assumption_set", assumptionSet)
                    .set("year", year)
                    .set("area_level", areaLevel)
                    .set("area_code", areaCode)
                    .set("area_name", areaName)
                    .set("profession", profession)
                    .set("assumption", assumption)
                    .set("base_value", baseValue)
                    .set("low_value", lowValue)
                    .set("high_value", highValue)
                    .set("gap_wte_base", gapBase)
                    .set("gap_wte_low", gapLow)
                    .set("gap_wte_high", gapHigh)
                    .set("swing_wte", swing)
                    .set("rank", rank)
                    .toRow();
        }
    }

    /** The assumptions varied: numeric, able to change a WTE figure, and not zero in the scenario. */
    public static List<String> varied(Assumptions a) {
        List<String> out = new ArrayList<>();
        for (String k : Assumptions.KEYS) {
            Assumption def = a.set().get(k);
            if (!def.numeric() || Assumptions.COST_ONLY.contains(k)) {
                continue;
            }
            if (a.number(k) == 0.0) {
                continue;
            }
            out.add(k);
        }
        return out;
    }

    /**
     * @param changePct the relative change, e.g. 20 for ±20%
     */
    public static List<Entry> run(WorkforceModel model, String scenario, Assumptions a, double changePct, int year) {
        double c = changePct / 100.0;
        Map<String, Double> base = gaps(model.rows(scenario, a, year));
        // area|profession → entries, in model row order
        Map<String, List<Entry>> byCell = new LinkedHashMap<>();
        Map<String, ModelRow> cells = new LinkedHashMap<>();
        for (ModelRow r : model.rows(scenario, a, year)) {
            cells.put(key(r), r);
        }
        for (String k : varied(a)) {
            Assumptions low = a.scaled(k, 1.0 - c);
            Assumptions high = a.scaled(k, 1.0 + c);
            Map<String, Double> gl = gaps(model.rows(scenario, low, year));
            Map<String, Double> gh = gaps(model.rows(scenario, high, year));
            for (Map.Entry<String, ModelRow> e : cells.entrySet()) {
                ModelRow r = e.getValue();
                Double b = base.get(e.getKey());
                Double l = gl.get(e.getKey());
                Double h = gh.get(e.getKey());
                Double swing = l != null && h != null ? Math.abs(h - l) : null;
                byCell.computeIfAbsent(e.getKey(), x -> new ArrayList<>())
                        .add(new Entry(
                                scenario,
                                a.setName(),
                                year,
                                r.areaLevel(),
                                r.areaCode(),
                                r.areaName(),
                                r.profession(),
                                k,
                                a.number(k),
                                low.number(k),
                                high.number(k),
                                b,
                                l,
                                h,
                                swing,
                                0));
            }
        }
        List<Entry> out = new ArrayList<>();
        for (List<Entry> cell : byCell.values()) {
            List<Entry> sorted = new ArrayList<>(cell);
            sorted.sort(Comparator.comparing((Entry x) -> x.swing() == null ? -1.0 : x.swing())
                    .reversed()
                    .thenComparing(x -> Assumptions.KEYS.indexOf(x.assumption())));
            int rank = 0;
            for (Entry x : sorted) {
                rank++;
                out.add(new Entry(
                        x.scenario(),
                        x.assumptionSet(),
                        x.year(),
                        x.areaLevel(),
                        x.areaCode(),
                        x.areaName(),
                        x.profession(),
                        x.assumption(),
                        x.baseValue(),
                        x.lowValue(),
                        x.highValue(),
                        x.gapBase(),
                        x.gapLow(),
                        x.gapHigh(),
                        x.swing(),
                        rank));
            }
        }
        return out;
    }

    private static Map<String, Double> gaps(List<ModelRow> rows) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ModelRow r : rows) {
            out.put(key(r), ModelRow.ALL.equals(r.profession()) ? r.shortfallWte() : r.gapWte());
        }
        return out;
    }

    private static String key(ModelRow r) {
        return r.areaCode() + "|" + r.profession();
    }
}
