package org.rehabmap.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.rehabmap.generate.Headers.PROVIDER_RETURN_COLUMNS;
import static org.rehabmap.generate.Headers.col;

/**
 * provider_returns: one file per quarter, as providers' returns are collated, then a corrections
 * file re-sending some 2024-Q4 and 2025-Q1 rows with revised values (it sorts after the 2025-Q1
 * file, so it is the later delivery and wins). 2024-Q3 is an Excel workbook; 2024-Q4 was saved
 * from Excel on Windows, so it is Windows-1252 (provider names carry ’ – £).
 */
final class ProviderReturnsWriter {
    static final String[] FILES = {
        "returns_2024_q2.csv", "returns_2024_q3.xlsx", "returns_2024_q4.csv", "returns_2025_q1.csv"
    };
    static final String CORRECTIONS = "returns_2025_q1_corrections.csv";
    private static final double[] SEASON = {1.0, 0.95, 0.9, 1.05};

    private static final int PERIOD = col(PROVIDER_RETURN_COLUMNS, "return_period");
    private static final int CODE = col(PROVIDER_RETURN_COLUMNS, "provider_code");
    private static final int NAME = col(PROVIDER_RETURN_COLUMNS, "provider_name");
    private static final int TYPE = col(PROVIDER_RETURN_COLUMNS, "provider_type");
    private static final int SERVICE_NAME = col(PROVIDER_RETURN_COLUMNS, "service_name");
    private static final int SETTING = col(PROVIDER_RETURN_COLUMNS, "setting");
    private static final int BOROUGHS = col(PROVIDER_RETURN_COLUMNS, "borough_codes");
    private static final int TUMOURS = col(PROVIDER_RETURN_COLUMNS, "tumour_groups");
    private static final int STAGES = col(PROVIDER_RETURN_COLUMNS, "pathway_stages");
    private static final int LEVEL = col(PROVIDER_RETURN_COLUMNS, "rehab_level");
    private static final int ROUTES = col(PROVIDER_RETURN_COLUMNS, "referral_routes");
    private static final int FUNDING = col(PROVIDER_RETURN_COLUMNS, "funding_source");
    private static final int FUNDING_END = col(PROVIDER_RETURN_COLUMNS, "funding_end_date");
    private static final int REFERRALS = col(PROVIDER_RETURN_COLUMNS, "referrals_received");
    private static final int SEEN = col(PROVIDER_RETURN_COLUMNS, "patients_seen");
    private static final int WAIT = col(PROVIDER_RETURN_COLUMNS, "median_wait_days");

    static final List<BadRowKind> BAD_KINDS = List.of(
            BadRowKind.set(
                    "bad_setting", "setting not in the enumeration", SETTING, "outpatient", "inpatient ward", "clinic"),
            new BadRowKind("unknown_borough_code", "a borough code that is not a London borough", (row, rng) -> {
                row[BOROUGHS] = row[BOROUGHS] + ";" + rng.pick(new String[] {"E09000034", "E07000072", "Camden"});
                return row;
            }),
            BadRowKind.set(
                    "bad_funding_end_date",
                    "funding_end_date is not a date",
                    FUNDING_END,
                    "2026-13-01",
                    "31/13/2025",
                    "March 2026"),
            BadRowKind.set("rehab_level_out_of_range", "rehab_level not 1-4", LEVEL, "5", "0", "level 3"),
            new BadRowKind(
                    "wrong_cell_count",
                    "row has more cells than the header (an unquoted comma in provider_name)",
                    (row, rng) -> {
                        String name = row[NAME];
                        int space = name.indexOf(' ');
                        if (space < 0) {
                            return null;
                        }
                        String[] longer = new String[row.length + 1];
                        System.arraycopy(row, 0, longer, 0, NAME);
                        longer[NAME] = name.substring(0, space);
                        longer[NAME + 1] = name.substring(space + 1);
                        System.arraycopy(row, NAME + 1, longer, NAME + 2, row.length - NAME - 1);
                        return longer;
                    }),
            BadRowKind.set(
                    "bad_return_period", "return_period is not YYYY-Qn", PERIOD, "2024-Q5", "Q3 2024", "2024/25 Q3"),
            BadRowKind.set(
                    "bad_provider_code", "provider_code is not an ODS code", CODE, "RA-0001", "PROVIDER01", "R A1"),
            BadRowKind.set(
                    "bad_provider_type",
                    "provider_type not in the enumeration",
                    TYPE,
                    "nhs_trust",
                    "charity",
                    "gp_practice"),
            BadRowKind.set(
                    "bad_tumour_group",
                    "tumour_groups item not in the enumeration",
                    TUMOURS,
                    "prostate",
                    "breast;bowel",
                    "solid tumours"),
            BadRowKind.set(
                    "bad_pathway_stage",
                    "pathway_stages item not in the enumeration",
                    STAGES,
                    "rehabilitation",
                    "restorative;survivorship"),
            BadRowKind.set(
                    "bad_referral_route",
                    "referral_routes item not in the enumeration",
                    ROUTES,
                    "self-referral",
                    "gp;a&e"),
            BadRowKind.set(
                    "bad_funding_source", "funding_source not in the enumeration", FUNDING, "nhs", "grant", "lottery"),
            BadRowKind.set("negative_count", "referrals_received below 0", REFERRALS, "-4", "-12"),
            BadRowKind.set("wait_out_of_range", "median_wait_days not 0-730", WAIT, "900", "1200", "-1"),
            BadRowKind.set("missing_required", "service_name (required) is blank", SERVICE_NAME, ""));

