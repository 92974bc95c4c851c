package org.rehabmap.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rehabmap.stats.Polarity.HIGH_IS_GOOD;
import static org.rehabmap.stats.Polarity.LOW_IS_GOOD;
import static org.rehabmap.stats.Polarity.NO_JUDGEMENT;

class RankingTest {

    // ---------------------------------------------------------------- rank

    @Test
    void rankHighIsGoodWithTiesAndNulls() {
        Double[] v = {10.0, 20.0, 20.0, null, 5.0, 20.0};
        // Three 20s share rank 1 (RANK(), not DENSE_RANK()), so 10 is 4th and 5 is 5th.
        assertArrayEquals(new Integer[] {4, 1, 1, null, 5, 1}, Ranking.rank(v, HIGH_IS_GOOD));
    }

    @Test
    void rankLowIsGoodWithTiesAndNulls() {
        Double[] v = {10.0, 20.0, 20.0, null, 5.0, 20.0};
        assertArrayEquals(new Integer[] {2, 3, 3, null, 1, 3}, Ranking.rank(v, LOW_IS_GOOD));
    }

    @Test
    void rankNoJudgementPutsHighestFirst() {
        Double[] v = {3.5, 7.25, 1.0};
        assertArrayEquals(new Integer[] {2, 1, 3}, Ranking.rank(v, NO_JUDGEMENT));
    }

    @Test
    void nullsAreNotCountedInOthersRanks() {
        // Without the nulls this is {1, 2}; the nulls must not push anyone down.
        Double[] v = {null, 9.0, null, 4.0, Double.NaN};
        assertArrayEquals(new Integer[] {null, 1, null, 2, null}, Ranking.rank(v, HIGH_IS_GOOD));
    }

    @Test
    void rankOfEmptyAndAllNull() {
        assertArrayEquals(new Integer[0], Ranking.rank(new Double[0], HIGH_IS_GOOD));
        assertArrayEquals(new Integer[] {null, null}, Ranking.rank(new Double[] {null, null}, LOW_IS_GOOD));
    }

    @Test
    void rankNeedsAPolarity() {
        assertThrows(NullPointerException.class, () -> Ranking.rank(new Double[] {1.0}, null));
    }

    // ---------------------------------------------------------------- quintile

    @Test
    void quintileOfFiveAreasIsOneEach() {
        Double[] v = {30.0, 10.0, 50.0, 20.0, 40.0};
        assertArrayEquals(new Integer[] {3, 5, 1, 4, 2}, Ranking.quintile(v, HIGH_IS_GOOD));
        assertArrayEquals(new Integer[] {3, 1, 5, 2, 4}, Ranking.quintile(v, LOW_IS_GOOD));
    }

    @Test
    void quintileOfSevenAreasGivesTheFirstTwoGroupsTheExtras() {
        // NTILE(5) over 7 rows: 7 = 5·1 + 2, so groups of 2, 2, 1, 1, 1.
        // Best first: 70(i1) 60(i5) | 50(i3) 40(i6) | 30(i2) | 20(i4) | 10(i0)
        Double[] v = {10.0, 70.0, 30.0, 50.0, 20.0, 60.0, 40.0};
        assertArrayEquals(new Integer[] {5, 1, 3, 2, 4, 1, 2}, Ranking.quintile(v, HIGH_IS_GOOD));
        // Low is good reverses the order: 10(i0) 20(i4) | 30(i2) 40(i6) | 50(i3) | 60(i5) | 70(i1)
        assertArrayEquals(new Integer[] {1, 5, 2, 3, 1, 4, 2}, Ranking.quintile(v, LOW_IS_GOOD));
    }

    @Test
    void quintileOfTenAreasIsTwoEach() {
        Double[] v = {4.0, 9.0, 1.0, 7.0, 10.0, 2.0, 6.0, 3.0, 8.0, 5.0};
        // Highest first: 10,9 → 1; 8,7 → 2; 6,5 → 3; 4,3 → 4; 2,1 → 5
        assertArrayEquals(new Integer[] {4, 1, 5, 2, 1, 5, 3, 4, 2, 3}, Ranking.quintile(v, NO_JUDGEMENT));
        assertArrayEquals(new Integer[] {4, 1, 5, 2, 1, 5, 3, 4, 2, 3}, Ranking.quintile(v, HIGH_IS_GOOD));
        // Lowest first: 1,2 → 1; 3,4 → 2; 5,6 → 3; 7,8 → 4; 9,10 → 5
        assertArrayEquals(new Integer[] {2, 5, 1, 4, 5, 1, 3, 2, 4, 3}, Ranking.quintile(v, LOW_IS_GOOD));
    }

    @Test
    void quintileOfElevenAndTwelveAreas() {
        // 11 rows: groups 3, 2, 2, 2, 2. 12 rows: 3, 3, 2, 2, 2. (Values 1..n, lowest first.)
        assertArrayEquals(
                new Integer[] {1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, Ranking.quintile(ascending(11), LOW_IS_GOOD));
        assertArrayEquals(
                new Integer[] {1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5}, Ranking.quintile(ascending(12), LOW_IS_GOOD));
    }

    @Test
    void quintileBreaksTiesByInputPosition() {
        // Six equal values: groups of 2, 1, 1, 1, 1 filled in input order.
        Double[] v = {5.0, 5.0, 5.0, 5.0, 5.0, 5.0};
        assertArrayEquals(new Integer[] {1, 1, 2, 3, 4, 5}, Ranking.quintile(v, HIGH_IS_GOOD));
        assertArrayEquals(new Integer[] {1, 1, 2, 3, 4, 5}, Ranking.quintile(v, LOW_IS_GOOD));
    }

    @Test
    void quintileSkipsNullsAndCountsOnlyTheRest() {
        Double[] v = {null, 3.0, 1.0, null, 2.0, 5.0, 4.0};
        assertArrayEquals(new Integer[] {null, 3, 5, null, 4, 1, 2}, Ranking.quintile(v, HIGH_IS_GOOD));
    }

    @Test
    void quintileIsNullWithFewerThanFiveAreas() {
        assertArrayEquals(
                new Integer[] {null, null, null, null},
                Ranking.quintile(new Double[] {1.0, 2.0, 3.0, 4.0}, HIGH_IS_GOOD));
        // Five rows but only four values.
        assertArrayEquals(
                new Integer[] {null, null, null, null, null},
                Ranking.quintile(new Double[] {1.0, null, 3.0, 4.0, 2.0}, LOW_IS_GOOD));
        assertArrayEquals(new Integer[0], Ranking.quintile(new Double[0], HIGH_IS_GOOD));
    }

    @Test
    void quintileAgreesWithRankOrder() {
        // Whatever the data, a better rank never lands in a worse quintile.
        Double[] v = {3.2, 8.8, 1.1, 8.8, 4.4, 0.5, 9.9, 2.7, 6.1};
        for (Polarity p : Polarity.values()) {
            Integer[] r = Ranking.rank(v, p);
            Integer[] q = Ranking.quintile(v, p);
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < v.length; j++) {
                    if (r[i] < r[j]) {
                        assertTrue(q[i] <= q[j], p + ": " + v[i] + " vs " + v[j]);
                    }
                }
            }
        }
    }

    private static Double[] ascending(int n) {
        Double[] v = new Double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (double) (i + 1);
        }
        return v;
    }
}
