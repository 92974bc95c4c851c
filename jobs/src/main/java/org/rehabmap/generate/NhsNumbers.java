package org.rehabmap.generate;

import org.rehabmap.bronze.NhsNumber;

/**
 * Synthetic NHS numbers: always in the 999 range that NHS numbering keeps for testing, always
 * with a valid Modulus 11 check digit ({@link NhsNumber#withCheckDigit}). Person k gets the k-th
 * number of a seeded shuffle of all ≈ 909,000 valid 999-numbers, so people never share a number
 * until that range is used up (scale ≳ 9); beyond that numbers are reused, which the summary says.
 */
final class NhsNumbers {
    private final int[] suffixes;

    NhsNumbers(long seed) {
        int[] valid = new int[1_000_000];
        int n = 0;
        char[] nine = {'9', '9', '9', '0', '0', '0', '0', '0', '0'};
        for (int s = 0; s < 1_000_000; s++) {
            int v = s;
            for (int i = 8; i >= 3; i--) {
                nine[i] = (char) ('0' + v % 10);
                v /= 10;
            }
            if (NhsNumber.withCheckDigit(new String(nine)) != null) {
                valid[n++] = s;
            }
        }
        suffixes = java.util.Arrays.copyOf(valid, n);
        Rng.of(seed, "nhs-numbers").shuffle(suffixes);
    }

    /** How many distinct numbers there are before they repeat. */
    int capacity() {
        return suffixes.length;
    }

    /** The NHS number of person {@code person} (0-based), ten digits. */
    String forPerson(long person) {
        int s = suffixes[(int) (person % suffixes.length)];
        char[] nine = {'9', '9', '9', '0', '0', '0', '0', '0', '0'};
        for (int i = 8; i >= 3; i--) {
            nine[i] = (char) ('0' + s % 10);
            s /= 10;
        }
        return NhsNumber.withCheckDigit(new String(nine));
    }

    /** As the NHS prints it: 999 123 4567. */
    static String spaced(String tenDigits) {
        return tenDigits.substring(0, 3) + " " + tenDigits.substring(3, 6) + " " + tenDigits.substring(6);
    }

    /** The same number with a wrong check digit (still 999-range: never a real-looking number). */
    static String wrongCheckDigit(String tenDigits, int offset) {
        int d = tenDigits.charAt(9) - '0';
        int wrong = (d + 1 + Math.floorMod(offset, 9)) % 10;
        return tenDigits.substring(0, 9) + wrong;
    }
}
