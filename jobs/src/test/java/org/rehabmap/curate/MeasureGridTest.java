package org.rehabmap.curate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.rehabmap.curate.CurateFixtures.m;
import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.B;
import static org.rehabmap.gold.GoldFixtures.F;
import static org.rehabmap.gold.GoldFixtures.LONDON;
import static org.rehabmap.gold.GoldFixtures.NORTH;
import static org.rehabmap.gold.GoldFixtures.geography;

/** The grid of periods × areas around the rows Spark summed. */
class MeasureGridTest {

    @Test
    void everyAreaGetsARowAndNamedDenominatorsComeFromTheArea() {
        Map<String, Double> lwc = Map.of(A, 200.0, NORTH, 200.0, LONDON, 200.0); // an extract that only covers A
        List<Measure> out = MeasureGrid.complete(
                "x",
                List.of(new Measure("x", "2024-25", "borough", A, 3.0, null, 1)),
                List.of("2023-24", "2024-25"),
                geography().areas(),
                lwc::get);
        assertEquals(2 * 10, out.size());
        Measure a = out.stream()
                .filter(m -> m.period().equals("2024-25") && m.areaCode().equals(A))
                .findFirst()
                .orElseThrow();
        assertEquals(3.0, a.numerator());
        assertEquals(200.0, a.denominator());
        assertEquals(1, a.excluded());
        Measure b = out.stream()
                .filter(m -> m.period().equals("2024-25") && m.areaCode().equals(B))
                .findFirst()
                .orElseThrow();
        assertEquals(0.0, b.numerator());
        assertNull(b.denominator()); // not known, not zero
    }

    @Test
    void ownDenominatorsDefaultToZero() {
        List<Measure> out = MeasureGrid.complete(
                "x",
                List.of(new Measure("x", "2025-Q1", "london", LONDON, 1.0, 4.0, 0)),
                List.of("2025-Q1"),
                geography().areas(),
                null);
        assertEquals(
                4.0,
                out.stream()
                        .filter(m -> m.areaCode().equals(LONDON))
                        .findFirst()
                        .orElseThrow()
                        .denominator());
        assertEquals(
                0.0,
                out.stream()
                        .filter(m -> m.areaCode().equals(F))
                        .findFirst()
                        .orElseThrow()
                        .denominator());
    }
}
