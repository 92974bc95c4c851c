package org.rehabmap.curate;

import org.junit.jupiter.api.Test;
import org.rehabmap.testing.SharedSpark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Peer selection on tiny fixtures whose distances are worked out by hand, and pooled peer values. */
class PeerGroupsTest {
    static final double EPS = 1e-9;

    /**
     * Four boroughs, two variables (both far inside mean + 5 SD, so the cap does nothing):
     * <pre>
     *   x: 1, 4, 9, 16  → √ 1, 2, 3, 4;  mean 2.5, SD √(5/3);  neighbours differ in z by 1/√(5/3), squared 0.6
     *   y: 4, 4, 16, 16 → √ 2, 2, 4, 4;  mean 3,   SD √(4/3);  the two groups differ in z by 2/√(4/3), squared 3
     * weights x = 1, y = 2:
     *   d(A,B) = d(C,D) = √0.6 = 0.7746;  d(B,C) = √(0.6 + 2×3) = √6.6 = 2.5690
     *   d(A,C) = d(B,D) = √(2.4 + 6) = √8.4 = 2.8983;  d(A,D) = √(5.4 + 6) = √11.4 = 3.3764
     * two peers each: A: B, C   B: A, C   C: D, B   D: C, B
     * </pre>
     */
    static Map<String, Map<String, Double>> four() {
        Map<String, Map<String, Double>> v = new LinkedHashMap<>();
        v.put("A", Map.of("x", 1.0, "y", 4.0));
        v.put("B", Map.of("x", 4.0, "y", 4.0));
        v.put("C", Map.of("x", 9.0, "y", 16.0));
        v.put("D", Map.of("x", 16.0, "y", 16.0));
        return v;
    }

    static Map<String, Double> weights(double x, double y) {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("x", x);
        w.put("y", y);
        return w;
    }

    @Test
    void nearestByHand() {
        List<PeerGroups.Peer> p = PeerGroups.nearest(four(), Map.of("A", "Alpha"), weights(1, 2), 5, 2, Set.of());
        assertEquals(8, p.size());
        assertPeer(p.get(0), "A", 1, "B", Math.sqrt(0.6));
        assertPeer(p.get(1), "A", 2, "C", Math.sqrt(8.4));
        assertPeer(p.get(2), "B", 1, "A", Math.sqrt(0.6));
        assertPeer(p.get(3), "B", 2, "C", Math.sqrt(6.6));
        assertPeer(p.get(4), "C", 1, "D", Math.sqrt(0.6));
        assertPeer(p.get(5), "C", 2, "B", Math.sqrt(6.6));
        assertPeer(p.get(6), "D", 1, "C", Math.sqrt(0.6));
        assertPeer(p.get(7), "D", 2, "B", Math.sqrt(8.4));
        assertEquals("Alpha", p.get(0).boroughName());
        assertEquals("B", p.get(0).peerName(), "a borough without a name is shown by its code");
        assertEquals(2.5690, p.get(3).distance(), 5e-5);
        assertEquals(
                3.3764,
                PeerGroups.distance(
                        PeerGroups.standardise(four(), List.of("x", "y"), 5, Set.of())
                                .get("A"),
                        PeerGroups.standardise(four(), List.of("x", "y"), 5, Set.of())
                                .get("D"),
                        weights(1, 2)),
                5e-5);
    }

    @Test
    void tiesGoToTheLowerCodeAndAZeroWeightLeavesAVariableOut() {
        // y weighted 0: B is √0.6 from both A and C → A first
        List<PeerGroups.Peer> p = PeerGroups.nearest(four(), Map.of(), weights(1, 0), 5, 3, Set.of());
        List<PeerGroups.Peer> b =
                p.stream().filter(x -> x.boroughCode().equals("B")).toList();
        assertEquals(
                List.of("A", "C", "D"),
                b.stream().map(PeerGroups.Peer::peerCode).toList());
        assertEquals(b.get(0).distance(), b.get(1).distance(), EPS);
        assertEquals(Math.sqrt(4 * 0.6), b.get(2).distance(), EPS);
    }