    private final World world;
    private final Plan plan;
    private final long seed;

    ProviderReturnsWriter(World world, Plan plan, long seed) {
        this.world = world;
        this.plan = plan;
        this.seed = seed;
    }

    void write(Path landing, SummaryBuilder summary) throws IOException {
        Path dir = landing.resolve(Headers.PROVIDER_RETURNS);
        long expected = 0;
        for (Provider p : world.providers) {
            for (Service s : p.services()) {
                for (int q = 0; q < 4; q++) {
                    if (s.returnsIn(q)) {
                        expected++;
                    }
                }
            }
        }
        BadRowInjector bad = new BadRowInjector(BAD_KINDS, expected, plan, Rng.of(seed, "provider-returns-bad"));
        Set<String> broken = new TreeSet<>();
        for (int q = 0; q < 4; q++) {
            try (TableSink sink = open(dir.resolve(FILES[q]), q)) {
                for (Provider p : world.providers) {
                    for (Service s : p.services()) {
                        if (!s.returnsIn(q)) {
                            continue;
                        }
                        String[] good = row(p, s, q);
                        String[] written = bad.next(good);
                        if (written != good) {
                            broken.add(p.code() + "|" + s.serviceId() + "|" + q);
                        }
                        sink.row(written);
                    }
                }
                sink.close();
                summary.file(Headers.PROVIDER_RETURNS, sink);
            }
        }
        summary.badRows(Headers.PROVIDER_RETURNS, bad);
        try (TableSink sink = CsvTableWriter.utf8(dir.resolve(CORRECTIONS), PROVIDER_RETURN_COLUMNS)) {
            for (String[] r : corrections(broken)) {
                sink.row(r);
            }
            sink.close();
            summary.file(
                    Headers.PROVIDER_RETURNS,
                    sink,
                    "corrections re-sending " + sink.rows() + " rows of 2024-Q4/2025-Q1 with revised values");
        }
    }

    private static TableSink open(Path file, int quarter) throws IOException {
        return switch (quarter) {
            case 1 ->
                new XlsxTableWriter(file, "Return", PROVIDER_RETURN_COLUMNS, Headers.PROVIDER_RETURN_TYPES, List.of());
            case 2 -> new CsvTableWriter(file, PROVIDER_RETURN_COLUMNS, CsvTableWriter.WINDOWS_1252, false);
            default -> new CsvTableWriter(file, PROVIDER_RETURN_COLUMNS, StandardCharsets.UTF_8, false);
        };
    }

