package org.rehabmap.ops;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.lake.Lake;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.testing.OpsRuns;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.StubGoldStep;
import org.rehabmap.testing.TestRuns;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run that fails, or dies, leaves gold as it was before the run. */
@ExtendWith(SharedSpark.class)
class GoldSafetyTest {
    static final LocalDate D1 = LocalDate.of(2025, 6, 30);
    static final LocalDate D2 = LocalDate.of(2025, 7, 31);

    @Test
    void aFailedRunPutsGoldBackAndSaysSoInAuditRun() {
        Path ws = SharedSpark.newWorkspace("gold-failed");
        assertTrue(OpsRuns.run(ws, D1, new StubGoldStep()).outcome().succeeded());
        Lake lake = TestRuns.lake(ws);
        long v = lake.version(StubGoldStep.A);

        TestRuns.Result failed = OpsRuns.run(ws, D2, new StubGoldStep(), new OpsRuns.Failing("publish"));
        assertFalse(failed.outcome().succeeded());
        assertEquals(D1, asOf(lake, StubGoldStep.A), "gold has the first run's data again");
        assertEquals(D1, asOf(lake, StubGoldStep.B));
        assertTrue(lake.version(StubGoldStep.A) > v, "put back by a RESTORE, a new version");
        Row audit = lake.read(RunAudit.TABLE)
                .filter(col("run_id").equalTo(failed.ctx().runId()))
                .first();
        assertEquals("failed", audit.getAs("status"));
        String msg = audit.getAs("message");
        assertTrue(msg.contains("gold restored"), msg);
        Map<String, Long> versions = audit.getJavaMap(audit.fieldIndex("versions"));
        assertEquals(
                lake.version(StubGoldStep.A),
                versions.get(StubGoldStep.A),
                "audit.run records the version the restore left");
        assertTrue(new RunJournal(lake).unfinished().isEmpty());
    }

    @Test
    void goldTablesAFailedFirstRunCreatedAreRemoved() {
        Path ws = SharedSpark.newWorkspace("gold-first-failed");
        assertFalse(OpsRuns.run(ws, D1, new StubGoldStep(), new OpsRuns.Failing("publish"))
                .outcome()
                .succeeded());
        Lake lake = TestRuns.lake(ws);
        assertFalse(lake.exists(StubGoldStep.A));
        assertFalse(lake.exists(StubGoldStep.B));
    }

    @Test
    void aRunThatDiedIsRecoveredFromItsJournal() {
        Path ws = SharedSpark.newWorkspace("gold-died");
        assertTrue(OpsRuns.run(ws, D1, new StubGoldStep()).outcome().succeeded());
        Lake lake = TestRuns.lake(ws);
        // what a run killed half-way through its gold writes leaves: its journal, and gold it had changed
        RunContext dead = OpsRuns.context(ws, D2);
        GoldGuard before = GoldGuard.snapshot(lake);
        new RunJournal(lake)
                .write(new RunJournal.Entry(
                        dead.runId(),
                        "test",
                        "run all",
                        dead.startedAt().toString(),
                        D2.toString(),
                        dead.landing(),
                        before.before(),
                        List.of(new RunJournal.Step("ingest", "done", 1.0, 10, "1 file")),
                        Map.of("bronze.x", 3L)));
        new StubGoldStep().run(dead);
        assertEquals(D2, asOf(lake, StubGoldStep.A));

        List<String> recovered = Recovery.recoverUnfinished(lake, s -> {});
        assertEquals(List.of(dead.runId()), recovered);
        assertEquals(D1, asOf(lake, StubGoldStep.A));
        assertEquals(D1, asOf(lake, StubGoldStep.B));
        Row audit = lake.read(RunAudit.TABLE)
                .filter(col("run_id").equalTo(dead.runId()))
                .first();
        assertEquals(Recovery.CRASHED, audit.getAs("status"));
        List<Row> steps = audit.getList(audit.fieldIndex("steps"));
        assertEquals(
                List.of("ingest", "recover"),
                steps.stream().map(r -> r.<String>getAs("step")).toList());
        assertTrue(new RunJournal(lake).unfinished().isEmpty());
        assertTrue(Recovery.recoverUnfinished(lake, s -> {}).isEmpty(), "nothing left to recover");
    }

    static LocalDate asOf(Lake lake, String table) {
        return lake.read(table).select("as_of").distinct().first().getDate(0).toLocalDate();
    }
}
