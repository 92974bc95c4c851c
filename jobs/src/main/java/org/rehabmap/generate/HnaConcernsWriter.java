package org.rehabmap.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.rehabmap.generate.Headers.HNA_COLUMNS;
import static org.rehabmap.generate.Headers.col;

/**
 * hna_concerns: one UTF-8 CSV per month of the eHNA export (2024-04 … 2025-03; October's came
 * from a system that adds a byte-order mark), streamed row by row, then a re-send file in which
 * the supplier re-sent some (assessment_id, concern_code) rows of earlier months, most with
 * corrected values. About a fifth of assessments are a person seen again at a later pathway
 * point (same NHS number, same demographics). Assessments are spread over the days of the year,
 * few at weekends.
 */
final class HnaConcernsWriter {
    static final String RESEND_FILE = "ehna_2025_03_resend.csv";
    private static final int BOM_MONTH = 6; // 2024-10
    private static final double MEAN_CONCERNS =
            7.0; // under the true mean (≈ 8.3), so every planned bad row finds a row
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private static final int ID = col(HNA_COLUMNS, "assessment_id");
    private static final int NHS = col(HNA_COLUMNS, "nhs_number");
    private static final int DATE = col(HNA_COLUMNS, "assessment_date");
    private static final int PROVIDER = col(HNA_COLUMNS, "provider_code");
    private static final int AGE = col(HNA_COLUMNS, "age_band");
    private static final int SEX = col(HNA_COLUMNS, "sex");
    private static final int TUMOUR = col(HNA_COLUMNS, "tumour_group");
    private static final int POINT = col(HNA_COLUMNS, "pathway_point");
    private static final int CONCERN = col(HNA_COLUMNS, "concern_code");
    private static final int SCORE = col(HNA_COLUMNS, "concern_score");
    private static final int ACTION = col(HNA_COLUMNS, "action");
    private static final int REFERRED_TO = col(HNA_COLUMNS, "referred_to");

    static final List<BadRowKind> BAD_KINDS = List.of(
            new BadRowKind("bad_nhs_check_digit", "nhs_number fails the Modulus 11 check (999 range)", (row, rng) -> {
                String digits = row[NHS].replace(" ", "");
                row[NHS] = NhsNumbers.wrongCheckDigit(digits, rng.nextInt(9));
                return row;
            }),
            new BadRowKind("future_date", "assessment_date is in the future (year typed as 22xx)", (row, rng) -> {
                LocalDate d = parse(row[DATE]);
                row[DATE] = d.withYear(d.getYear() + 180).toString();
                return row;
            }),
            BadRowKind.set("score_out_of_range", "concern_score not 0-10", SCORE, "11", "12", "-1", "100"),
            new BadRowKind("referred_without_referred_to", "action = referred but referred_to is blank", (row, rng) -> {
                row[ACTION] = "referred";
                row[REFERRED_TO] = "";
                return row;
            }),
            BadRowKind.set(
                    "bad_concern_code",
                    "concern_code not in the HNA concern catalogue",
                    CONCERN,
                    "finances",
                    "other",
                    "tiredness"),
            BadRowKind.extraCell("wrong_cell_count"),
            BadRowKind.set(
                    "bad_date",
                    "assessment_date is not a date",
                    DATE,
                    "2024-13-01",
                    "32/09/2024",
                    "2024-00-10",
                    "yesterday"),
            new BadRowKind("bad_nhs_format", "nhs_number is not 10 digits (999 range, a digit lost)", (row, rng) -> {
                row[NHS] = row[NHS].replace(" ", "").substring(0, 9);
                return row;
            }),
            BadRowKind.set("bad_sex", "sex not in the enumeration", SEX, "not stated", "9", "x"),
            BadRowKind.set("missing_nhs_number", "nhs_number (required) is blank", NHS, ""),
            BadRowKind.set("bad_age_band", "age_band not in the enumeration", AGE, "65-74", "85+", "17"),
            BadRowKind.set(
                    "bad_tumour_group",
                    "tumour_group not in the enumeration ('all' is not allowed here)",
                    TUMOUR,
                    "prostate",
                    "all",
                    "bowel"),
            BadRowKind.set(
                    "bad_pathway_point", "pathway_point not in the enumeration", POINT, "survivorship", "post-op"),
            BadRowKind.set("bad_score", "concern_score is not an integer", SCORE, "7.5", "high", "n/a"),
            BadRowKind.set("bad_action", "action not in the enumeration", ACTION, "signposted", "referred on", "tbc"),
            new BadRowKind("bad_referred_to", "referred_to not a profession or service in the list", (row, rng) -> {
                row[ACTION] = "referred";
                row[REFERRED_TO] = rng.pick(new String[] {"dentist", "physio", "chaplain"});
                return row;
            }),
            BadRowKind.set("missing_required", "provider_code (required) is blank", PROVIDER, ""));

