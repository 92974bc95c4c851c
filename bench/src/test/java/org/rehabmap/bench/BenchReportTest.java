package org.rehabmap.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's arithmetic: min / median / max per scale and phase, the ratios, the targets. */
class BenchReportTest {
    private static BenchReport.Measure m(double scale, String phase, int run, double wall, int exit) {
        return new BenchReport.Measure(scale, phase, run, wall, wall / 2, 1, 1024L * 1000 * run, 1000, 0.5, exit);
    }

    @Test
    void summarisesRunsAndRatios() {
        List<BenchReport.Stats> s = BenchReport.summarise(List.of(
                m(1, "full", 1, 80, 0),
                m(1, "full", 2, 60, 0),
                m(1, "full", 3, 70, 0),
                m(1, "full", 4, 500, 1),
                m(1, "floor", 1, 35, 0),
                m(1, "night", 1, 20, 0),
                m(1, "duckdb", 1, 7, 0),
                m(10, "full", 1, 1000, 0)));
        BenchReport.Stats full = BenchReport.find(s, 1, "full");
        assertEquals(3, full.runs());
        assertEquals(1, full.failed());
        assertEquals(60, full.min());
        assertEquals(70, full.median());
        assertEquals(80, full.max());
        assertEquals(3000 * 1024L, full.peakRssKb());
        assertEquals(1000 / 70.0, full.rowsPerSec(), 1e-9);
        assertEquals("2.00", BenchReport.ratio(full, BenchReport.find(s, 1, "floor")));
        assertEquals("10.00", BenchReport.ratio(full, BenchReport.find(s, 1, "duckdb")));
        String t = BenchReport.targets(s);
        assertTrue(t.contains("scale 1 full run 70.0 s (≤ 90: met)"), t);
        assertTrue(t.contains("ratio to floor 2.00 (≤ 2.5: met)"), t);
        assertTrue(t.contains("incremental night 20.0 s (≤ 30: met)"), t);
        assertTrue(t.contains("scale 10 ÷ scale 1 = 14.29 (≤ 10: MISSED)"), t);
        String md = BenchReport.markdown(
                s, Map.of("1", Map.of("1_full", "{\"agree\": true, \"compared\": 82, \"max_abs_diff\": 1.0e-15}")), "");
        assertTrue(md.contains("| 1 | 2.00 | 10.00 | after the full run: equal (82 rows, max |Δ| 1.0e-15) |"), md);
        assertTrue(BenchReport.svg(s).contains("<polyline"));
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.0, BenchReport.median(List.of(1.0, 2.0, 3.0)));
        assertEquals(2.5, BenchReport.median(List.of(1.0, 2.0, 3.0, 4.0)));
        assertTrue(Double.isNaN(BenchReport.median(List.of())));
    }
}
