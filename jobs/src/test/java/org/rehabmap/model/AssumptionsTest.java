package org.rehabmap.model;

import org.junit.jupiter.api.Test;
import org.rehabmap.config.ConfigError;
import org.rehabmap.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.model.TwoBoroughs.PROFESSIONS;

/** Assumption sets as files, changes on top of them, and the published set's defaults against their sources. */
class AssumptionsTest {

    static AssumptionSet v1() {
        return AssumptionSet.load(SharedSpark.projectHome().resolve("conf/workforce-model/assumptions-v1.conf"));
    }

    @Test
    void theV1SetGivesEveryAssumptionWithARationaleAndASource() {
        AssumptionSet v1 = v1();
        assertEquals("assumptions-v1", v1.name());
        assertEquals(Assumptions.KEYS, List.copyOf(v1.assumptions().keySet()));
        for (Assumption a : v1.assumptions().values()) {
            assertFalse(a.rationale().isBlank(), a.key());
            assertFalse(a.source().isBlank(), a.key());
        }
        // METHODS.md's defaults
        assertEquals(4.0, v1.get("contacts-per-episode").number());
        assertEquals(45.0, v1.get("minutes-per-contact").number());
        assertEquals(1650.0, v1.get("hours-per-wte-year").number());
        assertEquals(60.0, v1.get("clinical-time-pct").number());
        assertEquals("prevalence", v1.get("growth").choice());
        assertEquals(new AssumptionSet.OnCostRow("nhs_pension_employer_contribution", "from 2024-04-01"), v1.pension());
    }

