package org.rehabmap.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of rule on plain Java rows: what breaks it, what does not, and the reason a person reads. */
class RuleKindTest {
    static List<Failure> failures(Rule rule, CheckedRow row) {
        rule.check(row);
        return row.failures();
    }

    static List<Failure> one(String id, String reason) {
        return List.of(new Failure(id, reason));
    }

    @Test
    void howACellIsRead() {
        TestRows t = new TestRows()
                .column("code", "string", "upper")
                .column("count", "integer", "none", "*", "<5", "c")
                .column("items", "array", "lower")
                .column("note", "string");
        CheckedRow r = t.row("  e09000001 ", "<5", " A ; b;;  ;C ", "\tx ");
        assertEquals("E09000001", r.typed(0), "trimmed and upper-cased");
        assertNull(r.typed(1), "a suppression marker is kept as null");
        assertTrue(r.suppressed(1));
        assertEquals(List.of("a", "b", "c"), r.typed(2), "items trimmed, cased, empty ones dropped");
        assertEquals("\tx", r.typed(3), "only spaces are trimmed, as silver always was");
        CheckedRow empty = t.row("   ", "C", ";", null);
        assertNull(empty.typed(0), "spaces only is empty");
        assertEquals(false, empty.suppressed(1), "markers are case-sensitive: 'C' is not 'c'");
        assertEquals(List.of(), empty.typed(2), "a list of nothing is an empty list, not null");
        assertNull(empty.typed(3));
    }

    @Test
    void typesAndTheirSpellings() {
        TestRows t = new TestRows()
                .column("i", "integer")
                .column("n", "number")
                .column("b", "boolean")
                .column("d", "date");
        CheckedRow ok = t.row("+007", "-.5e1", "Yes", "31/03/2026");
        assertEquals(7, ok.typed(0));
        assertEquals(-5.0, ok.typed(1));
        assertEquals(Boolean.TRUE, ok.typed(2));
        assertEquals(LocalDate.of(2026, 3, 31), ok.typed(3));
        CheckedRow iso = t.row("0", "5.", "n", "2024-02-29");
        assertEquals(Boolean.FALSE, iso.typed(2));
        assertEquals(LocalDate.of(2024, 2, 29), iso.typed(3));
        CheckedRow bad = t.row("1.5", "1,5", "maybe", "2025-02-30");
        for (int i = 0; i < 4; i++) {
            assertNull(bad.typed(i), "column " + i);
        }
        assertNull(t.row("1234567890", "1e", "2", "2025-1-05").typed(0), "ten digits is not a whole number here");
    }

    @Test
    void rowShape() {
        TestRows t = new TestRows().column("a", "string").column("b", "string");
        assertEquals(List.of(), failures(new RowShapeRule("X_ROW_SHAPE"), t.row("1", "2")));
        CheckedRow shifted = t.row(new TextRow(new String[] {"1", "2"}, null, 3, 2));
        assertEquals(
                one("X_ROW_SHAPE", "row has 3 cells but the header has 2 (values may have shifted)"),
                failures(new RowShapeRule("X_ROW_SHAPE"), shifted));
    }

    @Test
    void required() {
        TestRows t = new TestRows()
                .column("count", "integer", "none", "*")
                .column("items", "array", "upper")
                .identifier("nhs_number");
        Rule count = new RequiredRule(0, "R", "count", RequiredRule.Kind.VALUE);
        Rule items = new RequiredRule(1, "L", "items", RequiredRule.Kind.LIST);
        Rule id = new RequiredRule(2, "I", "nhs_number", RequiredRule.Kind.IDENTIFIER);
        assertEquals(one("R", "count is missing"), failures(count, t.row(" ", "A", "p")));
        assertEquals(List.of(), failures(count, t.row("*", "A", "p")), "suppressed is given, not missing");
        assertEquals(
                one("L", "items is missing (at least one item is needed)"), failures(items, t.row("1", " ; ", "p")));
        assertEquals(List.of(), failures(items, t.row("1", "a", "p")));
        assertEquals(one("I", "nhs_number is missing"), failures(id, t.row("1", "a", "")));
    }

