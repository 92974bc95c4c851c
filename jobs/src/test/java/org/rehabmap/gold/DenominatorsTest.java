package org.rehabmap.gold;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.testing.SharedSpark;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.B;
import static org.rehabmap.gold.GoldFixtures.C;
import static org.rehabmap.gold.GoldFixtures.D;
import static org.rehabmap.gold.GoldFixtures.E;
import static org.rehabmap.gold.GoldFixtures.F;
import static org.rehabmap.gold.GoldFixtures.LONDON;
import static org.rehabmap.gold.GoldFixtures.NORTH;
import static org.rehabmap.gold.GoldFixtures.SOUTH;
import static org.rehabmap.gold.GoldFixtures.geography;

/** People living with cancer: one count per sex × age-band cell, latest extract, whole areas only. */
@ExtendWith(SharedSpark.class)
class DenominatorsTest {

    static Row row(String date, String borough, String condition, String sex, Integer register) {
        return RowFactory.create(
                Date.valueOf(date), borough, condition, sex, "60-69", register, 1, register == null, false);
    }

    @Test
    void cellsCountOnceTheLatestExtractWinsAndPartialAreasAreUnknown() {
        List<Row> rows = new ArrayList<>(List.of(
                row("2025-03-31", A, "ANY1", "female", 100),
                row("2025-03-31", A, "ANY2", "female", 100), // one cell, two rows
                row("2025-03-31", A, "ANY1", "male", null),
                row("2025-03-31", A, "HYP", "male", 40), // suppressed in one row only
                row("2025-03-31", B, "ANY1", "female", 30),
                row("2025-03-31", B, "HYP", "female", 31), // rows disagree: left out
                row("2025-03-31", B, "ANY1", "male", 20),
                row("2024-03-31", A, "ANY1", "female", 999))); // an older extract
        for (String b : List.of(D, E, F)) {
            rows.add(row("2025-03-31", b, "ANY1", "female", 10));
        }
        var comorbidity = Positions.comorbidity(SharedSpark.session().createDataFrame(rows, SilverInputs.COMORBIDITY));
        Denominators d = Denominators.build(geography(), comorbidity);
        assertEquals("2025-03-31", d.extract());
        assertEquals(140L, d.of(Denominators.LIVING_WITH_CANCER, A)); // 100 + 40
        assertEquals(20L, d.of(Denominators.LIVING_WITH_CANCER, B)); // the disagreeing female cell is left out
        assertEquals(1L, d.cellsLeftOut().get(B));
        assertNull(d.of(Denominators.LIVING_WITH_CANCER, C)); // not in the extract
        assertNull(d.of(Denominators.LIVING_WITH_CANCER, NORTH)); // A, B and C: C unknown
        assertNull(d.of(Denominators.LIVING_WITH_CANCER, LONDON));
        assertEquals(30L, d.of(Denominators.LIVING_WITH_CANCER, SOUTH)); // D, E, F all known
        assertEquals(200_000L, d.of(Denominators.POPULATION, LONDON));
    }

    @Test
    void theLatestPeriodOfEveryFrameComesFromOneQueryAndAnEmptyFrameHasNone() {
        var spark = SharedSpark.session();
        var comorbidity = Positions.comorbidity(spark.createDataFrame(
                List.of(row("2024-03-31", A, "ANY1", "female", 10), row("2025-03-31", A, "ANY1", "female", 10)),
                SilverInputs.COMORBIDITY));
        var none = Positions.comorbidity(spark.createDataFrame(List.<Row>of(), SilverInputs.COMORBIDITY));
        var latest = Positions.latest(java.util.Map.of("comorbidity", comorbidity, "empty", none));
        assertEquals("2025-03-31", latest.get("comorbidity"));
        assertTrue(latest.containsKey("empty"));
        assertNull(latest.get("empty"));
        assertEquals(Positions.latest(comorbidity), latest.get("comorbidity"));
    }
}