    @Test
    void v2AppliesHcasByBoroughZoneAndV1StillReproducesItsCosts() throws IOException {
        AssumptionSet v2 =
                AssumptionSet.load(SharedSpark.projectHome().resolve("conf/workforce-model/assumptions-v2.conf"));
        assertEquals(Assumptions.HCAS_BY_BOROUGH, v2.get(Assumptions.HCAS_MODE).choice());
        // v1 published costs without HCAS: read back, it is flat at 0%
        assertEquals(Assumptions.HCAS_FLAT, v1().get(Assumptions.HCAS_MODE).choice());
        assertEquals(0.0, v1().get(Assumptions.HCAS).number());
        // the zones' rates and limits are the reference file's rows
        for (String l : Files.readAllLines(SharedSpark.projectHome().resolve("data/reference/afc_hcas_2024_25.csv"))
                .subList(1, 4)) {
            String[] c = l.split(",");
            String zone = c[0].toLowerCase().replace(' ', '-');
            assertEquals(
                    new Costing.Hcas(Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3])),
                    v2.hcasZones().zones().get(zone),
                    zone);
        }
        // every London borough is in exactly one zone: 14 Inner, 19 Outer (Annex 9), none Fringe
        List<String> boroughs =
                Files.readAllLines(SharedSpark.projectHome().resolve("data/reference/london_boroughs.csv")).stream()
                        .skip(1)
                        .map(l -> l.split(",")[0])
                        .toList();
        assertEquals(33, boroughs.size());
        assertEquals(
                new java.util.TreeSet<>(boroughs),
                v2.hcasZones().zoneOfBorough().keySet());
        assertEquals(
                14,
                v2.hcasZones().zoneOfBorough().values().stream()
                        .filter("inner-london"::equals)
                        .count());
        assertEquals("inner-london", v2.hcasZones().zoneOfBorough().get("E09000030")); // Tower Hamlets
        assertEquals("outer-london", v2.hcasZones().zoneOfBorough().get("E09000011")); // Greenwich
        // the configured set is v2, and v1 cannot be switched to zones it does not have
        assertTrue(Files.readString(SharedSpark.projectHome().resolve("conf/workforce-model.conf"))
                .contains("assumption-set = \"conf/workforce-model/assumptions-v2.conf\""));
        assertMessage(() -> Assumptions.of(v1()).with("hcas", "by-borough", PROFESSIONS), "needs an hcas-zones block");
    }

    @Test
    void prevalenceGrowthIsMacmillansFigures() throws IOException {
        // data/reference/uk_people_living_with_cancer.csv: UK 2025 3,500,000 (estimate, 2025-01-21) and UK 2030
        // 4,000,000 (projection)
        List<String> lines = Files.readAllLines(
                SharedSpark.projectHome().resolve("data/reference/uk_people_living_with_cancer.csv"));
        double y2025 = 0;
        double y2030 = 0;
        for (String l : lines) {
            String[] c = l.split(",", 5);
            if (l.startsWith("UK,2025,3500000,estimate")) {
                y2025 = Double.parseDouble(c[2]);
            }
            if (l.startsWith("UK,2030,4000000,projection")) {
                y2030 = Double.parseDouble(c[2]);
            }
        }
        double cagr = 100 * (Math.pow(y2030 / y2025, 1.0 / 5) - 1);
        assertEquals(2.7066, cagr, 5e-5);
        assertEquals(
                Math.round(cagr * 1e4) / 1e4, v1().get("prevalence-growth-pct").number(), 1e-12);
    }

    @Test
    void changesAreCheckedAndRemembered() {
        Assumptions a = Assumptions.of(v1());
        Assumptions b = a.with("minutes-per-contact", "60", PROFESSIONS)
                .with("contacts-per-episode.dietitian", "3", PROFESSIONS);
        assertEquals(60.0, b.number("minutes-per-contact"));
        assertEquals(3.0, b.number("contacts-per-episode", "dietitian"));
        assertEquals(4.0, b.number("contacts-per-episode", "physiotherapist"));
        assertEquals(45.0, a.number("minutes-per-contact"), "the original is unchanged");
        assertEquals("assumptions-v1 + minutes-per-contact=60, contacts-per-episode.dietitian=3", b.label());
        assertEquals("assumptions-v1", b.setName());
        // 1,650 h × 60 min × 60% = 59,400 clinical minutes a WTE
        assertEquals(59400.0, a.clinicalMinutesPerWte(), 1e-9);
        assertEquals(
                59400.0 * 1.1,
                a.with("productivity-change-pct", "10", PROFESSIONS).clinicalMinutesPerWte(),
                1e-9);
    }

    @Test
    void badChangesAreOneLineErrors() {
        Assumptions a = Assumptions.of(v1());
        assertMessage(
                () -> a.with("minutes", "60", PROFESSIONS),
                "unknown assumption 'minutes' (known: contacts-per-episode, minutes-per-contact");
        assertMessage(() -> a.with("minutes-per-contact", "lots", PROFESSIONS), "needs a number, got 'lots'");
        assertMessage(() -> a.with("clinical-time-pct", "150", PROFESSIONS), "must be between 1 and 100, got 150");
        assertMessage(() -> a.with("growth", "fast", PROFESSIONS), "must be one of prevalence, ageing, none");
        assertMessage(
                () -> a.with("hours-per-wte-year.dietitian", "1000", PROFESSIONS), "cannot be set per profession");
        assertMessage(
                () -> a.with("contacts-per-episode.podiatrist", "3", PROFESSIONS), "unknown profession 'podiatrist'");
    }

    @Test
    void aSetFileWithATypoOrWithoutASourceIsRefused() throws IOException {
        Path dir = Files.createTempDirectory("sets");
        String v1 = Files.readString(SharedSpark.projectHome().resolve("conf/workforce-model/assumptions-v1.conf"));
        Path typo = dir.resolve("typo.conf");
        Files.writeString(typo, v1.replace("  minutes-per-contact {", "  minutes-per-contakt {"));
        assertMessage(() -> AssumptionSet.load(typo), "unknown assumption 'minutes-per-contakt'");
        Path noSource = dir.resolve("nosource.conf");
        Files.writeString(
                noSource,
                v1.replace(
                        "source = \"METHODS.md example default (modelling judgement)\"\n  }\n  hours", "}\n  hours"));
        assertMessage(() -> AssumptionSet.load(noSource), "minutes-per-contact needs a source");
        assertMessage(() -> AssumptionSet.load(dir.resolve("absent.conf")), "assumption set not found");
    }

    @Test
    void scaledKeepsInsideTheRangeAndScalesPerProfessionValues() {
        Assumptions a = Assumptions.of(v1()).with("contacts-per-episode.dietitian", "5", PROFESSIONS);
        Assumptions up = a.scaled("contacts-per-episode", 1.2);
        assertEquals(4.8, up.number("contacts-per-episode"), 1e-12);
        assertEquals(6.0, up.number("contacts-per-episode", "dietitian"), 1e-12);
        assertEquals(
                100.0,
                Assumptions.of(v1())
                        .with("vacancy-fill-pct", "100", PROFESSIONS)
                        .scaled("vacancy-fill-pct", 1.2)
                        .number("vacancy-fill-pct"));
    }

    @Test
    void projectionsAreRebasedToTheCensus() {
        // projected 65+ 8,000 in 2021 against a census count of 7,200: every year × 0.9
        Map<String, Map<Integer, Double>> r = Projections.rebase(
                Map.of("E09000001", Map.of(2021, 8000.0, 2025, 10000.0, 2030, 12000.0), "E09000002", Map.of(2025, 1.0)),
                Map.of("E09000001", 7200.0, "E09000002", 100.0));
        assertEquals(7200.0, r.get("E09000001").get(2021), 1e-9);
        assertEquals(9000.0, r.get("E09000001").get(2025), 1e-9);
        assertEquals(10800.0, r.get("E09000001").get(2030), 1e-9);
        // growth from 2025 to 2030 is the projection's own: 12,000 ÷ 10,000
        assertEquals(1.2, r.get("E09000001").get(2030) / r.get("E09000001").get(2025), 1e-12);
        assertFalse(r.containsKey("E09000002"), "no 2021 projection to anchor on");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String part) {
        ConfigError x = assertThrows(ConfigError.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
        assertFalse(x.getMessage().contains("\n"), "one line: " + x.getMessage());
    }
}
