package org.rehabmap.cli;

import org.rehabmap.audit.RunAudit;
import org.rehabmap.config.Settings;
import org.rehabmap.lake.Lake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** What the lake-changing commands other than run share: how they record themselves in audit.run. */
final class OpsCommands {
    private OpsCommands() {}

    static void audit(
            Lake lake,
            Settings s,
            String runId,
            String command,
            Instant started,
            boolean ok,
            List<RunAudit.StepRecord> steps,
            Map<String, Long> versions,
            String message) {
        RunAudit.append(
                lake,
                runId,
                s.env(),
                command,
                started,
                Instant.now(),
                ok ? "succeeded" : "failed",
                LocalDate.now(ZoneOffset.UTC),
                null,
                steps,
                versions,
                message);
    }
}