    @Test
    void anOutlierIsCappedAtMeanPlusKStandardDeviations() {
        // five boroughs 0, 0, 0, 3, 12 with the cap at 1 SD: mean 3, SD √((9+9+9+0+81)/4) = √27, cap 3 + √27 = 8.196…
        // square roots 0, 0, 0, √3, √(3 + √27); z = (root − mean) ÷ SD of the roots
        Map<String, Map<String, Double>> v = new LinkedHashMap<>();
        double[] xs = {0, 0, 0, 3, 12};
        for (int i = 0; i < xs.length; i++) {
            v.put("B" + i, Map.of("x", xs[i]));
        }
        double cap = 3 + Math.sqrt(27);
        double[] roots = {0, 0, 0, Math.sqrt(3), Math.sqrt(cap)};
        double mean = (roots[3] + roots[4]) / 5;
        double ss = 0;
        for (double r : roots) {
            ss += (r - mean) * (r - mean);
        }
        double sd = Math.sqrt(ss / 4);
        Map<String, Map<String, Double>> z = PeerGroups.standardise(v, List.of("x"), 1, Set.of());
        assertEquals((Math.sqrt(cap) - mean) / sd, z.get("B4").get("x"), EPS);
        assertEquals((0 - mean) / sd, z.get("B0").get("x"), EPS);
        // uncapped (5 SD) the outlier keeps its own root
        double[] raw = {0, 0, 0, Math.sqrt(3), Math.sqrt(12)};
        double m2 = (raw[3] + raw[4]) / 5;
        double s2 = 0;
        for (double r : raw) {
            s2 += (r - m2) * (r - m2);
        }
        assertEquals(
                (Math.sqrt(12) - m2) / Math.sqrt(s2 / 4),
                PeerGroups.standardise(v, List.of("x"), 5, Set.of()).get("B4").get("x"),
                EPS);
    }

    @Test
    void anExcludedBoroughIsNobodysPeerButHasPeers() {
        List<PeerGroups.Peer> p = PeerGroups.nearest(four(), Map.of(), weights(1, 2), 5, 2, Set.of("B"));
        assertTrue(p.stream().noneMatch(x -> x.peerCode().equals("B")));
        assertEquals(
                List.of("A", "C"),
                p.stream()
                        .filter(x -> x.boroughCode().equals("B"))
                        .map(PeerGroups.Peer::peerCode)
                        .toList());
        // a missing value sits at the mean (z = 0)
        Map<String, Map<String, Double>> v = new LinkedHashMap<>(four());
        v.put("E", Map.of("x", 4.0));
        assertEquals(
                0.0,
                PeerGroups.standardise(v, List.of("x", "y"), 5, Set.of())
                        .get("E")
                        .get("y"),
                EPS);
    }

    @Test
    void peerValuesPoolNumeratorsAndDenominators() {
        IndicatorCatalogue catalogue = IndicatorCatalogue.from(
                SharedSpark.settings(java.nio.file.Path.of("/tmp/none"), java.nio.file.Path.of("/tmp/none")));
        // ahp_vacancy_rate_pct (× 100, not disclosive): peers B (3 of 10 funded vacant) and C (1 of 30):
        // pooled 100 × (3 + 1) ÷ (10 + 30) = 10.0 (a mean of the two rates would be (30 + 3.33) ÷ 2 = 16.67)
        // hna_assessments_per_100_living_with_cancer (disclosive): pooled numerator 2 + 3 = 5 is 1–7 → no peer value
        List<Measure> m = List.of(
                new Measure("ahp_vacancy_rate_pct", "2025-03-31", "borough", "A", 9.0, 9.0, 0),
                new Measure("ahp_vacancy_rate_pct", "2025-03-31", "borough", "B", 3.0, 10.0, 0),
                new Measure("ahp_vacancy_rate_pct", "2025-03-31", "borough", "C", 1.0, 30.0, 0),
                new Measure("hna_assessments_per_100_living_with_cancer", "2024-25", "borough", "A", 50.0, 1000.0, 0),
                new Measure("hna_assessments_per_100_living_with_cancer", "2024-25", "borough", "B", 2.0, 100.0, 0),
                new Measure("hna_assessments_per_100_living_with_cancer", "2024-25", "borough", "C", 3.0, 100.0, 0));
        Map<String, Double> v =
                PeerValues.pooled(m, Map.of("A", List.of("B", "C"), "B", List.of("A")), catalogue, 1, 7);
        assertEquals(10.0, v.get(PeerValues.key("ahp_vacancy_rate_pct", "2025-03-31", "A")), EPS);
        assertNull(v.get(PeerValues.key("hna_assessments_per_100_living_with_cancer", "2024-25", "A")));
        // B's only peer is A: 100 × 50 ÷ 1,000 = 5.0 per 100
        assertEquals(5.0, v.get(PeerValues.key("hna_assessments_per_100_living_with_cancer", "2024-25", "B")), EPS);
        assertFalse(v.containsKey(PeerValues.key("ahp_vacancy_rate_pct", "2025-03-31", "C")), "C has no peers listed");
    }

    static void assertPeer(PeerGroups.Peer p, String borough, int rank, String peer, double distance) {
        assertEquals(borough, p.boroughCode());
        assertEquals(rank, p.rank());
        assertEquals(peer, p.peerCode());
        assertEquals(distance, p.distance(), EPS);
    }
}
