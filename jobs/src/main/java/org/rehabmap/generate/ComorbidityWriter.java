package org.rehabmap.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.rehabmap.generate.Headers.COMORBIDITY_COLUMNS;
import static org.rehabmap.generate.Headers.col;

/**
 * comorbidity: one extract (extract_date 2025-03-31), one row per borough × sex × age band ×
 * condition (ANY1, ANY2, then every code of ltc_conditions.csv). The cancer register count of a
 * (borough, sex, age band) cell is drawn once and carried by every row of the cell. Counts of 1–4
 * are suppressed by the supplier; each borough's supplier has its own marker ('*', '<5' or 'c').
 * Counts are real-size per borough whatever the scale: below scale 1 fewer boroughs are in the
 * extract (see {@link Plan}).
 */
final class ComorbidityWriter {
    static final String FILE = "ltc_cancer_register_2025_03_31.csv";
    static final List<String> SEXES = List.of("female", "male");
    private static final String[] MARKERS = {"*", "<5", "c"};
    private static final double[] AGE_SHARE = {0.05, 0.22, 0.24, 0.27, 0.22};

    private static final int DATE = col(COMORBIDITY_COLUMNS, "extract_date");
    private static final int BOROUGH = col(COMORBIDITY_COLUMNS, "borough_code");
    private static final int CONDITION = col(COMORBIDITY_COLUMNS, "condition_code");
    private static final int SEX = col(COMORBIDITY_COLUMNS, "sex");
    private static final int AGE = col(COMORBIDITY_COLUMNS, "age_band");
    private static final int REGISTER = col(COMORBIDITY_COLUMNS, "cancer_register_count");
    private static final int WITH = col(COMORBIDITY_COLUMNS, "with_condition_count");

    static final List<BadRowKind> BAD_KINDS = List.of(
            new BadRowKind(
                    "with_condition_gt_register",
                    "with_condition_count greater than cancer_register_count",
                    (row, rng) -> {
                        if (!isCount(row[REGISTER])) {
                            return null;
                        }
                        row[WITH] = Integer.toString(Integer.parseInt(row[REGISTER]) + rng.between(1, 20));
                        return row;
                    }),
            new BadRowKind(
                    "denominator_mismatch",
                    "cancer_register_count differs from the other rows of its cell",
                    (row, rng) -> {
                        if (!isCount(row[REGISTER])) {
                            return null;
                        }
                        row[REGISTER] = Integer.toString(Integer.parseInt(row[REGISTER]) + rng.between(1, 9));
                        return row;
                    }),
            BadRowKind.set(
                    "unknown_borough_code",
                    "borough_code is not a London borough",
                    BOROUGH,
                    "E09000034",
                    "E07000072",
                    "E09"),
            BadRowKind.set(
                    "bad_condition_code",
                    "condition_code not in ltc_conditions.csv, ANY1 or ANY2",
                    CONDITION,
                    "CAN",
                    "OB",
                    "ANY3"),
            BadRowKind.missingCell("wrong_cell_count"),
            BadRowKind.set(
                    "bad_extract_date", "extract_date is not a date", DATE, "2025-03-32", "31-03-2025", "Q4 2024-25"),
            BadRowKind.set("bad_sex", "sex not female or male", SEX, "persons", "all", "unknown"),
            BadRowKind.set("bad_age_band", "age_band not in the enumeration", AGE, "65-74", "85+", "0-17"),
            BadRowKind.set("negative_count", "with_condition_count below 0", WITH, "-1", "-7"),
            BadRowKind.set("bad_count", "with_condition_count is not an integer", WITH, "12.5", "twelve", "5-9"),
            BadRowKind.set("missing_required", "condition_code (required) is blank", CONDITION, ""));

    private final World world;
    private final Plan plan;
    private final long seed;

    ComorbidityWriter(World world, Plan plan, long seed) {
        this.world = world;
        this.plan = plan;
        this.seed = seed;
    }

