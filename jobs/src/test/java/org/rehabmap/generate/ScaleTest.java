package org.rehabmap.generate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleTest {
    @Test
    void rowCountsGrowRoughlyInProportionToTheScale() {
        Landing small = Landing.of(3, 0.1); // 15 providers, 12,000 assessments
        Landing big = Landing.of(3, 0.3); // 3 × the scale
        for (String source : new String[] {Headers.PROVIDER_RETURNS, Headers.WORKFORCE_SURVEY, Headers.HNA_CONCERNS}) {
            double ratio = (double) big.summary.rows(source) / small.summary.rows(source);
            assertTrue(ratio > 2.2 && ratio < 4.0, source + ": 3 × the scale gave " + ratio + " × the rows");
        }
        double hnaPerAssessment = big.summary.rows(Headers.HNA_CONCERNS) / (0.3 * Plan.LONDON_ASSESSMENTS);
        assertTrue(
                hnaPerAssessment > 7.5 && hnaPerAssessment < 9.5,
                "about 8.3 concerns per assessment, got " + hnaPerAssessment);
    }

    @Test
    void scaleOneIsLondonForAYear() {
        Plan london = Plan.forScale(1);
        assertEquals(150, london.providers());
        assertEquals(120_000, london.assessments());
        assertEquals(33, london.comorbidityBoroughs());
        Plan ten = Plan.forScale(10);
        assertEquals(1500, ten.providers());
        assertEquals(1_200_000, ten.assessments());
        assertEquals(33, ten.comorbidityBoroughs(), "the comorbidity extract does not grow beyond scale 1");
        assertEquals(33, Plan.forScale(0.01).comorbidityBoroughs(), "every borough at every scale");
        assertEquals(33, Plan.forScale(0.5).comorbidityBoroughs());
        assertThrows(IllegalArgumentException.class, () -> Plan.forScale(0));
    }

    @Test
    void servicesAndWorkforcePerProviderMatchLondonRatios() {
        Landing l = Landing.of(3, 0.3); // 45 providers
        int providers = Plan.forScale(0.3).providers();
        long q2 = l.rows(Headers.PROVIDER_RETURNS, false).stream()
                .filter(r -> r[0].equals("2024-Q2"))
                .count();
        double servicesPerProvider = (double) q2 / providers;
        assertTrue(
                servicesPerProvider > 2.5 && servicesPerProvider < 6,
                "≈ 4 services per provider, got " + servicesPerProvider);
        double workforcePerProvider = (double) l.summary.rows(Headers.WORKFORCE_SURVEY) / providers;
        assertTrue(
                workforcePerProvider > 20 && workforcePerProvider < 70,
                "≈ 40 workforce rows per provider, got " + workforcePerProvider);
    }

    @Test
    void aTinyScaleStillWritesEverySourceWithAtLeastOneOfEach() {
        Landing tiny = Landing.of(5, 0.0001);
        for (String source : Headers.SOURCES) {
            assertTrue(tiny.summary.rows(source) > 0, source + " is empty at a tiny scale");
        }
        assertEquals(33 * 2 * 5 * 14, tiny.summary.rows(Headers.COMORBIDITY));
        assertTrue(tiny.summary.rows(Headers.HNA_CONCERNS) >= 12, "12 assessments, at least one concern each");
    }
}
