package org.rehabmap.generate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realism the brief asks for, checked on a mid-sized generation (scale 0.05: ≈ 50,000 concern rows). */
class ContentTest {
    private static final Landing L = Landing.of(21, 0.05);
    private static final List<String> H = Headers.HNA_COLUMNS;

    private static List<String[]> goodHna() {
        return L.rows(Headers.HNA_CONCERNS, false).stream()
                .filter(r -> r.length == H.size())
                .toList();
    }

    @Test
    void concernScoresAreZeroToTenWithAFifthHighDistress() {
        int high = 0;
        int n = 0;
        int outOfRange = 0;
        for (String[] r : goodHna()) {
            String s = r[H.indexOf("concern_score")];
            if (!s.matches("-?[0-9]+")) {
                continue;
            }
            int v = Integer.parseInt(s);
            if (v < 0 || v > 10) {
                outOfRange++;
                continue;
            }
            n++;
            if (v >= 7) {
                high++;
            }
        }
        double share = (double) high / n;
        assertTrue(share >= 0.15 && share <= 0.25, "15–25% of concerns score ≥ 7, got " + share);
        assertEquals(L.summary.badRows(Headers.HNA_CONCERNS, "score_out_of_range"), outOfRange);
    }

    @Test
    void actionsAreMostlyDiscussedInformedOrReferredAndReferralsNameWhere() {
        Map<String, Integer> actions = new TreeMap<>();
        int referredWithout = 0;
        Set<String> valid = Set.of("referred", "information_given", "discussed", "no_action", "declined");
        for (String[] r : goodHna()) {
            String action = r[H.indexOf("action")].toLowerCase();
            if (!valid.contains(action)) {
                continue; // a deliberately bad action
            }
            actions.merge(action, 1, Integer::sum);
            if (action.equals("referred") && r[H.indexOf("referred_to")].isEmpty()) {
                referredWithout++;
            }
            if (!action.equals("referred")) {
                assertEquals("", r[H.indexOf("referred_to")], "referred_to only with a referral");
            }
        }
        int total = actions.values().stream().mapToInt(Integer::intValue).sum();
        int main = actions.get("discussed") + actions.get("information_given") + actions.get("referred");
        assertTrue(main > 0.8 * total, "mostly discussed / information_given / referred: " + actions);
        assertTrue(
                actions.get("no_action") > 0.03 * total && actions.get("declined") > 0.01 * total, actions.toString());
        assertEquals(L.summary.badRows(Headers.HNA_CONCERNS, "referred_without_referred_to"), referredWithout);
    }

    @Test
    void residenceIsSometimesOutsideLondonOrBlank() {
        int outside = 0;
        int blank = 0;
        int n = 0;
        for (String[] r : goodHna()) {
            String code = r[H.indexOf("residence_borough_code")];
            n++;
            if (code.isEmpty()) {
                blank++;
            } else if (!code.startsWith("E09")) {
                outside++;
            }
        }
        assertTrue(outside > 0.01 * n && outside < 0.06 * n, "≈ 3% out of London: " + outside + "/" + n);
        assertTrue(blank > 0.005 * n && blank < 0.04 * n, "≈ 1.5% blank: " + blank + "/" + n);
    }

    @Test
    void assessmentDatesFallInTheFinancialYearExceptTheDeliberateOnes() {
        int outside = 0;
        for (String[] r : goodHna()) {
            String d = r[H.indexOf("assessment_date")];
            LocalDate date;
            try {
                date = d.contains("/")
                        ? LocalDate.parse(d.substring(6) + "-" + d.substring(3, 5) + "-" + d.substring(0, 2))
                        : LocalDate.parse(d);
            } catch (RuntimeException e) {
                continue; // a deliberately bad date
            }
            if (date.isBefore(ReportingYear.START) || date.isAfter(ReportingYear.END)) {
                outside++;
            }
        }
        assertEquals(L.summary.badRows(Headers.HNA_CONCERNS, "future_date"), outside);
    }

