package org.rehabmap.ops;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.audit.RunAudit;
import org.rehabmap.config.ConfigError;
import org.rehabmap.lake.Lake;
import org.rehabmap.testing.OpsRuns;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.StubGoldStep;
import org.rehabmap.testing.TestRuns;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(SharedSpark.class)
class RollbackTest {
    @Test
    void goldGoesBackToItsVersionsAfterTheChosenRun() {
        Path ws = SharedSpark.newWorkspace("rollback");
        String r1 = OpsRuns.run(ws, LocalDate.of(2025, 4, 30), new StubGoldStep())
                .ctx()
                .runId();
        String r2 = OpsRuns.run(ws, LocalDate.of(2025, 5, 31), new StubGoldStep())
                .ctx()
                .runId();
        OpsRuns.run(ws, LocalDate.of(2025, 6, 30), new StubGoldStep());
        Lake lake = TestRuns.lake(ws);
        assertEquals(LocalDate.of(2025, 6, 30), GoldSafetyTest.asOf(lake, StubGoldStep.A));

        List<Rollback.Change> changes = Rollback.toRun(lake, r1);
        assertEquals(
                List.of("restored", "restored"),
                changes.stream().map(Rollback.Change::status).toList());
        assertEquals(LocalDate.of(2025, 4, 30), GoldSafetyTest.asOf(lake, StubGoldStep.A));
        assertEquals(LocalDate.of(2025, 4, 30), GoldSafetyTest.asOf(lake, StubGoldStep.B));

        // forward again to a later run, and a second time to the same run changes nothing
        Rollback.toRun(lake, r2);
        assertEquals(LocalDate.of(2025, 5, 31), GoldSafetyTest.asOf(lake, StubGoldStep.B));
        assertEquals(
                List.of("unchanged", "unchanged"),
                Rollback.toRun(lake, r2).stream().map(Rollback.Change::status).toList());

        ConfigError e = assertThrows(ConfigError.class, () -> Rollback.toRun(lake, "no-such-run"));
        assertTrue(e.getMessage().contains("no-such-run"));
    }

    @Test
    void theCommandRecordsTheRollbackInAuditRun() {
        Path ws = SharedSpark.newWorkspace("rollback-cli");
        String r1 = OpsRuns.run(ws, LocalDate.of(2025, 4, 30), new StubGoldStep())
                .ctx()
                .runId();
        OpsRuns.run(ws, LocalDate.of(2025, 5, 31), new StubGoldStep());
        Path lakeDir = ws.resolve("lake");
        int code = org.rehabmap.cli.Main.execute(
                "rollback", "--to-run", r1, "--env", "test", "--lake", lakeDir.toString(), "--quiet");
        assertEquals(0, code);
        Lake lake = TestRuns.lake(ws);
        assertEquals(LocalDate.of(2025, 4, 30), GoldSafetyTest.asOf(lake, StubGoldStep.A));
        Row last = lake.read(RunAudit.TABLE)
                .orderBy(org.apache.spark.sql.functions.col("started_at").desc())
                .first();
        assertEquals("rollback --to-run " + r1, last.getAs("command"));
        assertEquals("succeeded", last.getAs("status"));
        assertEquals(2, last.getJavaMap(last.fieldIndex("versions")).size());
    }
}
