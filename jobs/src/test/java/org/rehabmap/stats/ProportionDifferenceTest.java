package org.rehabmap.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Newcombe (1998), "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17:873-890, Table II, method 10 (score
 * interval for each proportion, combined): the published limits to the four decimals printed.
 */
class ProportionDifferenceTest {
    private static void check(long x1, long n1, long x2, long n2, double lower, double upper) {
        ProportionDifference.Result r = ProportionDifference.newcombe(x1, n1, x2, n2, ConfidenceLevel.P95);
        assertEquals((double) x1 / n1 - (double) x2 / n2, r.difference(), 1e-12);
        assertEquals(lower, r.lower(), 5e-5, "lower " + x1 + "/" + n1 + " - " + x2 + "/" + n2);
        assertEquals(upper, r.upper(), 5e-5, "upper " + x1 + "/" + n1 + " - " + x2 + "/" + n2);
    }

    @Test
    void tableTwoExamples() {
        check(56, 70, 48, 80, 0.0524, 0.3339); // (a)
        check(9, 10, 3, 10, 0.1705, 0.8090); // (b)
        check(0, 10, 0, 20, -0.1611, 0.2775); // (e)
        check(0, 10, 0, 10, -0.2775, 0.2775); // (f)
        check(10, 10, 0, 20, 0.6791, 1.0000); // (g)
        check(10, 10, 0, 10, 0.6075, 1.0000); // (h)
    }

    @Test
    void swappingTheGroupsMirrorsTheInterval() {
        ProportionDifference.Result ab = ProportionDifference.newcombe(56, 70, 48, 80, ConfidenceLevel.P998);
        ProportionDifference.Result ba = ProportionDifference.newcombe(48, 80, 56, 70, ConfidenceLevel.P998);
        assertEquals(-ab.upper(), ba.lower(), 1e-12);
        assertEquals(-ab.lower(), ba.upper(), 1e-12);
        // 99.8% is wider than 95% around the same difference
        ProportionDifference.Result p95 = ProportionDifference.newcombe(56, 70, 48, 80, ConfidenceLevel.P95);
        assertEquals(true, ab.lower() < p95.lower() && ab.upper() > p95.upper());
    }

    @Test
    void anEmptyGroupHasNoInterval() {
        assertThrows(
                IllegalArgumentException.class, () -> ProportionDifference.newcombe(1, 2, 0, 0, ConfidenceLevel.P95));
    }
}
