package org.rehabmap.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.stats.ConfidenceLevel.P95;
import static org.rehabmap.stats.ConfidenceLevel.P998;

/**
 * Expected values worked by hand from the METHODS.md formulas (arithmetic carried to 15 significant
 * figures, written out beside each case), never by calling the code under test.
 * z² at 95% = 1.959964² = 3.841458881296; at 99.8% = 3.090232² = 9.549533813824.
 */
class ConfidenceIntervalsTest {

    private static final double PROPORTION_TOL = 1e-12;
    private static final double COUNT_TOL = 1e-9;

    // ---------------------------------------------------------------- Wilson

    @Test
    void wilson65of100At95() {
        // 4x(1 - x/n) = 260 * 0.35 = 91; √(3.841458881296 + 91) = √94.841458881296 = 9.7386579609973
        // z·√ = 1.959964 * 9.7386579609973 = 19.0874190118681
        // 2x + z² = 133.841458881296; 2(n + z²) = 207.682917762592
        // lower = (133.841458881296 - 19.0874190118681) / 207.682917762592 = 0.552544432183904
        // upper = (133.841458881296 + 19.0874190118681) / 207.682917762592 = 0.736357518185397
        Interval ci = ConfidenceIntervals.wilson(65, 100, P95);
        assertEquals(0.552544432183904, ci.lower(), PROPORTION_TOL);
        assertEquals(0.736357518185397, ci.upper(), PROPORTION_TOL);
    }

    @Test
    void wilson65of100At998() {
        // √(9.549533813824 + 91) = √100.549533813824 = 10.0274390456299; z·√ = 30.9871130168551
        // 2x + z² = 139.549533813824; 2(n + z²) = 219.099067627648
        // lower = 108.562420796969 / 219.099067627648 = 0.495494672672306
        // upper = 170.536646830679 / 219.099067627648 = 0.778354050873922
        Interval ci = ConfidenceIntervals.wilson(65, 100, P998);
        assertEquals(0.495494672672306, ci.lower(), PROPORTION_TOL);
        assertEquals(0.778354050873922, ci.upper(), PROPORTION_TOL);
    }

    @Test
    void wilsonZeroOfTen() {
        // x = 0: √(z² + 0) = z, so lower = (z² - z·z) / (2(n + z²)) = 0 exactly,
        // upper = 2z² / (2(n + z²)) = z² / (n + z²).
        // 95%:   3.841458881296 / 13.841458881296 = 0.277532803026058
        // 99.8%: 9.549533813824 / 19.549533813824 = 0.488478850941769
        Interval ci95 = ConfidenceIntervals.wilson(0, 10, P95);
        assertEquals(0.0, ci95.lower(), 0.0);
        assertEquals(0.277532803026058, ci95.upper(), PROPORTION_TOL);
        Interval ci998 = ConfidenceIntervals.wilson(0, 10, P998);
        assertEquals(0.0, ci998.lower(), 0.0);
        assertEquals(0.488478850941769, ci998.upper(), PROPORTION_TOL);
    }

    @Test
    void wilsonTenOfTen() {
        // x = n: 4x(1 - x/n) = 0, so lower = (2n + z² - z²) / (2(n + z²)) = n / (n + z²),
        // upper = (2n + 2z²) / (2(n + z²)) = 1 exactly.
        // 95%:   10 / 13.841458881296 = 0.722467196973942
        // 99.8%: 10 / 19.549533813824 = 0.511521149058231
        Interval ci95 = ConfidenceIntervals.wilson(10, 10, P95);
        assertEquals(0.722467196973942, ci95.lower(), PROPORTION_TOL);
        assertEquals(1.0, ci95.upper(), 0.0, "exactly one");
        Interval ci998 = ConfidenceIntervals.wilson(10, 10, P998);
        assertEquals(0.511521149058231, ci998.lower(), PROPORTION_TOL);
        assertEquals(1.0, ci998.upper(), 0.0);
    }

    @Test
    void wilsonEndsAreExactlyZeroAndOneForEveryN() {
        // Left to floating point, (2n + 2z²) / (2(n + z²)) is 1 ± 1 ulp for many n (e.g. an upper
        // limit of 100.00000000000001%), so the ends must be exact, not merely close.
        for (ConfidenceLevel c : ConfidenceLevel.values()) {
            for (long n = 1; n <= 2_000; n++) {
                assertEquals(0.0, ConfidenceIntervals.wilson(0, n, c).lower(), 0.0, c + ", n = " + n);
                assertEquals(1.0, ConfidenceIntervals.wilson(n, n, c).upper(), 0.0, c + ", n = " + n);
            }
        }
    }

