package org.rehabmap.bronze;

/** NHS number format and Modulus 11 check digit (NHS Data Dictionary). */
public final class NhsNumber {
    public static final String OK = "ok";
    public static final String MISSING = "missing";
    public static final String BAD_FORMAT = "bad_format";
    public static final String BAD_CHECK_DIGIT = "bad_check_digit";

    private NhsNumber() {}

    /** Digits only when the value is 10 digits with optional spaces; otherwise null. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replace(" ", "").trim();
        return s.matches("[0-9]{10}") ? s : null;
    }

    public static String check(String raw) {
        if (raw == null || raw.isBlank()) {
            return MISSING;
        }
        String d = normalise(raw);
        if (d == null) {
            return BAD_FORMAT;
        }
        return modulus11Valid(d) ? OK : BAD_CHECK_DIGIT;
    }

    /** Weights 10..2 on the first nine digits; 11 − (sum mod 11), 11 → 0, 10 → invalid; must equal the tenth. */
    public static boolean modulus11Valid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10) {
            return false;
        }
        return check == tenDigits.charAt(9) - '0';
    }

    /** Appends a valid check digit to nine digits, or returns null when none exists (used by the generator). */
    public static String withCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10) {
            return null;
        }
        return nineDigits + check;
    }
}
