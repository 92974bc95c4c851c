package org.rehabmap.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TrendTest {

    @Test
    void directionOfChange() {
        assertEquals("increasing", Trend.trend(12.5, 12.4));
        assertEquals("decreasing", Trend.trend(12.4, 12.5));
        assertEquals("no_change", Trend.trend(12.5, 12.5));
        assertEquals("increasing", Trend.trend(0.0, -3.0));
    }

    @Test
    void signedZeroIsNoChange() {
        assertEquals("no_change", Trend.trend(0.0, -0.0));
        assertEquals("no_change", Trend.trend(-0.0, 0.0));
    }

    @Test
    void missingEitherValueGivesNull() {
        assertNull(Trend.trend(null, 12.5));
        assertNull(Trend.trend(12.5, null));
        assertNull(Trend.trend(null, null));
        assertNull(Trend.trend(Double.NaN, 12.5));
        assertNull(Trend.trend(12.5, Double.NaN));
    }
}