    @Test
    void type() {
        TestRows t = new TestRows().column("d", "date");
        Rule rule = new TypeRule(0, "T", "d", "date");
        assertEquals(
                one("T", "d '2025-02-30' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
                failures(rule, t.row("2025-02-30")));
        assertEquals(List.of(), failures(rule, t.row("")), "an empty cell is no type error");
        assertEquals(List.of(), failures(rule, t.row("15/01/2025")));
    }

    @Test
    void pattern() {
        TestRows t = new TestRows().column("code", "string", "upper");
        Rule rule = new PatternRule(0, "P", "code", Pattern.compile("^[A-Z0-9]{3,6}$"));
        assertEquals(List.of(), failures(rule, t.row("rxx01")), "matched after upper-casing");
        assertEquals(one("P", "code 'R$1' does not match ^[A-Z0-9]{3,6}$"), failures(rule, t.row("r$1")));
    }

    @Test
    void range() {
        TestRows t = new TestRows().column("score", "integer").column("wte", "number");
        Rule score = new RangeRule(0, "S", "score", 0.0, 10.0);
        Rule wte = new RangeRule(1, "W", "wte", 0.0, null);
        assertEquals(one("S", "score 11 is outside the allowed range 0–10"), failures(score, t.row("11", "1")));
        assertEquals(List.of(), failures(score, t.row("10", "1")));
        assertEquals(one("W", "wte -0.5 is outside the allowed range (≥ 0)"), failures(wte, t.row("1", "-0.5")));
        assertEquals(List.of(), failures(score, t.row("x", "1")), "a value that did not type is the TYPE rule's");
    }

    @Test
    void minItems() {
        TestRows t = new TestRows().column("routes", "array");
        Rule rule = new MinItemsRule(0, "M", "routes", 2);
        assertEquals(one("M", "routes needs at least 2 item(s)"), failures(rule, t.row("gp")));
        assertEquals(List.of(), failures(rule, t.row("gp;cns")));
        assertEquals(List.of(), failures(rule, t.row("")), "not given at all is the REQUIRED rule's business");
    }

    @Test
    void validValues() {
        TestRows t = new TestRows()
                .column("sex", "string", "lower")
                .column("boroughs", "array", "upper")
                .column("residence", "string", "upper");
        Set<String> sexes = new LinkedHashSet<>(List.of("female", "male"));
        Set<String> boroughs = new LinkedHashSet<>(List.of("E09000001", "E09000002"));
        Rule sex = new ValidValuesRule(0, "V", "sex", sexes, false, null);
        Rule list = new ValidValuesRule(1, "B", "boroughs", boroughs, true, null);
        Rule residence = new ValidValuesRule(2, "K", "residence", boroughs, false, "unknown");
        assertEquals(List.of(), failures(sex, t.row("Female", "e09000001", "")), "matched after casing");
        assertEquals(one("V", "sex 'x' is not one of female, male"), failures(sex, t.row("X", "", "")));
        assertEquals(
                one("B", "boroughs: 'E07000241', 'W1' is not one of E09000001, E09000002"),
                failures(list, t.row("", "e09000002;e07000241; w1", "")));
        CheckedRow out = t.row("", "", "E07000241");
        assertEquals(List.of(), failures(residence, out), "an unknown value is kept, not quarantined");
        assertEquals("unknown", out.typed(2));
        CheckedRow missing = t.row("", "", "");
        residence.check(missing);
        assertEquals("unknown", missing.typed(2), "so is a missing one");
        Set<String> many = IntStream.range(0, 21).mapToObj(i -> "c" + i).collect(Collectors.toSet());
        assertEquals(
                one("V", "sex 'x' is not a known code"),
                failures(new ValidValuesRule(0, "V", "sex", many, false, null), t.row("x", "", "")));
    }

    @Test
    void identifierCheck() {
        TestRows t = new TestRows().identifier("nhs_number");
        Rule rule = new IdentifierCheckRule(0, "N", "nhs_number");
        assertEquals(
                one("N", "nhs_number fails the Modulus 11 check digit (value masked)"),
                failures(rule, t.row(status("p", IdentifierStatus.BAD_CHECK_DIGIT))));
        assertEquals(
                one("N", "nhs_number is not 10 digits (value masked)"),
                failures(rule, t.row(status("p", IdentifierStatus.BAD_FORMAT))));
        assertEquals(List.of(), failures(rule, t.row(status("p", IdentifierStatus.VALID))));
        assertEquals(
                List.of(),
                failures(rule, t.row(status(null, IdentifierStatus.MISSING))),
                "a missing number is the REQUIRED rule's");
    }

    static TextRow status(String pseudonym, IdentifierStatus s) {
        return new TextRow(new String[] {pseudonym}, new IdentifierStatus[] {s}, 1, 1);
    }

    @Test
    void notAfterAsOf() {
        TestRows t = new TestRows().column("assessment_date", "date");
        Rule rule = new NotAfterAsOfRule(0, "F", "assessment_date is not in the future", LocalDate.of(2025, 6, 30));
        assertEquals(one("F", "assessment_date is not in the future"), failures(rule, t.row("2025-07-01")));
        assertEquals(List.of(), failures(rule, t.row("30/06/2025")), "the as-of date itself is not the future");
        assertEquals(List.of(), failures(rule, t.row("")));
    }

    @Test
    void notGreaterThan() {
        TestRows t = new TestRows().column("register", "integer", "none", "c").column("with", "integer", "none", "<5");
        Rule rule = new NotGreaterThanRule(1, 0, "G", "with is at most register");
        assertEquals(one("G", "with is at most register"), failures(rule, t.row("100", "101")));
        assertEquals(List.of(), failures(rule, t.row("100", "100")));
        assertEquals(List.of(), failures(rule, t.row("c", "101")), "nothing to compare with a suppressed count");
        assertEquals(List.of(), failures(rule, t.row("100", "<5")));
    }

    @Test
    void requiredWhen() {
        TestRows t = new TestRows().column("action", "string", "lower").column("referred_to", "string", "lower");
        Rule rule = new RequiredWhenRule(1, 0, "referred", "W", "referred_to is required when action = referred");
        assertEquals(
                one("W", "referred_to is required when action = referred"), failures(rule, t.row("Referred", " ")));
        assertEquals(List.of(), failures(rule, t.row("referred", "gp")));
        assertEquals(List.of(), failures(rule, t.row("no_action", "")));
        assertEquals(List.of(), failures(rule, t.row("", "")));
    }

    @Test
    void consistentWithinGroup() {
        TestRows t = new TestRows().column("cell", "string").column("register", "integer", "none", "*");
        GroupRule rule = new ConsistentWithinGroupRule(List.of("cell"), "register", "D", "one register per cell");
        CheckedRow a1 = t.row("a", "100");
        CheckedRow a2 = t.row("a", "101");
        CheckedRow a3 = t.row("a", "*");
        CheckedRow broken = t.row("a", "99");
        broken.fail(new Failure("OTHER", "already failed"));
        rule.check(List.of(a1, a2, a3, broken));
        for (CheckedRow r : List.of(a1, a2, a3)) {
            assertEquals(one("D", "one register per cell"), r.failures(), "every row of the cell that passed");
        }
        assertEquals(one("OTHER", "already failed"), broken.failures(), "a failed row neither votes nor fails again");
        CheckedRow b1 = t.row("b", "5");
        CheckedRow b2 = t.row("b", "*");
        rule.check(List.of(b1, b2));
        assertTrue(b1.passes() && b2.passes(), "a suppressed value is no disagreement");
    }

    @Test
    void financialYear() {
        assertEquals("2024-25", FinancialYear.of(LocalDate.of(2025, 3, 31)));
        assertEquals("2025-26", FinancialYear.of(LocalDate.of(2025, 4, 1)));
        assertEquals("1999-00", FinancialYear.of(LocalDate.of(1999, 12, 1)));
        assertNull(FinancialYear.of(null));
    }
}
