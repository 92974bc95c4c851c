package org.rehabmap.curate;

import org.junit.jupiter.api.Test;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.GoldFixtures;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue and settings in conf/: what METHODS.md asks for, and clear errors for mistakes. */
class IndicatorCatalogueTest {

    @Test
    void theShippedCatalogueHasTheTenIndicatorsOfMethods() {
        IndicatorCatalogue c = IndicatorCatalogue.from(GoldFixtures.settings());
        assertEquals(
                List.of(
                        "specialist_ahp_wte_per_100k",
                        "cancer_ahp_wte_per_1k_living_with_cancer",
                        "ahp_vacancy_rate_pct",
                        "hna_unaddressed_high_distress_pct",
                        "hna_high_distress_referred_pct",
                        "hna_assessments_per_100_living_with_cancer",
                        "multimorbidity_pct",
                        "stage_coverage_pct",
                        "services_at_risk_pct",
                        "unmet_need_index"),
                c.all().stream().map(IndicatorDefinition::id).toList());
        assertEquals(
                IndicatorDefinition.CiMethod.WILSON,
                c.get("hna_unaddressed_high_distress_pct").ci());
        assertEquals(
                IndicatorDefinition.CiMethod.BYAR,
                c.get("hna_assessments_per_100_living_with_cancer").ci());
        assertEquals(
                org.rehabmap.stats.Polarity.NO_JUDGEMENT,
                c.get("multimorbidity_pct").polarity());
        assertEquals(
                org.rehabmap.stats.Polarity.LOW_IS_GOOD,
                c.get("ahp_vacancy_rate_pct").polarity());
    }

    @Test
    void settingsComeFromConfiguration() {
        CurateConfig cfg = GoldFixtures.config(java.time.LocalDate.of(2025, 6, 30));
        assertEquals(7, cfg.highDistressScore());
        assertEquals(365, cfg.fundingRiskDays());
        assertEquals(
                List.of(0.4, 0.2, 0.2, 0.2),
                cfg.indexComponents().stream()
                        .map(CurateConfig.IndexComponent::weight)
                        .toList());
        assertEquals(
                List.of(
                        "fatigue",
                        "memory_concentration",
                        "washing_dressing",
                        "housework_shopping",
                        "preparing_meals",
                        "work_education"),
                cfg.concernProfessions().get("occupational_therapist"));
        assertEquals(
                "concern_score >= 7 AND action = 'no_action'",
                cfg.expand(IndicatorCatalogue.from(GoldFixtures.settings())
                        .get("hna_unaddressed_high_distress_pct")
                        .input("numerator")));
        // an environment overlay or override changes the threshold everywhere it is used
        Path ws = Path.of(System.getProperty("java.io.tmpdir"));
        Settings eight = Settings.load(
                SharedSpark.projectHome(),
                "test",
                Map.of(
                        "rehabmap.thresholds.high-distress-score",
                        8,
                        "rehabmap.paths.lake",
                        ws.resolve("l").toString(),
                        "rehabmap.paths.landing",
                        ws.resolve("x").toString()));
        assertEquals(
                "concern_score >= 8 AND action = 'no_action'",
                CurateConfig.from(eight, java.time.LocalDate.of(2025, 6, 30))
                        .expand(IndicatorCatalogue.from(eight)
                                .get("hna_unaddressed_high_distress_pct")
                                .input("numerator")));
    }

    @Test
    void mistakesAreConfigurationErrors() {
        Path ws = Path.of(System.getProperty("java.io.tmpdir"));
        Settings badKind = Settings.load(
                SharedSpark.projectHome(),
                "test",
                Map.of(
                        "rehabmap.paths.lake",
                        ws.resolve("l").toString(),
                        "rehabmap.paths.landing",
                        ws.resolve("x").toString(),
                        "rehabmap.indicators",
                        List.of(Map.of(
                                "id",
                                "x",
                                "title",
                                "t",
                                "definition",
                                "d",
                                "unit",
                                "u",
                                "multiplier",
                                1,
                                "ci",
                                "none",
                                "polarity",
                                "high_is_good",
                                "disclosure",
                                false,
                                "kind",
                                "telepathy"))));
        ConfigError e = assertThrows(ConfigError.class, () -> IndicatorCatalogue.from(badKind));
        assertTrue(e.getMessage().contains("unknown kind 'telepathy'"), e.getMessage());
        Settings ciOnWte = Settings.load(
                SharedSpark.projectHome(),
                "test",
                Map.of(
                        "rehabmap.paths.lake",
                        ws.resolve("l").toString(),
                        "rehabmap.paths.landing",
                        ws.resolve("x").toString(),
                        "rehabmap.indicators",
                        List.of(Map.of(
                                "id",
                                "x",
                                "title",
                                "t",
                                "definition",
                                "d",
                                "unit",
                                "u",
                                "multiplier",
                                1,
                                "ci",
                                "wilson",
                                "polarity",
                                "high_is_good",
                                "disclosure",
                                false,
                                "kind",
                                "workforce"))));
        assertTrue(assertThrows(ConfigError.class, () -> IndicatorCatalogue.from(ciOnWte))
                .getMessage()
                .contains("ci = none"));
    }
}
