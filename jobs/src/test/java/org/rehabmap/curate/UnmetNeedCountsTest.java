package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.gold.GoldFixtures;
import org.rehabmap.testing.SharedSpark;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.B;
import static org.rehabmap.gold.GoldFixtures.C;
import static org.rehabmap.gold.GoldFixtures.LONDON;
import static org.rehabmap.gold.GoldFixtures.NORTH;

/**
 * The unmet-need counts by area, on tagged concern rows made by hand. They are counted per
 * assessment first and then rolled up to every area level, so these pin down what that must not
 * change: an assessment counts once in an area however many of its concerns, or of its boroughs,
 * fall there, and every concern counts once at every level.
 */
@ExtendWith(SharedSpark.class)
class UnmetNeedCountsTest {
    static List<Row> counts;

    @BeforeAll
    static void count() {
        StructType schema = new StructType()
                .add("period", DataTypes.StringType)
                .add("la_code", DataTypes.StringType)
                .add("assessment_id", DataTypes.StringType)
                .add("concern_score", DataTypes.IntegerType)
                .add("action", DataTypes.StringType)
                .add("breakdown", DataTypes.StringType)
                .add("breakdown_code", DataTypes.StringType);
        // H1: three concerns in A; H2: one concern in A and, after a resend, one in B (two boroughs, one STP);
        // a row without an assessment id counts as a concern but not as an assessment
        List<Row> rows = List.of(
                tagged(A, "H1", 8, "no_action"),
                tagged(A, "H1", 2, "declined"),
                tagged(A, "H1", 7, "referred"),
                tagged(A, "H2", 9, "no_action"),
                tagged(B, "H2", 1, "no_action"),
                tagged(C, null, 3, "discussed"));
        Dataset<Row> frame = SharedSpark.session().createDataFrame(rows, schema);
        counts = UnmetNeedTable.countByAreaAndBreakdown(
                        frame,
                        GoldFixtures.geography().areaMap(SharedSpark.session()),
                        GoldFixtures.config(LocalDate.of(2025, 6, 30)))
                .collectAsList();
    }

    private static Row tagged(String la, String assessment, int score, String action) {
        return RowFactory.create("2024-25", la, assessment, score, action, "all", "all");
    }

    private static Row area(String code) {
        return counts.stream()
                .filter(r -> code.equals(r.getAs("area_code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + code + " in " + counts));
    }

    private static long n(Row r, String column) {
        return ((Number) r.getAs(column)).longValue();
    }

    @Test
    void anAssessmentCountsOnceInEachAreaItFallsIn() {
        assertEquals(2, n(area(A), "assessments_with_concern")); // H1, H2
        assertEquals(1, n(area(B), "assessments_with_concern")); // H2's resent concern
        assertEquals(0, n(area(C), "assessments_with_concern")); // no id: no assessment
        // H2 lies in two boroughs of one STP: there it is one assessment, not two
        assertEquals(2, n(area(NORTH), "assessments_with_concern"));
        assertEquals(2, n(area(LONDON), "assessments_with_concern"));
    }

    @Test
    void everyConcernCountsOnceAtEveryLevel() {
        Row a = area(A);
        assertEquals(4, n(a, "concerns"));
        assertEquals(3, n(a, "high_distress_concerns")); // 8, 7, 9 (threshold 7)
        assertEquals(2, n(a, "high_distress_without_action")); // 8 and 9, no action
        assertEquals(2, n(a, "without_action_concerns"));
        assertEquals(1, n(a, "declined_concerns"));
        Row london = area(LONDON);
        assertEquals(6, n(london, "concerns"));
        assertEquals(3, n(london, "high_distress_concerns"));
        assertEquals(3, n(london, "without_action_concerns"));
        assertEquals(1, n(area(C), "concerns"));
        assertTrue(counts.stream().allMatch(r -> "all".equals(r.getAs("breakdown"))), counts.toString());
    }
}