    @Test
    void wilsonOneOfOne() {
        // n = 1: lower = 1 / (1 + z²) = 1 / 4.841458881296 = 0.206549311791803 (95%),
        //                             = 1 / 10.549533813824 = 0.0947909185038689 (99.8%)
        assertEquals(0.206549311791803, ConfidenceIntervals.wilson(1, 1, P95).lower(), PROPORTION_TOL);
        assertEquals(0.0947909185038689, ConfidenceIntervals.wilson(1, 1, P998).lower(), PROPORTION_TOL);
    }

    @Test
    void wilson998IsWiderThan95() {
        Interval narrow = ConfidenceIntervals.wilson(37, 120, P95);
        Interval wide = ConfidenceIntervals.wilson(37, 120, P998);
        assertTrue(wide.lower() < narrow.lower() && narrow.upper() < wide.upper());
        double p = 37.0 / 120;
        assertTrue(narrow.lower() < p && p < narrow.upper());
    }

    @Test
    void wilsonRejectsImpossibleInputs() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.wilson(0, 0, P95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.wilson(1, -5, P95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.wilson(-1, 10, P95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.wilson(11, 10, P95));
    }

    // ---------------------------------------------------------------- Byar

    @Test
    void byar65At95() {
        // lower: 1/(9·65) = 0.00170940170940171; z/(3√65) = 1.959964 / 24.1867732448956 = 0.0810345381814678
        //        base = 1 - 0.00170940170940171 - 0.0810345381814678 = 0.917256060109131
        //        O·base³ = 65 · 0.771741… = 50.1631876055908
        // upper: 1/(9·66) = 0.00168350168350168; z/(3√66) = 0.0804182970086056
        //        base = 1 - 0.00168350168350168 + 0.0804182970086056 = 1.0787347953251
        //        (O+1)·base³ = 66 · 1.255290… = 82.8491386920934
        Interval ci = ConfidenceIntervals.byar(65, P95);
        assertEquals(50.1631876055908, ci.lower(), COUNT_TOL);
        assertEquals(82.8491386920934, ci.upper(), COUNT_TOL);
    }

    @Test
    void byar65At998() {
        // lower: base = 1 - 0.00170940170940171 - 3.090232/(3√65) (= 0.12776536864636) = 0.870525229644239
        //        65 · base³ = 42.8802633420716
        // upper: base = 1 - 0.00168350168350168 + 3.090232/(3√66) (= 0.126793754784015) = 1.12511025310051
        //        66 · base³ = 94.0002876956877
        Interval ci = ConfidenceIntervals.byar(65, P998);
        assertEquals(42.8802633420716, ci.lower(), COUNT_TOL);
        assertEquals(94.0002876956877, ci.upper(), COUNT_TOL);
    }

    @Test
    void byar1045At95() {
        // lower: base = 1 - 1/9405 (= 0.000106326422115896) - 1.959964/(3√1045) (= 0.0202101108001301)
        //             = 0.979683562777754; 1045 · base³ = 982.593201327668
        // upper: base = 1 - 1/9414 (= 0.000106224771616741) + 1.959964/(3√1046) (= 0.020200447825253)
        //             = 1.02009422305364; 1046 · base³ = 1110.33121350595
        Interval ci = ConfidenceIntervals.byar(1045, P95);
        assertEquals(982.593201327668, ci.lower(), COUNT_TOL);
        assertEquals(1110.33121350595, ci.upper(), COUNT_TOL);
    }

    @Test
    void byarZeroHasLowerLimitZero() {
        // O = 0: lower is the limit of 0·(…)³, i.e. 0; upper uses O + 1 = 1:
        // base = 1 - 1/9 + 1.959964/3 = 1.54221022222222; 1 · base³ = 3.66800…
        Interval ci = ConfidenceIntervals.byar(0, P95);
        assertEquals(0.0, ci.lower(), 0.0);
        double base = 1 - 1.0 / 9 + 1.959964 / 3;
        assertEquals(base * base * base, ci.upper(), COUNT_TOL);
        assertEquals(3.668, ci.upper(), 1e-3);
    }

    @Test
    void byarRefusesANegativeLowerLimit() {
        // O = 1 at 99.8%: base = 1 - 1/9 - 3.090232/3 = -0.1411884…, a negative cube.
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.byar(1, P998));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.byar(-1, P95));
    }

    // ---------------------------------------------------------------- exact Poisson

    @Test
    void exactZeroHasLowerZeroAndClosedFormUpper() {
        // O = 0: upper = χ²⁻¹(1 - α/2, 2)/2 and χ² with 2 df has CDF 1 - e^(-x/2), so upper = -ln(α/2).
        // 95%: -ln(0.025) = 3.68887945411394; 99.8%: -ln(0.001) = 6.90775527898214
        Interval ci95 = ConfidenceIntervals.exactPoisson(0, P95);
        assertEquals(0.0, ci95.lower(), 0.0);
        assertEquals(3.68887945411394, ci95.upper(), COUNT_TOL);
        Interval ci998 = ConfidenceIntervals.exactPoisson(0, P998);
        assertEquals(0.0, ci998.lower(), 0.0);
        assertEquals(6.90775527898214, ci998.upper(), COUNT_TOL);
    }

    @Test
    void exactOneHasClosedFormLower() {
        // O = 1: lower = χ²⁻¹(α/2, 2)/2 = -ln(1 - α/2).
        // 95%: -ln(0.975) = 0.0253178079842899; 99.8%: -ln(0.999) = 0.00100050033358353
        assertEquals(
                0.0253178079842899, ConfidenceIntervals.exactPoisson(1, P95).lower(), 1e-12);
        assertEquals(
                0.00100050033358353, ConfidenceIntervals.exactPoisson(1, P998).lower(), 1e-12);
    }

    /**
     * Exact limits for O = 1..9, found by solving the Poisson tail equations below for μ (not via
     * chi-squared); to 4 dp they are the standard tables' values, e.g. O = 5: 1.6235, 11.6683.
     */
    private static final double[][] EXACT_95 = {
        {0.0253178079842899, 5.5716433909389}, {0.242209278543965, 7.22468766772396},
        {0.618672122895601, 8.76727306974233}, {1.08986537362632, 10.2415886754037},
        {1.62348639011842, 11.6683320793227}, {2.20189425349085, 13.0594740225187},
        {2.81436305151987, 14.4226753617024}, {3.4538321767485, 15.7631892201933},
        {4.11537309737833, 17.0848034514192},
    };

    private static final double[][] EXACT_998 = {
        {0.00100050033358353, 9.23341347645159}, {0.0454020177694896, 11.2288722424127},
        {0.190533377568403, 13.0622407791881}, {0.428552413628423, 14.7941492225372},
        {0.739371731917833, 16.4547452036801}, {1.10710466025564, 18.0616368401991},
        {1.52033626039881, 19.6261773953842}, {1.97081392174037, 21.15619816584},
        {2.45242440436377, 22.6573733090629},
    };

    @Test
    void exactOneToNineMatchTabulatedValues() {
        for (int o = 1; o <= 9; o++) {
            Interval ci95 = ConfidenceIntervals.exactPoisson(o, P95);
            assertEquals(EXACT_95[o - 1][0], ci95.lower(), 1e-10, "95% lower, O = " + o);
            assertEquals(EXACT_95[o - 1][1], ci95.upper(), 1e-10, "95% upper, O = " + o);
            Interval ci998 = ConfidenceIntervals.exactPoisson(o, P998);
            assertEquals(EXACT_998[o - 1][0], ci998.lower(), 1e-10, "99.8% lower, O = " + o);
            assertEquals(EXACT_998[o - 1][1], ci998.upper(), 1e-10, "99.8% upper, O = " + o);
        }
    }

    @Test
    void exactLimitsSolveThePoissonTailEquations() {
        // The defining property, checked with plain Poisson sums independent of commons-math:
        // upper U: P(X <= O | μ = U) = α/2;   lower L: P(X >= O | μ = L) = α/2.
        for (ConfidenceLevel c : ConfidenceLevel.values()) {
            double halfAlpha = (1 - c.level()) / 2;
            for (int o = 0; o <= 9; o++) {
                Interval ci = ConfidenceIntervals.exactPoisson(o, c);
                assertEquals(halfAlpha, poissonCdf(o, ci.upper()), 1e-10, c + " upper, O = " + o);
                if (o > 0) {
                    assertEquals(halfAlpha, 1 - poissonCdf(o - 1, ci.lower()), 1e-10, c + " lower, O = " + o);
                }
            }
        }
    }

    private static double poissonCdf(int k, double mu) {
        double term = Math.exp(-mu);
        double sum = term;
        for (int i = 1; i <= k; i++) {
            term *= mu / i;
            sum += term;
        }
        return sum;
    }

    @Test
    void exactRejectsNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.exactPoisson(-1, P95));
    }

    // ---------------------------------------------------------------- poissonCount switch

    @Test
    void poissonCountIsExactUpToNine() {
        for (long o = 0; o <= 9; o++) {
            assertEquals(ConfidenceIntervals.exactPoisson(o, P95), ConfidenceIntervals.poissonCount(o, P95));
            assertEquals(ConfidenceIntervals.exactPoisson(o, P998), ConfidenceIntervals.poissonCount(o, P998));
        }
        // O = 9 by hand: exact 4.11537309737833 .. 17.0848034514192, whereas Byar would give
        // 9·(1 - 1/81 - 1.959964/9)³ = 4.10688499652306 .. 10·(1 - 1/90 + 1.959964/(3√10))³ = 17.0857807584078
        Interval nine = ConfidenceIntervals.poissonCount(9, P95);
        assertEquals(4.11537309737833, nine.lower(), 1e-10);
        assertEquals(17.0848034514192, nine.upper(), 1e-10);
        assertNotEquals(ConfidenceIntervals.byar(9, P95), nine);
    }

    @Test
    void poissonCountIsByarFromTen() {
        for (long o : new long[] {10, 11, 65, 1045}) {
            assertEquals(ConfidenceIntervals.byar(o, P95), ConfidenceIntervals.poissonCount(o, P95));
            assertEquals(ConfidenceIntervals.byar(o, P998), ConfidenceIntervals.poissonCount(o, P998));
        }
        // O = 10 by hand (Byar): lower base = 1 - 1/90 - 1.959964/(3√10) = 0.782290543157747,
        // 10·base³ = 4.78744988404876; upper base = 1 - 1/99 + 1.959964/(3√11) = 1.18688278355366,
        // 11·base³ = 18.3914586779869. (Exact would be 4.795388696132 .. 18.39035604202.)
        Interval ten = ConfidenceIntervals.poissonCount(10, P95);
        assertEquals(4.78744988404876, ten.lower(), COUNT_TOL);
        assertEquals(18.3914586779869, ten.upper(), COUNT_TOL);
        // 99.8%: lower base = 1 - 1/90 - 3.090232/(3√10) = 0.663149834944307 → 2.91631880047332;
        // upper base = 1 - 1/99 + 3.090232/(3√11) = 1.3004789916914 → 24.1937232105157
        Interval ten998 = ConfidenceIntervals.poissonCount(10, P998);
        assertEquals(2.91631880047332, ten998.lower(), COUNT_TOL);
        assertEquals(24.1937232105157, ten998.upper(), COUNT_TOL);
    }

    // ---------------------------------------------------------------- rate

    @Test
    void rateScalesByarCountLimits() {
        // 20 events in 50,000 people per 100,000: count limits × 100000/50000 = × 2.
        // Byar O = 20, 95%: lower base = 1 - 1/180 - 1.959964/(3√20) = 0.848357353196031 → 12.2114287851159;
        // upper base = 1 - 1/189 + 1.959964/(3√21) = 1.13727539771516 → 30.8898804608294.
        Interval ci = ConfidenceIntervals.rate(20, 50_000, 100_000, P95);
        assertEquals(24.4228575702318, ci.lower(), 1e-9);
        assertEquals(61.7797609216588, ci.upper(), 1e-9);
    }

    @Test
    void rateScalesExactCountLimits() {
        // 3 assessments among 1,500 people living with cancer, per 100: exact 95% count limits
        // 0.618672122895601 .. 8.76727306974233, × 100/1500 = 0.0412448081930401 .. 0.584484871316155
        Interval ci = ConfidenceIntervals.rate(3, 1_500, 100, P95);
        assertEquals(0.0412448081930401, ci.lower(), 1e-11);
        assertEquals(0.584484871316155, ci.upper(), 1e-11);
        // O = 0 keeps lower 0 after scaling; upper = -ln(0.025)·100/1500 = 0.245925296940929
        Interval zero = ConfidenceIntervals.rate(0, 1_500, 100, P95);
        assertEquals(0.0, zero.lower(), 0.0);
        assertEquals(0.245925296940929, zero.upper(), 1e-11);
    }

    @Test
    void rateRejectsUnusableDenominatorsAndMultipliers() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.rate(5, 0, 100, P95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.rate(5, -10, 100, P95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.rate(5, Double.NaN, 100, P95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.rate(5, 100, 0, P95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.rate(-1, 100, 100, P95));
    }
}
