package org.rehabmap.stats;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rehabmap.stats.ConfidenceLevel.P95;
import static org.rehabmap.stats.ConfidenceLevel.P998;

/**
 * Limits published by PHEindicatormethods itself, in the rendered output of its introductory vignette:
 * repository ukhsa-collaboration/PHEindicatormethods (formerly PublicHealthEngland/PHEindicatormethods),
 * path inst/doc/IntroductiontoPHEindicatormethods.html, commit d7dcb0a1ce3a5fb2b59f94d525bd470872778176,
 * sections "phe_proportion(df, obs, pop)", "phe_proportion(df, obs, pop, confidence=99.8)",
 * "phe_rate(df, obs, pop)" and "phe_rate(df, obs, pop, type="full", confidence=99.8, multiplier=100)".
 * The package's unit-test expectations (tests/testthat/testdata_Byars_Wilson.xlsx, testdata_Proportion.xlsx,
 * testdata_Rate.xlsx) are binary spreadsheets that could not be read here; these are the same functions'
 * published outputs.
 *
 * <p>Each value is kept as R printed it. The tolerance is half a unit in its last printed digit
 * plus a small allowance because R used z = qnorm(…) (1.95996398…, 3.09023231…) where METHODS.md fixes
 * 1.959964 and 3.090232; the allowance is stated per table and is zero for the exact-method row,
 * which does not depend on z.
 */
class PheIndicatorMethodsPublishedTest {

    /** The vignette's data frame: obs and pop per area and year. */
    private static final long[][] OBS_POP = {
        {68, 174}, {86, 189}, {18, 179}, {29, 107}, {99, 102}, {74, 102}, {8, 155}, {94, 114},
    };

    /** phe_proportion(df, obs, pop): lowercl, uppercl (0..1). */
    private static final String[][] PROPORTION_95 = {
        {"0.32141284", "0.46491370"}, {"0.38563304", "0.52621164"}, {"0.06455836", "0.15334331"},
        {"0.19583556", "0.36209159"}, {"0.91706943", "0.98994755"}, {"0.63189437", "0.80271793"},
        {"0.02638210", "0.09853151"}, {"0.74449994", "0.88346241"},
    };

    /** phe_proportion(df, obs, pop, confidence=99.8): lowercl, uppercl (0..1). */
    private static final String[][] PROPORTION_998 = {
        {"0.28504658", "0.5079248"}, {"0.34795803", "0.5664210"}, {"0.05014823", "0.1914304"},
        {"0.16118061", "0.4183973"}, {"0.86653064", "0.9940736"}, {"0.57419464", "0.8381782"},
        {"0.01832319", "0.1369464"}, {"0.69079867", "0.9081514"},
    };

    /** phe_rate(df, obs, pop): per 100,000; row 7 (obs 8) is "Exact", the rest "Byars". */
    private static final String[][] RATE_95_PER_100K = {
        {"30346.142", "49544.53"}, {"36395.152", "56196.03"}, {"5956.701", "15893.43"},
        {"18147.416", "38925.56"}, {"78882.763", "118166.76"}, {"56964.372", "91079.88"},
        {"2228.279", "10169.80"}, {"66631.239", "100906.46"},
    };

    /** phe_rate(df, obs, pop, confidence=99.8, multiplier=100): per 100. */
    private static final String[][] RATE_998_PER_100 = {
        {"26.042038", "56.07105"}, {"31.822578", "62.81142"}, {"4.259916", "19.77478"},
        {"14.132552", "46.57906"}, {"69.665053", "131.16634"}, {"49.230487", "102.60273"},
        {"1.271493", "13.64916"}, {"58.634753", "112.28780"},
    };

    private static final int EXACT_ROW = 6;

    @Test
    void wilsonMatchesPhe_proportionAt95() {
        // z rounding moves these limits by < 1e-9.
        for (int i = 0; i < OBS_POP.length; i++) {
            Interval ci = ConfidenceIntervals.wilson(OBS_POP[i][0], OBS_POP[i][1], P95);
            assertPublished(PROPORTION_95[i][0], ci.lower(), 1e-9, "row " + i);
            assertPublished(PROPORTION_95[i][1], ci.upper(), 1e-9, "row " + i);
        }
    }

    @Test
    void wilsonMatchesPhe_proportionAt998() {
        // z rounding (3.1e-7) moves these limits by < 2e-8.
        for (int i = 0; i < OBS_POP.length; i++) {
            Interval ci = ConfidenceIntervals.wilson(OBS_POP[i][0], OBS_POP[i][1], P998);
            assertPublished(PROPORTION_998[i][0], ci.lower(), 2e-8, "row " + i);
            assertPublished(PROPORTION_998[i][1], ci.upper(), 2e-8, "row " + i);
        }
    }

    @Test
    void rateMatchesPhe_rateAt95Per100k() {
        // Byar rows: z rounding moves a count limit by < 2e-7, which is < 2e-4 per 100,000 here.
        for (int i = 0; i < OBS_POP.length; i++) {
            Interval ci = ConfidenceIntervals.rate(OBS_POP[i][0], OBS_POP[i][1], 100_000, P95);
            double allowance = i == EXACT_ROW ? 0 : 2e-4;
            assertPublished(RATE_95_PER_100K[i][0], ci.lower(), allowance, "row " + i);
            assertPublished(RATE_95_PER_100K[i][1], ci.upper(), allowance, "row " + i);
        }
    }

    @Test
    void rateMatchesPhe_rateAt998Per100() {
        // Byar rows: z rounding moves a count limit by < 4e-6, which is < 4e-6 per 100 here.
        for (int i = 0; i < OBS_POP.length; i++) {
            Interval ci = ConfidenceIntervals.rate(OBS_POP[i][0], OBS_POP[i][1], 100, P998);
            double allowance = i == EXACT_ROW ? 0 : 4e-6;
            assertPublished(RATE_998_PER_100[i][0], ci.lower(), allowance, "row " + i);
            assertPublished(RATE_998_PER_100[i][1], ci.upper(), allowance, "row " + i);
        }
    }

    @Test
    void exactRowUsesTheExactMethodNotByar() {
        // obs = 8 < 10: published lower 2228.279 per 100,000. Byar would give
        // base = 1 - 1/72 (0.0138889) - 1.959964/(3√8) (0.2309840) = 0.7551271; 8·base³ = 3.444691;
        // 3.444691 / 155 · 100000 = 2222.38, so the published figure can only be the exact one.
        Interval byar = ConfidenceIntervals.byar(8, P95);
        double byarLower = byar.lower() / 155 * 100_000;
        double published = Double.parseDouble(RATE_95_PER_100K[EXACT_ROW][0]);
        assertEquals(2222.38, byarLower, 0.01);
        assertEquals(published, ConfidenceIntervals.rate(8, 155, 100_000, P95).lower(), 5e-4);
    }

    private static void assertPublished(String printed, double actual, double allowance, String where) {
        BigDecimal value = new BigDecimal(printed);
        double halfLastDigit = 0.5 * Math.pow(10, -value.scale());
        assertEquals(
                value.doubleValue(),
                actual,
                halfLastDigit + allowance,
                where + ": published " + printed + ", got " + actual);
    }
}
