package org.rehabmap.supplier;

import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;

import java.util.ArrayList;
import java.util.List;

/**
 * What a supplier should put in one column, in words, from the column's contract: its type, range,
 * pattern, allowed values, list separator and what may be left blank. The template's instructions
 * sheet and its input messages both say it, so they never disagree with what conform enforces.
 */
public final class ColumnHelp {
    /** The sheet of the template that lists the coded values with their names. */
    public static final String CODES_SHEET = "Codes";

    private ColumnHelp() {}

    /** How to fill the column in, e.g. "A whole number from 0 to 730." */
    public static String entry(ColumnSpec c, CodeList codes) {
        List<String> parts = new ArrayList<>();
        if (c.isIdentifier()) {
            parts.add("10 digits (spaces allowed) with a valid check digit.");
            parts.add("Replaced by a pseudonym as soon as it arrives; never stored.");
        } else if (c.isList()) {
            parts.add("One or more values separated by ';' (e.g. " + example(codes) + ").");
            parts.add("A list cannot be one drop-down: take the values from sheet '" + CODES_SHEET + "'.");
        } else if (codes != null) {
            parts.add(
                    codes.referenced()
                            ? "A code from the drop-down (names beside the codes on sheet '" + CODES_SHEET + "')."
                            : "One of: " + String.join(", ", codes.codes()) + ".");
        } else {
            switch (c.logicalType()) {
                case "integer" -> parts.add("A whole number" + range(c) + ".");
                case "number" -> parts.add("A number" + range(c) + ".");
                case "date" -> parts.add("A date (YYYY-MM-DD or DD/MM/YYYY).");
                case "boolean" -> parts.add("yes or no (true/false, y/n and 1/0 also do).");
                default -> parts.add(c.pattern() != null ? "Text in the form " + c.pattern() + "." : "Text.");
            }
        }
        if (c.isList() && c.minItems() != null && c.minItems() > 1) {
            parts.add("At least " + c.minItems() + " values.");
        }
        if (!c.suppressionMarkers().isEmpty()) {
            parts.add("A count too small to share may be given as " + String.join(", ", c.suppressionMarkers()) + ".");
        }
        if (c.unknownValue() != null) {
            parts.add("A value outside the list, or a blank, is kept as '" + c.unknownValue() + "'.");
        }
        if (!"none".equals(c.normalise()) && c.normalise() != null) {
            parts.add("Upper or lower case does not matter.");
        }
        return String.join(" ", parts);
    }

    /** "required" or "optional", with the key position when the column is part of the key. */
    public static String required(ColumnSpec c) {
        return c.required() ? "required" : "optional (may be left blank)";
    }

    /** How a later return replaces an earlier one, from the contract's supersession key. */
    public static String supersession(Contract contract) {
        if (contract.supersessionKey().isEmpty()) {
            return "Every row delivered is kept; a later file does not replace an earlier one.";
        }
        return "A row is identified by (" + String.join(", ", contract.supersessionKey()) + "). A later file with a row"
                + " of the same key replaces the earlier row (the newer file wins; rehabmap keeps both as delivered)."
                + " To correct a row, send it again with the same key; to add one, use a new key.";
    }

    private static String example(CodeList codes) {
        if (codes == null || codes.entries().isEmpty()) {
            return "a;b";
        }
        List<String> c = codes.codes();
        return c.size() == 1 ? c.get(0) : c.get(0) + ";" + c.get(1);
    }

    private static String range(ColumnSpec c) {
        if (c.minimum() != null && c.maximum() != null) {
            return " from " + num(c.minimum()) + " to " + num(c.maximum());
        }
        if (c.minimum() != null) {
            return " of " + num(c.minimum()) + " or more";
        }
        if (c.maximum() != null) {
            return " up to " + num(c.maximum());
        }
        return "";
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
