package org.rehabmap.generate;

import org.junit.jupiter.api.Test;
import org.rehabmap.bronze.NhsNumber;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NhsNumberTest {
    private static final int NHS = Headers.HNA_COLUMNS.indexOf("nhs_number");

    @Test
    void everyNhsNumberIsSynthetic999AndOnlyTheDeliberateOnesFailTheCheck() {
        Landing l = Landing.of(21, 0.05);
        List<String[]> rows = l.rows(Headers.HNA_CONCERNS, true);
        assertTrue(rows.size() > 40_000, "enough rows to mean something: " + rows.size());
        int invalid = 0;
        int blank = 0;
        for (String[] r : rows) {
            String raw = r[NHS];
            if (raw.isEmpty()) {
                blank++;
                continue;
            }
            assertTrue(raw.replace(" ", "").startsWith("999"), "not a 999-range number: " + raw);
            if (!NhsNumber.check(raw).equals(NhsNumber.OK)) {
                invalid++;
            }
        }
        Generator.Summary s = l.summary;
        int badDigit = s.badRows(Headers.HNA_CONCERNS, "bad_nhs_check_digit");
        int badFormat = s.badRows(Headers.HNA_CONCERNS, "bad_nhs_format");
        assertTrue(badDigit > 0 && badFormat > 0, "this scale has bad NHS numbers of both kinds");
        assertEquals(badDigit + badFormat, invalid, "only the deliberately bad NHS numbers fail the check");
        assertEquals(s.badRows(Headers.HNA_CONCERNS, "missing_nhs_number"), blank);
    }

    @Test
    void somePeopleAreAssessedMoreThanOnceWithTheSameNumber() {
        Landing l = Landing.of(21, 0.05);
        Set<String> people = new HashSet<>();
        Set<String> assessments = new HashSet<>();
        for (String[] r : l.rows(Headers.HNA_CONCERNS, false)) {
            if (r.length != Headers.HNA_COLUMNS.size() || r[NHS].isEmpty()) {
                continue;
            }
            people.add(r[NHS].replace(" ", ""));
            assessments.add(r[0]);
        }
        double perPerson = (double) assessments.size() / people.size();
        assertTrue(perPerson > 1.1 && perPerson < 1.5, "≈ 1.25 assessments per person, got " + perPerson);
    }

    @Test
    void numberMakerGivesDistinctValid999Numbers() {
        NhsNumbers numbers = new NhsNumbers(42);
        assertTrue(
                numbers.capacity() > 900_000 && numbers.capacity() < 1_000_000,
                "about 10/11 of the million are valid: " + numbers.capacity());
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < 20_000; p++) {
            String n = numbers.forPerson(p);
            assertTrue(n.startsWith("999") && n.length() == 10, n);
            assertEquals(NhsNumber.OK, NhsNumber.check(n), n);
            assertTrue(seen.add(n), "person " + p + " shares a number");
        }
        assertEquals(numbers.forPerson(123), new NhsNumbers(42).forPerson(123), "seeded");
        assertFalse(numbers.forPerson(123).equals(new NhsNumbers(43).forPerson(123)), "another seed, another number");
        String wrong = NhsNumbers.wrongCheckDigit(numbers.forPerson(5), 3);
        assertEquals(NhsNumber.BAD_CHECK_DIGIT, NhsNumber.check(wrong));
        assertTrue(wrong.startsWith("999"));
        assertEquals(NhsNumber.OK, NhsNumber.check(NhsNumbers.spaced(numbers.forPerson(5))));
    }
}
