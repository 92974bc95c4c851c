package org.rehabmap.cli;

import org.junit.jupiter.api.Test;
import org.rehabmap.config.ConfigError;
import org.rehabmap.pipeline.Step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A step whose class cannot be loaded fails the run instead of being skipped as "not built yet". */
class StepsTest {
    @Test
    void everyStepOfAFullRunLoads() {
        assertEquals(
                Steps.ORDER, Steps.forTarget("all").stream().map(Step::name).toList());
    }

    @Test
    void aStepClassThatCannotBeLoadedIsAnError() {
        String key = "rehabmap.step.publish";
        System.setProperty(key, "org.rehabmap.publish.NoSuchJob");
        try {
            ConfigError e = assertThrows(ConfigError.class, () -> Steps.create("publish"));
            assertTrue(e.getMessage().contains("org.rehabmap.publish.NoSuchJob"), e.getMessage());
            System.setProperty(key, String.class.getName());
            assertThrows(ConfigError.class, () -> Steps.create("publish"), "a class that is not a Step");
        } finally {
            System.clearProperty(key);
        }
    }
}
