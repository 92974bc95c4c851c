package org.rehabmap.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annual cost of one WTE (METHODS.md, costing): Agenda for Change basic pay at the chosen
 * pay point, plus HCAS (by the borough's zone, or a flat %), plus the employer's pension contribution on that pay and
 * National Insurance on the pay above the secondary threshold; averaged over the band mix of
 * the area's funded cancer WTE. 2025/26 prices; no pay award after the base year.
 */
public final class Costing {
    private Costing() {}

    /** The on-cost rates one assumption set uses, and the HCAS of the place the WTE would work. */
    public record Rates(ModelInputs.OnCost pension, ModelInputs.OnCost insurance, String payPoint, Hcas hcas) {
        public Rates withHcas(Hcas h) {
            return new Rates(pension, insurance, payPoint, h);
        }
    }

    /**
     * A High Cost Area Supplement: a % of basic pay, paid at no less than {@code minimumGbp} and no
     * more than {@code maximumGbp} a year (Agenda for Change Annex 9). A flat % without limits has
     * minimum 0 and maximum infinity.
     */
    public record Hcas(double ratePct, double minimumGbp, double maximumGbp) {
        public static final Hcas NONE = flat(0);

        public static Hcas flat(double pct) {
            return new Hcas(pct, 0, Double.POSITIVE_INFINITY);
        }

        /** The supplement a year on a basic pay: rate × basic, within the minimum and maximum; 0 at rate 0. */
        public double on(double basic) {
            if (ratePct <= 0) {
                return 0;
            }
            return Math.min(Math.max(basic * ratePct / 100.0, minimumGbp), maximumGbp);
        }
    }

    /** Annual basic pay of a band at a pay point (midpoint = (entry + top) / 2). */
    public static double basicPay(ModelInputs.PayBand band, String payPoint) {
        return switch (payPoint) {
            case Assumptions.PAY_ENTRY -> band.entry();
            case Assumptions.PAY_TOP -> band.top();
            case Assumptions.PAY_MIDPOINT -> (band.entry() + band.top()) / 2.0;
            default -> throw new IllegalArgumentException("unknown pay point " + payPoint);
        };
    }

    /**
     * Employer cost of one WTE of a band: pay × (1 + pension %) + NI % × max(pay − threshold, 0),
     * where pay = basic + HCAS on basic (HCAS is pensionable pay).
     */
    public static double annualCost(ModelInputs.PayBand band, Rates r) {
        double basic = basicPay(band, r.payPoint());
        double pay = basic + r.hcas().on(basic);
        return pay * (1.0 + r.pension().ratePct() / 100.0)
                + r.insurance().ratePct() / 100.0 * Math.max(pay - r.insurance().thresholdGbp(), 0.0);
    }

    /**
     * Cost of one WTE at a band mix (band → WTE): the WTE-weighted mean cost of the bands that
     * have pay; null when no band of the mix has pay (or the mix is empty).
     */
    public static Double costPerWte(Map<String, Double> mix, Map<String, ModelInputs.PayBand> bands, Rates r) {
        if (mix == null) {
            return null;
        }
        double wte = 0;
        double cost = 0;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            ModelInputs.PayBand b = bands.get(e.getKey());
            if (b == null || e.getValue() == null || !(e.getValue() > 0)) {
                continue;
            }
            wte += e.getValue();
            cost += e.getValue() * annualCost(b, r);
        }
        return wte > 0 ? cost / wte : null;
    }

    /** The bands of a mix that hold WTE but have no pay (left out of the cost, and named in the note). */
    public static List<String> bandsWithoutPay(Map<String, Double> mix, Map<String, ModelInputs.PayBand> bands) {
        List<String> out = new ArrayList<>();
        if (mix == null) {
            return out;
        }
        for (Map.Entry<String, Double> e : new TreeMap<>(mix).entrySet()) {
            if (e.getValue() != null && e.getValue() > 0 && !bands.containsKey(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
