package org.rehabmap.cli;

import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(
        name = "check",
        description = "Check one file against its source's contract before sending it, with the rules a run applies:"
                + " exit 0 if every row would be accepted, 1 if some would be quarantined, 2 if the file would be"
                + " rejected. Writes nothing and starts no Spark.")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .csv or .xlsx file to check")
    Path file;

    @Option(
            names = "--source",
            description = "the source the file is for (provider_returns, workforce_survey, hna_concerns, comorbidity);"
                    + " default: the one whose columns the header holds")
    String source;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
    String format;

    @Option(names = "--as-of", description = "the date dates must not be after, YYYY-MM-DD (default today)")
    String asOf;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigError("--format must be text or json, got '" + format + "'");
        }
        LocalDate day;
        try {
            day = asOf == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new ConfigError("--as-of must be a date YYYY-MM-DD, got '" + asOf + "'");
        }
        Path f = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            throw new ConfigError("no such file: " + file);
        }
        Settings s = common.settings();
        FileCheck check = new FileCheck(
                Contracts.load(Path.of(s.location("paths.contracts"))).sources(),
                new ReferenceData(Path.of(s.location("paths.reference"))),
                s.raw().getStringList("ingest.extensions"),
                day);
        FileCheck.Result result = check.check(f.getFileName().toString(), Files.readAllBytes(f), source);
        System.out.print(format.equals("json") ? CheckOutput.json(result) : CheckOutput.text(result));
        System.out.flush();
        return switch (result.status()) {
            case ACCEPTED -> Main.OK;
            case ROWS_QUARANTINED -> Main.FAILED;
            case REJECTED -> Main.USAGE;
        };
    }
}
