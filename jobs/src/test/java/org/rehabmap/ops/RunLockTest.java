package org.rehabmap.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedAtOnceAndToldWhoHoldsIt() {
        Path file = dir.resolve("locks/rehabmap.lock");
        try (RunLock first = RunLock.acquire(file, "run all")) {
            RunLock.Busy busy = assertThrows(RunLock.Busy.class, () -> RunLock.acquire(file, "maintain"));
            assertTrue(busy.getMessage().contains("'run all'"), busy.getMessage());
            assertTrue(busy.getMessage().contains("pid " + ProcessHandle.current().pid()), busy.getMessage());
            assertTrue(RunLock.heldBy(file).isPresent());
        }
        assertTrue(RunLock.heldBy(file).isEmpty(), "released on close");
        try (RunLock again = RunLock.acquire(file, "maintain")) {
            assertNotNull(again);
        }
    }
}
