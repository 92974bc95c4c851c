package org.rehabmap.ingest;

import org.junit.jupiter.api.Test;
import org.rehabmap.config.PseudonymKey;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymiserTest {
    private static final PseudonymKey KEY =
            new PseudonymKey("a-test-key-of-some-length".getBytes(StandardCharsets.UTF_8), false);

    @Test
    void isTheHmacOfTheNormalisedNumber() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.bytes(), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("9434765919".getBytes(StandardCharsets.UTF_8)));
        Pseudonymiser p = new Pseudonymiser(KEY);
        assertEquals(expected, p.pseudonym("9434765919"));
        assertEquals(expected, p.pseudonym(" 943 476 5919 "), "spacing does not change the person");
    }

    @Test
    void dependsOnTheKey() {
        Pseudonymiser other =
                new Pseudonymiser(new PseudonymKey("another-key-entirely!".getBytes(StandardCharsets.UTF_8), false));
        assertNotEquals(new Pseudonymiser(KEY).pseudonym("9434765919"), other.pseudonym("9434765919"));
    }

    @Test
    void scrubsNumbersThatStrayIntoOtherCells() {
        Pseudonymiser p = new Pseudonymiser(KEY);
        String s = p.scrub("call about 943 476 5919 today");
        assertFalse(s.contains("943 476 5919"));
        assertTrue(s.startsWith("call about nhs:"));
        assertEquals("A001643", p.scrub("A001643"));
        assertEquals("12345678901", p.scrub("12345678901"), "eleven digits is not an NHS number");
    }
}
