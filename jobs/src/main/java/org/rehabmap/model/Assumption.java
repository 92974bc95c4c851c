package org.rehabmap.model;

import java.util.List;

/**
 * One assumption of a versioned assumption set (conf/workforce-model/assumptions-vN.conf): its
 * default, the range the model accepts, and why the default is what it is.
 *
 * @param number  the default of a numeric assumption, or null for a choice
 * @param choice  the default of a choice (one of {@code options}), or null for a number
 * @param min     lowest accepted value (numbers only); also the floor of a sensitivity change
 * @param max     highest accepted value (numbers only); also the ceiling of a sensitivity change
 */
public record Assumption(
        String key,
        Double number,
        String choice,
        List<String> options,
        String unit,
        Double min,
        Double max,
        String rationale,
        String source) {

    public boolean numeric() {
        return number != null;
    }

    /** The default as text, as a user would type it after --set. */
    public String defaultText() {
        return numeric() ? Assumptions.format(number) : choice;
    }
}
