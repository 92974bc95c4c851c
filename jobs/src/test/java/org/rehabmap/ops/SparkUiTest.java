package org.rehabmap.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.testing.SharedSpark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(SharedSpark.class)
class SparkUiTest {
    @Test
    void theSparkUiIsOffUnlessAskedFor() {
        assertEquals("false", SharedSpark.session().conf().get("spark.ui.enabled"));
        assertTrue(SharedSpark.session().sparkContext().uiWebUrl().isEmpty(), "no UI server started");
    }
}
