package org.rehabmap.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The helper that runs scripts/postgres.sh and scripts/chromium.sh gives up when its time is out. */
class TestServicesTest {
    @Test
    void aScriptThatKeepsItsOutputOpenIsStoppedAtTheTimeout() {
        IllegalStateException e = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThrows(
                        IllegalStateException.class,
                        () -> TestServices.script(
                                Duration.ofSeconds(2), Map.of(), "bash", "-c", "echo started; exec sleep 120")));
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
    }

    @Test
    void aScriptsOutputIsReturned() {
        assertEquals(
                "hello rehabmap\n",
                TestServices.script(
                        Duration.ofSeconds(30), Map.of("WHO", "rehabmap"), "bash", "-c", "echo hello \"$WHO\""));
    }
}
