package org.rehabmap.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spellings each logical type accepts, and the value each becomes: the text is first matched against
 * the type's pattern, then parsed; text that does not fit the type types as null, which the TYPE rule
 * reports. The patterns are searched for (not matched whole), as the silver tables were always typed.
 */
final class Typing {
    static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
    static final Set<String> FALSE = Set.of("false", "no", "n", "0");

    private static final Pattern INTEGER = Pattern.compile("^[+-]?[0-9]{1,9}$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$");
    private static final Pattern ISO_DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Pattern UK_DATE = Pattern.compile("^[0-9]{2}/[0-9]{2}/[0-9]{4}$");
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Typing() {}

    static boolean known(String logicalType) {
        return Set.of("string", "integer", "number", "boolean", "date").contains(logicalType);
    }

    /** The typed value of tidy text (never null here), or null when the text is not of the type. */
    static Object value(String logicalType, String v) {
        if (v == null) {
            return null;
        }
        return switch (logicalType) {
            case "integer" -> INTEGER.matcher(v).find() ? integer(v) : null;
            case "number" -> NUMBER.matcher(v).find() ? number(v) : null;
            case "boolean" -> bool(v);
            case "date" -> date(v);
            default -> v;
        };
    }

    /** How a TYPE reason names the type. */
    static String words(String logicalType) {
        return switch (logicalType) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true/false, yes/no, y/n or 1/0";
            case "date" -> "a date (YYYY-MM-DD or DD/MM/YYYY)";
            default -> logicalType;
        };
    }

    /** A pattern's '$' also matches before a final line break, which the number is read without. */
    private static Integer integer(String v) {
        try {
            return Integer.valueOf(stripControl(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(String v) {
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String v) {
        String l = v.toLowerCase(java.util.Locale.ROOT);
        if (TRUE.contains(l)) {
            return Boolean.TRUE;
        }
        return FALSE.contains(l) ? Boolean.FALSE : null;
    }

    private static LocalDate date(String v) {
        try {
            if (ISO_DATE.matcher(v).find()) {
                return LocalDate.parse(v, ISO);
            }
            if (UK_DATE.matcher(v).find()) {
                return LocalDate.parse(v, UK);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** Spaces and control characters off both ends. */
    private static String stripControl(String v) {
        int start = 0;
        int end = v.length();
        while (start < end && v.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && v.charAt(end - 1) <= ' ') {
            end--;
        }
        return v.substring(start, end);
    }
}
