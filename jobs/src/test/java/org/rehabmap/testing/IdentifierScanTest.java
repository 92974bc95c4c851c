package org.rehabmap.testing;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scan the security tests rely on must find a number in every form it can leak in. */
class IdentifierScanTest {
    static final Set<String> WANTED = Set.of("9434765919", "4010232137");

    @Test
    void findsANumberAsTenDigitsSpacedOrInsideALongerRunOfDigits() {
        assertEquals(Set.of("9434765919"), IdentifierScan.occurrences("nhs,9434765919,x", WANTED));
        assertEquals(Set.of("943 476 5919"), IdentifierScan.occurrences("\"943 476 5919\"", WANTED));
        assertEquals(Set.of("4010232137"), IdentifierScan.occurrences("id 7774010232137000", WANTED));
        assertEquals(Set.of("943 476 5919"), IdentifierScan.occurrences("12943 476 59190", WANTED));
    }

    @Test
    void findsNothingWhereNoWantedNumberIs() {
        assertEquals(Set.of(), IdentifierScan.occurrences("9434765918 943-476-5919 94347659 1234567890123", WANTED));
    }
}
