package org.rehabmap.bronze;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NhsNumberTest {
    @Test
    void modulus11ByHand() {
        // 943 476 5919: 9·10 + 4·9 + 3·8 + 4·7 + 7·6 + 6·5 + 5·4 + 9·3 + 1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9 = last
        // digit
        assertTrue(NhsNumber.modulus11Valid("9434765919"));
        assertFalse(NhsNumber.modulus11Valid("9434765918"));
        assertEquals(NhsNumber.OK, NhsNumber.check("943 476 5919"));
        assertEquals(NhsNumber.BAD_CHECK_DIGIT, NhsNumber.check("9434765910"));
    }

    @Test
    void checkDigitOfTenIsNeverValid() {
        // 000 000 006: 6·2 = 12; 12 mod 11 = 1; 11 − 1 = 10 → no valid number starts with these nine digits
        assertNull(NhsNumber.withCheckDigit("000000006"));
        assertFalse(NhsNumber.modulus11Valid("0000000060"));
    }

    @Test
    void checkDigitsWorkedByHand() {
        // 100 000 010: 1·10 + 1·3 = 13; 13 mod 11 = 2; 11 − 2 = 9
        assertEquals("1000000109", NhsNumber.withCheckDigit("100000010"));
        // 000 000 110: 1·4 + 1·3 = 7; 11 − 7 = 4
        assertEquals("0000001104", NhsNumber.withCheckDigit("000000110"));
        // sum 0 → 11 − 0 = 11, which becomes 0
        assertEquals("0000000000", NhsNumber.withCheckDigit("000000000"));
    }

    @Test
    void formatProblems() {
        assertEquals(NhsNumber.MISSING, NhsNumber.check(null));
        assertEquals(NhsNumber.MISSING, NhsNumber.check("  "));
        assertEquals(NhsNumber.BAD_FORMAT, NhsNumber.check("94347659"));
        assertEquals(NhsNumber.BAD_FORMAT, NhsNumber.check("943476591X"));
        assertEquals(NhsNumber.BAD_FORMAT, NhsNumber.check("94347659190"));
    }
}