    private final World world;
    private final Plan plan;
    private final long seed;
    private final HnaPeople people;
    private final HnaConcernModel model;
    private long nextPerson;
    private long nextAssessment;
    private long distinctPeople;

    HnaConcernsWriter(World world, Plan plan, long seed) {
        this.world = world;
        this.plan = plan;
        this.seed = seed;
        this.people = new HnaPeople(world, new NhsNumbers(seed), seed);
        this.model = new HnaConcernModel(world.reference.concerns);
    }

    void write(Path landing, SummaryBuilder summary) throws IOException {
        Path dir = landing.resolve(Headers.HNA_CONCERNS);
        BadRowInjector bad = new BadRowInjector(
                BAD_KINDS, Math.round(plan.assessments() * MEAN_CONCERNS), plan, Rng.of(seed, "hna-bad"));
        Rng rng = Rng.of(seed, "hna-assessments");
        Rng resendRng = Rng.of(seed, "hna-resend");
        List<String[]> resend = new ArrayList<>();
        long[] perDay = perDay(plan.assessments());
        int day = 0;
        long middle = plan.assessments() / 2;
        for (int m = 0; m < ReportingYear.MONTHS.size(); m++) {
            YearMonth month = ReportingYear.MONTHS.get(m);
            Path file =
                    dir.resolve(String.format(Locale.ROOT, "ehna_%d_%02d.csv", month.getYear(), month.getMonthValue()));
            try (TableSink sink = new CsvTableWriter(file, HNA_COLUMNS, StandardCharsets.UTF_8, m == BOM_MONTH)) {
                for (int d = 1; d <= month.lengthOfMonth(); d++, day++) {
                    LocalDate date = month.atDay(d);
                    for (long k = 0; k < perDay[day]; k++) {
                        boolean resent = nextAssessment == middle || resendRng.chance(0.004);
                        for (String[] r : assessment(date, rng)) {
                            String[] written = bad.next(r);
                            // re-send only rows that went out intact, so every re-sent key was delivered before
                            if (resent && written == r && resendRng.chance(0.5)) {
                                resend.add(revise(r.clone(), resendRng));
                            }
                            sink.row(written);
                        }
                    }
                }
                sink.close();
                summary.file(Headers.HNA_CONCERNS, sink);
            }
        }
        summary.badRows(Headers.HNA_CONCERNS, bad);
        try (TableSink sink = CsvTableWriter.utf8(dir.resolve(RESEND_FILE), HNA_COLUMNS)) {
            for (String[] r : resend) {
                sink.row(r);
            }
            sink.close();
            summary.file(
                    Headers.HNA_CONCERNS,
                    sink,
                    "re-sends " + sink.rows()
                            + " (assessment_id, concern_code) rows of earlier months, most with changed values");
        }
        summary.note(Headers.HNA_CONCERNS + ": " + nextAssessment + " assessments of " + distinctPeople + " people");
        if (distinctPeople > people.capacity()) {
            summary.note(Headers.HNA_CONCERNS + ": more people than synthetic 999-range NHS numbers ("
                    + people.capacity() + "); numbers are reused");
        }
    }