    @Test
    void servicesAndWorkforceServeSeveralBoroughsAndMixSpecialistsWithGeneralists() {
        List<String[]> returns = L.rows(Headers.PROVIDER_RETURNS, false);
        long multi = returns.stream()
                .filter(r -> r.length == 17 && r[7].contains(";"))
                .count();
        assertTrue(multi > 0.1 * returns.size(), "multi-borough services: " + multi + "/" + returns.size());
        long endingSoon = returns.stream()
                .filter(r -> r.length == 17
                        && r[13].matches("[0-9-]{10}")
                        && !LocalDate.parse(r[13]).isAfter(ReportingYear.END.plusYears(1)))
                .count();
        assertTrue(endingSoon > 0, "some funding ends within 12 months");
        List<String[]> wf = L.rows(Headers.WORKFORCE_SURVEY, false);
        Set<String> flags = new TreeSet<>();
        long blankCaseload = 0;
        long multiBorough = 0;
        for (String[] r : wf) {
            if (r.length != 10) {
                continue;
            }
            flags.add(r[6].toLowerCase());
            if (r[9].isEmpty()) {
                blankCaseload++;
            }
            if (r[3].contains(";")) {
                multiBorough++;
            }
        }
        assertTrue(flags.containsAll(Set.of("true", "false")), "specialists and generalists: " + flags);
        assertTrue(blankCaseload > 0 && blankCaseload < wf.size(), "cancer_caseload_pct blank for some");
        assertTrue(multiBorough > 0, "posts serving several boroughs");
    }

    @Test
    void boroughsDifferInHowWellTheyAreServed() {
        Map<String, Integer> services = new TreeMap<>();
        for (String[] r : L.rows(Headers.PROVIDER_RETURNS, false)) {
            if (r.length != 17 || !r[0].equals("2025-Q1")) {
                continue;
            }
            for (String b : r[7].split(";")) {
                services.merge(b, 1, Integer::sum);
            }
        }
        int max = services.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = services.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        assertTrue(max >= 2 * Math.max(1, min), "service counts by borough vary: " + services);
    }

    @Test
    void correctionsResendKeysDeliveredEarlierWithChangedValues() {
        for (String source : List.of(Headers.PROVIDER_RETURNS, Headers.HNA_CONCERNS)) {
            List<String> cols = source.equals(Headers.HNA_CONCERNS) ? H : Headers.PROVIDER_RETURN_COLUMNS;
            int[] key = source.equals(Headers.HNA_CONCERNS)
                    ? new int[] {cols.indexOf("assessment_id"), cols.indexOf("concern_code")}
                    : new int[] {
                        cols.indexOf("provider_code"), cols.indexOf("service_id"), cols.indexOf("return_period")
                    };
            Map<String, String> earlier = new TreeMap<>();
            for (String[] r : L.rows(source, false)) {
                if (r.length == cols.size()) {
                    earlier.put(key(r, key), String.join("\u0001", r));
                }
            }
            List<String[]> all = L.rows(source, true);
            List<String[]> corrections = all.subList(L.rows(source, false).size(), all.size());
            assertTrue(!corrections.isEmpty(), source + " has a later file");
            int changed = 0;
            for (String[] r : corrections) {
                String before = earlier.get(key(r, key));
                assertTrue(before != null, source + ": a correction for a key never delivered: " + key(r, key));
                if (!before.equals(String.join("\u0001", r))) {
                    changed++;
                }
            }
            assertTrue(
                    changed >= corrections.size() / 2,
                    source + ": most re-sent rows change something (" + changed + "/" + corrections.size() + ")");
        }
    }

    private static String key(String[] r, int[] cols) {
        StringBuilder b = new StringBuilder();
        for (int c : cols) {
            b.append(r[c]).append('|');
        }
        return b.toString();
    }

    @Test
    void badRowsAreAboutThreePerThousandAcrossEveryRuleKind() {
        long rows = L.summary.rows(Headers.HNA_CONCERNS);
        int bad = L.summary.badRows(Headers.HNA_CONCERNS);
        assertTrue(bad > 0.001 * rows && bad < 0.005 * rows, bad + " bad of " + rows);
        for (BadRowKind k : HnaConcernsWriter.BAD_KINDS) {
            assertTrue(L.summary.badRows(Headers.HNA_CONCERNS, k.id()) > 0, k.id());
        }
        int wrongShape = (int) L.rows(Headers.HNA_CONCERNS, true).stream()
                .filter(r -> r.length != H.size())
                .count();
        assertEquals(L.summary.badRows(Headers.HNA_CONCERNS, "wrong_cell_count"), wrongShape);
    }
}
