package org.rehabmap.generate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComorbidityTest {
    /** Few providers and assessments (fast), 11 boroughs of comorbidity: 1,540 rows, one bad row of each kind. */
    private static final Plan ELEVEN_BOROUGHS = new Plan(2, 10, 11, 0.003, 80, false, "comorbidity test");

    private static final Plan ALL_BOROUGHS = new Plan(2, 10, 33, 0.003, 80, false, "comorbidity test, London");

    private static boolean count(String s) {
        return s.matches("[0-9]+");
    }

    @Test
    void everyRowOfACellCarriesTheSameRegisterCountExceptTheDeliberateOnes() {
        Landing l = Landing.of(13, ELEVEN_BOROUGHS);
        List<String[]> rows = l.rows(Headers.COMORBIDITY, true);
        Map<String, List<String>> byCell = new TreeMap<>();
        for (String[] r : rows) {
            if (r.length != 7) {
                continue;
            }
            byCell.computeIfAbsent(r[0] + "|" + r[1] + "|" + r[3] + "|" + r[4], k -> new ArrayList<>())
                    .add(r[5]);
        }
        int deviating = 0;
        for (List<String> counts : byCell.values()) {
            Map<String, Integer> freq = new TreeMap<>();
            for (String c : counts) {
                freq.merge(c, 1, Integer::sum);
            }
            int mode = freq.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            deviating += counts.size() - mode;
        }
        int planned = l.summary.badRows(Headers.COMORBIDITY, "denominator_mismatch");
        assertTrue(planned > 0, "this scale has a deliberate denominator mismatch");
        assertEquals(planned, deviating);
    }

    @Test
    void withConditionNeverExceedsTheRegisterExceptTheDeliberateRows() {
        Landing l = Landing.of(13, ELEVEN_BOROUGHS);
        int over = 0;
        for (String[] r : l.rows(Headers.COMORBIDITY, true)) {
            if (r.length == 7 && count(r[5]) && count(r[6]) && Integer.parseInt(r[6]) > Integer.parseInt(r[5])) {
                over++;
            }
        }
        int planned = l.summary.badRows(Headers.COMORBIDITY, "with_condition_gt_register");
        assertTrue(planned > 0);
        assertEquals(planned, over);
    }

    @Test
    void oneRowPerBoroughConditionSexAndAgeBandWithSuppressedSmallCounts() {
        Landing l = Landing.of(13, ELEVEN_BOROUGHS);
        List<String[]> rows = l.rows(Headers.COMORBIDITY, true);
        int boroughs = ELEVEN_BOROUGHS.comorbidityBoroughs();
        List<String> conditions = new ArrayList<>(List.of("ANY1", "ANY2"));
        conditions.addAll(List.of("AF", "AST", "CHD", "CKD", "COPD", "DEM", "DEP", "DM", "HF", "HYP", "MH", "STIA"));
        assertEquals(boroughs * conditions.size() * 2 * 5, rows.size());
        Set<String> seenConditions = new TreeSet<>();
        Set<String> markers = new TreeSet<>();
        for (String[] r : rows) {
            if (r.length != 7) {
                continue;
            }
            seenConditions.add(r[2]);
            if (!count(r[6]) && Set.of("*", "<5", "c").contains(r[6])) {
                markers.add(r[6]);
            }
        }
        assertTrue(seenConditions.containsAll(conditions), "all conditions: " + seenConditions);
        assertTrue(!markers.isEmpty(), "small counts are suppressed by the supplier");
    }

    @Test
    void registerIsAboutThreeToFourPercentOfPopulationAndRisesWithAge() {
        Landing l = Landing.of(17, ALL_BOROUGHS);
        Map<String, Long> register = new TreeMap<>();
        Map<String, long[]> hypByAge = new TreeMap<>();
        Map<String, String> seenCell = new TreeMap<>();
        for (String[] r : l.rows(Headers.COMORBIDITY, true)) {
            if (r.length != 7 || !count(r[5])) {
                continue;
            }
            String cell = r[1] + "|" + r[3] + "|" + r[4];
            if (seenCell.putIfAbsent(cell, r[5]) == null) {
                register.merge(r[1], Long.parseLong(r[5]), Long::sum);
            }
            if (r[2].equals("HYP") && count(r[6])) {
                long[] a = hypByAge.computeIfAbsent(r[4], k -> new long[2]);
                a[0] += Long.parseLong(r[6]);
                a[1] += Long.parseLong(r[5]);
            }
        }
        long total = register.values().stream().mapToLong(Long::longValue).sum();
        double share = total / 8_800_000.0;
        assertTrue(share > 0.03 && share < 0.04, "people living with cancer ≈ 3–4% of London, got " + share);
        double young = (double) hypByAge.get("18-39")[0] / hypByAge.get("18-39")[1];
        double old = (double) hypByAge.get("80+")[0] / hypByAge.get("80+")[1];
        assertTrue(young < 0.1 && old > 0.5, "hypertension rises with age: " + young + " → " + old);
    }
}
