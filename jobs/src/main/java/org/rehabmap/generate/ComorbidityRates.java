package org.rehabmap.generate;

import java.util.List;
import java.util.Map;

/**
 * Plausible shares of people on the cancer register who also have each long-term condition, by
 * age band (18-39, 40-59, 60-69, 70-79, 80+), loosely after QOF prevalence in older people:
 * hypertension the most common, dementia and heart failure rising steeply with age, depression
 * and asthma flatter. Men have more cardiovascular disease, women more depression; diabetes,
 * COPD, CHD and mental illness rise with deprivation. ANY1 / ANY2 follow from the individual
 * conditions (and are never below them).
 */
final class ComorbidityRates {
    private static final Map<String, double[]> BY_AGE = Map.ofEntries(
            Map.entry("AF", new double[] {0.002, 0.015, 0.05, 0.10, 0.17}),
            Map.entry("AST", new double[] {0.10, 0.09, 0.08, 0.08, 0.07}),
            Map.entry("CHD", new double[] {0.002, 0.03, 0.08, 0.13, 0.18}),
            Map.entry("CKD", new double[] {0.003, 0.02, 0.05, 0.12, 0.25}),
            Map.entry("COPD", new double[] {0.002, 0.02, 0.06, 0.09, 0.10}),
            Map.entry("DEM", new double[] {0.0, 0.002, 0.01, 0.03, 0.11}),
            Map.entry("DEP", new double[] {0.15, 0.16, 0.13, 0.11, 0.10}),
            Map.entry("DM", new double[] {0.02, 0.08, 0.14, 0.18, 0.17}),
            Map.entry("HF", new double[] {0.001, 0.008, 0.025, 0.05, 0.10}),
            Map.entry("HYP", new double[] {0.03, 0.18, 0.38, 0.52, 0.62}),
            Map.entry("MH", new double[] {0.015, 0.015, 0.01, 0.008, 0.006}),
            Map.entry("STIA", new double[] {0.002, 0.01, 0.03, 0.06, 0.10}));
    private static final List<String> CARDIO = List.of("AF", "CHD", "HF", "STIA");
    private static final List<String> DEPRIVATION = List.of("DM", "COPD", "CHD", "MH");
    private static final double DEFAULT = 0.03;

    private ComorbidityRates() {}

    /** Share with the condition in the cell (unknown codes in the reference get a flat 3%). */
    static double share(String condition, int ageBand, String sex, BoroughProfile borough) {
        double[] byAge = BY_AGE.get(condition);
        double p = byAge == null ? DEFAULT : byAge[ageBand];
        if (CARDIO.contains(condition)) {
            p *= sex.equals("male") ? 1.3 : 0.8;
        }
        if (condition.equals("DEP")) {
            p *= sex.equals("female") ? 1.3 : 0.7;
        }
        if (DEPRIVATION.contains(condition)) {
            p *= Math.max(0.5, 1 + 0.12 * borough.imdZ());
        }
        return Math.min(0.95, p);
    }

    /** P(at least one) and P(at least two) of independent conditions with the given shares. */
    static double[] anyOneAnyTwo(double[] shares) {
        double none = 1;
        double ratio = 0;
        for (double p : shares) {
            none *= 1 - p;
            ratio += p / (1 - p);
        }
        double exactlyOne = none * ratio;
        return new double[] {1 - none, Math.max(0, 1 - none - exactlyOne)};
    }
}
