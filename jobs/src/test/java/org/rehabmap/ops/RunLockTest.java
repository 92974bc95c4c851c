package org.rehabmap.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.config.Settings;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedAtOnceAndToldWhoHoldsIt() {
        Path file = dir.resolve("locks/rehabmap.lock");
        try (RunLock first = RunLock.acquire(file, "run all")) {
            RunLock.Busy busy = assertThrows(RunLock.Busy.class, () -> RunLock.acquire(file, "maintain"));
            assertTrue(busy.getMessage().contains("'run all'"), busy.getMessage());
            assertTrue(
                    busy.getMessage().contains("pid " + ProcessHandle.current().pid()), busy.getMessage());
            assertTrue(RunLock.heldBy(file).isPresent());
        }
        assertTrue(RunLock.heldBy(file).isEmpty(), "released on close");
        try (RunLock again = RunLock.acquire(file, "maintain")) {
            assertNotNull(again);
        }
    }

    @Test
    void theLockLivesWithALocalLakeAndInTheProjectForAnObjectStoreLake() {
        Settings local = Settings.load(
                SharedSpark.projectHome(),
                "test",
                Map.of("rehabmap.paths.lake", dir.resolve("lake").toString()));
        assertEquals(dir.resolve("lake/_lock/rehabmap.lock"), RunLock.file(local));
        Settings remote = Settings.load(
                SharedSpark.projectHome(),
                "test",
                Map.of("rehabmap.paths.lake", "abfss://lake@acct.dfs.core.windows.net/rehabmap"));
        assertEquals(SharedSpark.projectHome().resolve("run/rehabmap.lock"), RunLock.file(remote));
        Settings chosen = Settings.load(
                SharedSpark.projectHome(),
                "test",
                Map.of("rehabmap.paths.locks", dir.resolve("l").toString()));
        assertEquals(dir.resolve("l/rehabmap.lock"), RunLock.file(chosen));
    }

    @Test
    void aCommandThatFindsTheLockTakenExits3WithoutDoingAnything() {
        Path lake = dir.resolve("lake");
        try (RunLock held = RunLock.acquire(lake.resolve("_lock").resolve(RunLock.FILE), "run all")) {
            assertEquals(3, org.rehabmap.cli.Main.execute("maintain", "--env", "test", "--lake", lake.toString()));
            assertEquals(
                    3,
                    org.rehabmap.cli.Main.execute(
                            "rollback", "--to-run", "x", "--env", "test", "--lake", lake.toString()));
        }
        assertFalse(java.nio.file.Files.exists(lake.resolve("audit")), "nothing was written");
    }
}
