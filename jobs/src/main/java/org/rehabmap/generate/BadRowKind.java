package org.rehabmap.generate;

/**
 * One way of breaking a row on purpose, named after the landing rule it breaks. A bad value is
 * bad under every reading INPUTS.md allows: nothing that trimming, case-folding or a lenient
 * date resolver could make valid (no "Fatigue ", no 31 September — month 13 and day 32 instead).
 *
 * @param id          short name used in the summary, e.g. {@code bad_nhs_check_digit}
 * @param rule        what the ingest should say about it
 * @param corruption  turns a good row into the bad one, or returns null when it cannot apply to
 *                    this row (the injector then tries the next row)
 */
record BadRowKind(String id, String rule, Corruption corruption) {
    @FunctionalInterface
    interface Corruption {
        String[] apply(String[] row, Rng rng);
    }

    /** Sets one cell to one of the given bad values. */
    static BadRowKind set(String id, String rule, int column, String... values) {
        return new BadRowKind(id, rule, (row, rng) -> {
            row[column] = rng.pick(values);
            return row;
        });
    }

    /** A row with one cell too many: a stray comma, values shifted (never padded or cut to fit at ingest). */
    static BadRowKind extraCell(String id) {
        return new BadRowKind(id, "row has more cells than the header", (row, rng) -> {
            String[] longer = java.util.Arrays.copyOf(row, row.length + 1);
            longer[row.length] = rng.pick(new String[] {"see notes", "checked", "n/k"});
            return longer;
        });
    }

    /** A row with one cell too few (CSV only: Excel cannot tell a missing last cell from a blank one). */
    static BadRowKind missingCell(String id) {
        return new BadRowKind(
                id, "row has fewer cells than the header", (row, rng) -> java.util.Arrays.copyOf(row, row.length - 1));
    }
}
