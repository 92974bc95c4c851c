package org.rehabmap.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rehabmap.stats.Polarity.HIGH_IS_GOOD;
import static org.rehabmap.stats.Polarity.LOW_IS_GOOD;
import static org.rehabmap.stats.Polarity.NO_JUDGEMENT;

class ComparisonTest {

    private static final Double LONDON = 50.0;

    // A CI wholly below London (upper 48 < 50) and one wholly above (lower 52 > 50).
    private static final Double[] BELOW = {40.0, 48.0};
    private static final Double[] ABOVE = {52.0, 60.0};
    private static final Double[] STRADDLES = {45.0, 55.0};

    @Test
    void highIsGood() {
        assertEquals("worse", Comparison.compare(BELOW[0], BELOW[1], LONDON, HIGH_IS_GOOD));
        assertEquals("better", Comparison.compare(ABOVE[0], ABOVE[1], LONDON, HIGH_IS_GOOD));
        assertEquals("similar", Comparison.compare(STRADDLES[0], STRADDLES[1], LONDON, HIGH_IS_GOOD));
    }

    @Test
    void lowIsGood() {
        assertEquals("better", Comparison.compare(BELOW[0], BELOW[1], LONDON, LOW_IS_GOOD));
        assertEquals("worse", Comparison.compare(ABOVE[0], ABOVE[1], LONDON, LOW_IS_GOOD));
        assertEquals("similar", Comparison.compare(STRADDLES[0], STRADDLES[1], LONDON, LOW_IS_GOOD));
    }

    @Test
    void noJudgementKeepsDirection() {
        assertEquals("lower", Comparison.compare(BELOW[0], BELOW[1], LONDON, NO_JUDGEMENT));
        assertEquals("higher", Comparison.compare(ABOVE[0], ABOVE[1], LONDON, NO_JUDGEMENT));
        assertEquals("similar", Comparison.compare(STRADDLES[0], STRADDLES[1], LONDON, NO_JUDGEMENT));
    }

    @Test
    void aLimitTouchingLondonIsSimilar() {
        // METHODS.md uses strict inequalities: upper = London is not "lower", lower = London not "higher".
        assertEquals("similar", Comparison.compare(40.0, 50.0, LONDON, NO_JUDGEMENT));
        assertEquals("similar", Comparison.compare(50.0, 60.0, LONDON, NO_JUDGEMENT));
        assertEquals("lower", Comparison.compare(40.0, Math.nextDown(50.0), LONDON, NO_JUDGEMENT));
        assertEquals("higher", Comparison.compare(Math.nextUp(50.0), 60.0, LONDON, NO_JUDGEMENT));
    }

    @Test
    void anyNullMeansNotCompared() {
        for (Polarity p : Polarity.values()) {
            assertEquals("not_compared", Comparison.compare(null, 48.0, LONDON, p));
            assertEquals("not_compared", Comparison.compare(40.0, null, LONDON, p));
            assertEquals("not_compared", Comparison.compare(40.0, 48.0, null, p));
            assertEquals("not_compared", Comparison.compare(null, null, null, p));
        }
        assertEquals("not_compared", Comparison.compare(40.0, 48.0, LONDON, null));
    }

    @Test
    void nanIsTreatedAsMissingNotAsSimilar() {
        assertEquals("not_compared", Comparison.compare(Double.NaN, 48.0, LONDON, HIGH_IS_GOOD));
        assertEquals("not_compared", Comparison.compare(40.0, 48.0, Double.NaN, HIGH_IS_GOOD));
    }

    @Test
    void worksWithRealWilsonLimits() {
        // 18/179 (Wilson 95%: 6.455836% .. 15.334331%) against London 20%: wholly below.
        Interval ci = ConfidenceIntervals.wilson(18, 179, ConfidenceLevel.P95);
        assertEquals("better", Comparison.compare(ci.lower() * 100, ci.upper() * 100, 20.0, LOW_IS_GOOD));
        // The same area against London 15%: the CI contains it.
        assertEquals("similar", Comparison.compare(ci.lower() * 100, ci.upper() * 100, 15.0, LOW_IS_GOOD));
    }
}
