package org.rehabmap.rules;

/** A number outside its column's minimum and maximum (either may be open). */
final class RangeRule implements Rule {
    private final int column;
    private final String id;
    private final String name;
    private final Double minimum;
    private final Double maximum;

    RangeRule(int column, String id, String name, Double minimum, Double maximum) {
        this.column = column;
        this.id = id;
        this.name = name;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    @Override
    public void check(CheckedRow row) {
        if (!(row.typed(column) instanceof Number n)) {
            return;
        }
        double d = n.doubleValue();
        if ((minimum != null && d < minimum) || (maximum != null && d > maximum)) {
            row.fail(new Failure(id, name + " " + row.text(column) + " is outside " + range()));
        }
    }

    private String range() {
        if (maximum == null) {
            return "the allowed range (≥ " + plain(minimum) + ")";
        }
        if (minimum == null) {
            return "the allowed range (≤ " + plain(maximum) + ")";
        }
        return "the allowed range " + plain(minimum) + "–" + plain(maximum);
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
