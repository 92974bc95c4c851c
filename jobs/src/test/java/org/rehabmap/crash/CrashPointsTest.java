package org.rehabmap.crash;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashPointsTest {
    @Test
    void aPatternMatchesWholeNamesWithWildcards() {
        assertTrue(CrashPoints.glob("after-commit:gold.*")
                .matcher("after-commit:gold.benchmarks")
                .matches());
        assertFalse(CrashPoints.glob("after-commit:gold.*")
                .matcher("after-commit:silver.service")
                .matches());
        assertFalse(CrashPoints.glob("before-step:curate")
                .matcher("before-step:curate2")
                .matches());
        assertTrue(CrashPoints.glob("*").matcher("anything").matches());
        // regex characters in a name are literal
        assertFalse(CrashPoints.glob("a.b").matcher("axb").matches());
    }

    @Test
    void aTriggerFiresOnItsNthMatchOnly() {
        List<CrashPoints.Trigger> t = CrashPoints.parse("after-commit:bronze.*#2, before-step:publish", false);
        assertEquals(2, t.size());
        CrashPoints.Trigger second = t.get(0);
        assertFalse(second.fires("after-commit:bronze.hna_concerns"));
        assertFalse(second.fires("after-commit:silver.x"));
        assertTrue(second.fires("after-commit:bronze.workforce_survey"));
        assertFalse(second.fires("after-commit:bronze.comorbidity"));
        assertTrue(t.get(1).fires("before-step:publish"));
    }

    @Test
    void nothingIsArmedInANormalProcess() {
        assertFalse(CrashPoints.enabled());
        CrashPoints.reached("before-step:ingest"); // returns: the test JVM is still here
    }

    @Test
    void theLogStoreNamesTheTableOfACommitFile() {
        assertEquals(
                "gold.benchmarks",
                CrashPointLogStore.tableOf(new Path("/x/lake/gold/benchmarks/_delta_log/00000000000000000003.json")));
        assertEquals(
                "audit.file_ledger",
                CrashPointLogStore.tableOf(new Path("file:/l/audit/file_ledger/_delta_log/00000000000000000000.json")));
        assertNull(CrashPointLogStore.tableOf(
                new Path("/x/lake/gold/benchmarks/_delta_log/00000000000000000010.checkpoint.parquet")));
        assertNull(CrashPointLogStore.tableOf(new Path("/x/lake/gold/benchmarks/part-0001.json")));
    }
}