    void write(Path landing, SummaryBuilder summary) throws IOException {
        List<BoroughProfile> boroughs = boroughs();
        List<String> conditions = new ArrayList<>(List.of("ANY1", "ANY2"));
        conditions.addAll(world.reference.conditions);
        long expected = (long) boroughs.size() * SEXES.size() * Headers.AGE_BANDS.size() * conditions.size();
        BadRowInjector bad = new BadRowInjector(BAD_KINDS, expected, plan, Rng.of(seed, "comorbidity-bad"));
        try (TableSink sink =
                CsvTableWriter.utf8(landing.resolve(Headers.COMORBIDITY).resolve(FILE), COMORBIDITY_COLUMNS)) {
            for (BoroughProfile b : boroughs) {
                Rng rng = Rng.of(seed, "comorbidity", b.index());
                String marker = rng.pick(MARKERS);
                double[] ageShare = ageShares(b);
                for (String sex : SEXES) {
                    for (int a = 0; a < ageShare.length; a++) {
                        double expectedRegister =
                                b.peopleWithCancer() * (sex.equals("female") ? 0.54 : 0.46) * ageShare[a];
                        int register = rng.poisson(expectedRegister);
                        for (String[] r : cell(b, sex, a, register, conditions, marker, rng)) {
                            sink.row(bad.next(r));
                        }
                    }
                }
            }
            sink.close();
            summary.file(Headers.COMORBIDITY, sink);
        }
        summary.badRows(Headers.COMORBIDITY, bad);
    }

    /** The 14 rows of one (borough, sex, age band) cell, every one with the same register count. */
    private List<String[]> cell(
            BoroughProfile b, String sex, int age, int register, List<String> conditions, String marker, Rng rng) {
        List<String> ltc = conditions.subList(2, conditions.size());
        double[] shares = new double[ltc.size()];
        int[] with = new int[ltc.size()];
        int most = 0;
        for (int i = 0; i < ltc.size(); i++) {
            shares[i] = ComorbidityRates.share(ltc.get(i), age, sex, b);
            with[i] = rng.binomial(register, shares[i]);
            most = Math.max(most, with[i]);
        }
        double[] any = ComorbidityRates.anyOneAnyTwo(shares);
        int any1 = Math.max(most, rng.binomial(register, any[0]));
        int any2 = Math.min(any1, rng.binomial(register, any[1]));
        String registerText = suppress(register, marker);
        String date = ReportingYear.SNAPSHOT.toString();
        String ageBand = Headers.AGE_BANDS.get(age);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {date, b.code(), "ANY1", sex, ageBand, registerText, suppress(any1, marker)});
        rows.add(new String[] {date, b.code(), "ANY2", sex, ageBand, registerText, suppress(any2, marker)});
        for (int i = 0; i < ltc.size(); i++) {
            rows.add(new String[] {date, b.code(), ltc.get(i), sex, ageBand, registerText, suppress(with[i], marker)});
        }
        return rows;
    }

    /** Boroughs in the extract: all 33, or (below scale 1) a seeded choice kept in reference order. */
    private List<BoroughProfile> boroughs() {
        if (plan.comorbidityBoroughs() >= world.boroughs.size()) {
            return world.boroughs;
        }
        int[] order = new int[world.boroughs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Rng.of(seed, "comorbidity-boroughs").shuffle(order);
        boolean[] in = new boolean[order.length];
        for (int i = 0; i < plan.comorbidityBoroughs(); i++) {
            in[order[i]] = true;
        }
        List<BoroughProfile> out = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                out.add(world.boroughs.get(i));
            }
        }
        return out;
    }

    /** Older boroughs have more of their people with cancer in the older bands. */
    private static double[] ageShares(BoroughProfile b) {
        double f = Math.pow(b.ref().pct65Plus() / 12.0, 0.7);
        double[] s = AGE_SHARE.clone();
        s[2] *= Math.sqrt(f);
        s[3] *= f;
        s[4] *= f;
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= sum;
        }
        return s;
    }

    private static String suppress(int count, String marker) {
        return count >= 1 && count <= 4 ? marker : Integer.toString(count);
    }

    static boolean isCount(String s) {
        return s != null && s.matches("[0-9]+");
    }
}
