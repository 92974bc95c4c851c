package org.rehabmap.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfidenceLevelTest {

    @Test
    void constantsAreTheOnesMethodsMdFixes() {
        assertEquals(1.959964, ConfidenceLevel.P95.z(), 0.0);
        assertEquals(0.95, ConfidenceLevel.P95.level(), 0.0);
        assertEquals(3.090232, ConfidenceLevel.P998.z(), 0.0);
        assertEquals(0.998, ConfidenceLevel.P998.level(), 0.0);
    }

    @Test
    void zIsTheTwoSidedNormalQuantileToSixDecimals() {
        // qnorm(0.975) = 1.95996398454..., qnorm(0.999) = 3.09023230616...; the constants are these
        // rounded to 6 dp, so they sit within half a unit of the 6th decimal.
        assertEquals(1.95996398454, ConfidenceLevel.P95.z(), 5e-7);
        assertEquals(3.09023230616, ConfidenceLevel.P998.z(), 5e-7);
    }
}