    /** Assessments per day of the year (weekends light), summing exactly to the total. */
    private static long[] perDay(long total) {
        int days = ReportingYear.days();
        double[] w = new double[days];
        double sum = 0;
        for (int i = 0; i < days; i++) {
            DayOfWeek dow = ReportingYear.START.plusDays(i).getDayOfWeek();
            w[i] = dow == DayOfWeek.SATURDAY ? 0.12 : dow == DayOfWeek.SUNDAY ? 0.05 : 1.0;
            sum += w[i];
        }
        long[] out = new long[days];
        double cum = 0;
        long done = 0;
        for (int i = 0; i < days; i++) {
            cum += w[i];
            long upTo = i == days - 1 ? total : Math.round(total * cum / sum);
            out[i] = upTo - done;
            done = upTo;
        }
        return out;
    }

    /** The concern rows of one assessment on the given date. */
    private List<String[]> assessment(LocalDate date, Rng rng) {
        boolean seenBefore = nextPerson > 0 && rng.chance(0.2);
        long personId;
        if (seenBefore) {
            long window = Math.min(nextPerson, Math.max(1, plan.assessments() / 4));
            personId = nextPerson - 1 - rng.nextInt((int) window);
        } else {
            personId = nextPerson++;
            distinctPeople = nextPerson;
        }
        HnaPeople.Person person = people.person(personId);
        Provider provider = person.provider();
        String id = String.format(Locale.ROOT, "HNA%08d", ++nextAssessment);
        String point = model.pathwayPoint(seenBefore, rng);
        String residence = rng.chance(0.015) ? "" : person.residenceCode();
        String nhs = provider.spacedNhsNumbers() ? NhsNumbers.spaced(person.nhsNumber()) : person.nhsNumber();
        String when = provider.ukDates() ? UK.format(date) : date.toString();
        int distress = rng.weighted(new double[] {25, 50, 25}) - 1;
        List<String[]> rows = new ArrayList<>();
        for (int c : model.concerns(person, point, rng)) {
            ReferenceData.Concern concern = model.concern(c);
            int score = model.score(concern, point, distress, rng);
            String action = model.action(score, person.borough(), rng);
            String referredTo = action.equals("referred") ? model.referredTo(concern, rng) : "";
            rows.add(new String[] {
                id,
                nhs,
                when,
                provider.code(),
                residence,
                person.ageBand(),
                cased(provider, person.sex()),
                person.tumourGroup(),
                point,
                concern.code(),
                Integer.toString(score),
                cased(provider, action),
                referredTo
            });
        }
        return rows;
    }

    /** A few providers' systems export enumerations capitalised ("Female", "Referred"): allowed, matched case-insensitively. */
    private static String cased(Provider p, String value) {
        return p.capitalisedEnums() && !value.isEmpty()
                ? Character.toUpperCase(value.charAt(0)) + value.substring(1)
                : value;
    }

    /** A re-sent row: 80% with a corrected score or action, 20% sent again unchanged. */
    private String[] revise(String[] r, Rng rng) {
        if (rng.chance(0.2)) {
            return r;
        }
        String action = r[ACTION].toLowerCase(Locale.ROOT);
        if (!action.equals("referred") && rng.chance(0.5)) {
            r[ACTION] = "referred";
            r[REFERRED_TO] = model.referredTo(concernOf(r[CONCERN]), rng);
        } else {
            int score = Integer.parseInt(r[SCORE]);
            int changed = Math.max(0, Math.min(10, score + (score >= 5 ? -rng.between(1, 3) : rng.between(1, 3))));
            r[SCORE] = Integer.toString(changed);
        }
        return r;
    }

    private ReferenceData.Concern concernOf(String code) {
        for (ReferenceData.Concern c : world.reference.concerns) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static LocalDate parse(String date) {
        return date.contains("/") ? LocalDate.parse(date, UK) : LocalDate.parse(date);
    }
}
