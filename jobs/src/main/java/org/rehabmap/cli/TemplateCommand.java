package org.rehabmap.cli;

import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.supplier.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rehabmap template SOURCE --out FILE.xlsx} and {@code template --all --out DIR}. */
@Command(
        name = "template",
        description = "Write the template a supplier fills in, generated from a landing contract: an Excel workbook"
                + " (drop-downs, validation, instructions) or a header-only CSV.")
public final class TemplateCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SOURCE",
            description = "the source: provider_returns, workforce_survey, hna_concerns or comorbidity")
    String source;

    @Option(names = "--all", description = "one template per source, written into the folder --out")
    boolean all;

    @Option(names = "--out", required = true, description = "the file to write (with --all: the folder)")
    Path out;

    @Option(names = "--format", description = "xlsx | csv (default: from the file name, else xlsx)")
    String format;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Settings s = common.settings();
        Templates templates = new Templates(
                Contracts.load(Path.of(s.location("paths.contracts"))),
                new ReferenceData(Path.of(s.location("paths.reference"))));
        if (all == (source != null)) {
            throw new ConfigError("name one SOURCE or give --all (sources: "
                    + String.join(", ", templates.contracts().sources().keySet()) + ")");
        }
        String f = format(out, all ? null : format);
        if (all) {
            f = format == null ? Templates.XLSX : format(out, format);
            for (String name : templates.contracts().sources().keySet()) {
                Path file = out.resolve(name + "." + f);
                templates.write(name, f, file);
                System.out.println("wrote " + file);
            }
            return 0;
        }
        if (!templates.contracts().sources().containsKey(source)) {
            throw new ConfigError("no contract for source '" + source + "' (sources: "
                    + String.join(", ", templates.contracts().sources().keySet()) + ")");
        }
        templates.write(source, f, out);
        System.out.println("wrote " + out);
        return 0;
    }

    /** The format asked for, or the one the file name says. */
    static String format(Path out, String asked) {
        if (asked != null) {
            String a = asked.toLowerCase(Locale.ROOT);
            if (!a.equals(Templates.XLSX) && !a.equals(Templates.CSV)) {
                throw new ConfigError("--format must be xlsx or csv, got '" + asked + "'");
            }
            return a;
        }
        return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? Templates.CSV : Templates.XLSX;
    }
}