    /** The return of service s for quarter q: a pure function of (seed, provider, service, quarter). */
    String[] row(Provider p, Service s, int q) {
        Rng rng = Rng.of(seed, "return:" + p.code() + ":" + s.serviceId(), q);
        String referrals = "";
        String seen = "";
        String wait = "";
        if (s.activityRecorded()) {
            int r = rng.poisson(s.referralsPerQuarter() * SEASON[q]);
            int n = (int) Math.round(r * rng.uniform(0.6, 1.02) + rng.poisson(2));
            int w = (int) Math.max(0, Math.min(400, Math.round(s.medianWait() * rng.lognormal(1, 0.2))));
            referrals = Integer.toString(r);
            seen = Integer.toString(n);
            wait = rng.chance(0.03) ? "" : Integer.toString(w);
        }
        return new String[] {
            ReportingYear.QUARTERS.get(q),
            p.code(),
            p.name(),
            p.type(),
            s.serviceId(),
            s.name(),
            s.setting(),
            String.join(";", s.boroughs()),
            String.join(";", s.tumourGroups()),
            String.join(";", s.stages()),
            Integer.toString(s.rehabLevel()),
            String.join(";", s.referralRoutes()),
            s.fundingSource(),
            s.fundingEnd() == null ? "" : s.fundingEnd().toString(),
            referrals,
            seen,
            wait
        };
    }

    /**
     * About 5% of the 2024-Q4 and 2025-Q1 returns again, revised; always at least one. Rows that
     * went out deliberately broken are not corrected, so every corrected key was delivered before.
     */
    private List<String[]> corrections(Set<String> broken) {
        Rng rng = Rng.of(seed, "provider-return-corrections");
        List<String[]> out = new ArrayList<>();
        String[] fallback = null;
        for (int q = 2; q < 4; q++) {
            for (Provider p : world.providers) {
                for (Service s : p.services()) {
                    if (!s.returnsIn(q) || broken.contains(p.code() + "|" + s.serviceId() + "|" + q)) {
                        continue;
                    }
                    String[] r = row(p, s, q);
                    if (fallback == null) {
                        fallback = r;
                    }
                    if (rng.chance(0.05)) {
                        out.add(revise(r, rng));
                    }
                }
            }
        }
        if (out.isEmpty() && fallback != null) {
            out.add(revise(fallback, rng));
        }
        return out;
    }

    private String[] revise(String[] r, Rng rng) {
        switch (rng.nextInt(4)) {
            case 0 -> { // late referrals counted
                if (!r[REFERRALS].isEmpty()) {
                    int was = Integer.parseInt(r[REFERRALS]);
                    r[REFERRALS] = Integer.toString(was + 1 + (int) Math.round(was * rng.uniform(0.05, 0.3)));
                    r[SEEN] = Integer.toString(Integer.parseInt(r[SEEN]) + rng.between(0, 5));
                } else {
                    r[REFERRALS] = Integer.toString(rng.between(5, 80));
                    r[SEEN] = Integer.toString(rng.between(3, 60));
                    r[WAIT] = Integer.toString(rng.between(5, 60));
                }
            }
            case 1 -> // grant extended, or an end date now known
                r[FUNDING_END] = r[FUNDING_END].isEmpty()
                        ? ReportingYear.END
                                .plusMonths(rng.between(3, 12))
                                .withDayOfMonth(1)
                                .minusDays(1)
                                .toString()
                        : java.time.LocalDate.parse(r[FUNDING_END]).plusYears(1).toString();
            case 2 -> { // one more borough now served
                List<String> bs = new ArrayList<>(List.of(r[BOROUGHS].split(";")));
                for (BoroughProfile b : world.boroughs) {
                    if (!bs.contains(b.code())
                            && b.ref()
                                    .stp()
                                    .equals(world.borough(bs.get(0)).ref().stp())) {
                        bs.add(b.code());
                        break;
                    }
                }
                r[BOROUGHS] = String.join(";", bs);
            }
            default -> // the median wait recalculated
                r[WAIT] = r[WAIT].isEmpty()
                        ? Integer.toString(rng.between(7, 90))
                        : Integer.toString(Integer.parseInt(r[WAIT]) + rng.between(3, 14));
        }
        return r;
    }
}
