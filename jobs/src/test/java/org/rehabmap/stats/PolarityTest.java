package org.rehabmap.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolarityTest {

    @Test
    void parsesTheThreeConfigSpellings() {
        assertEquals(Polarity.HIGH_IS_GOOD, Polarity.fromConfig("high_is_good"));
        assertEquals(Polarity.LOW_IS_GOOD, Polarity.fromConfig("low_is_good"));
        assertEquals(Polarity.NO_JUDGEMENT, Polarity.fromConfig("no_judgement"));
    }

    @Test
    void ignoresCase() {
        assertEquals(Polarity.HIGH_IS_GOOD, Polarity.fromConfig("HIGH_IS_GOOD"));
        assertEquals(Polarity.LOW_IS_GOOD, Polarity.fromConfig("Low_Is_Good"));
        assertEquals(Polarity.NO_JUDGEMENT, Polarity.fromConfig("No_Judgement"));
    }

    @Test
    void rejectsAnythingElseNamingTheValue() {
        for (String bad : new String[] {"high is good", "no_judgment", "", " low_is_good", "better"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Polarity.fromConfig(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void rejectsNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Polarity.fromConfig(null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }
}
