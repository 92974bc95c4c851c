package org.rehabmap.supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceData;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the templates of the landing contracts: an Excel workbook ({@link TemplateWorkbook}) or a header-only CSV. */
public final class Templates {
    public static final String XLSX = "xlsx";
    public static final String CSV = "csv";

    private final Contracts contracts;
    private final ReferenceData reference;

    public Templates(Contracts contracts, ReferenceData reference) {
        this.contracts = contracts;
        this.reference = reference;
    }

    public Contracts contracts() {
        return contracts;
    }

    /** Writes one source's template in the given format (xlsx or csv). */
    public void write(String source, String format, Path out) throws IOException {
        Contract c = contracts.source(source);
        if (CSV.equals(format)) {
            csv(c, out);
        } else {
            TemplateWorkbook.write(c, col -> CodeList.of(col, contracts, reference), out);
        }
    }

    /** The header row alone, the columns in contract order, as ingest reads it. */
    static void csv(Contract c, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w,
                        CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            p.printRecord(c.columnNames());
        }
    }
}
