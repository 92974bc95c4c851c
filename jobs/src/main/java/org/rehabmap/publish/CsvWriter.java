package org.rehabmap.publish;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One published table as CSV: RFC 4180, a header row, UTF-8 with a byte-order mark (so Excel,
 * which most alliance leads open it in, reads £ and – correctly), {@code *} for withheld cells.
 */
public final class CsvWriter {
    private CsvWriter() {}

    /** @return the data rows written */
    public static int write(PublishedTable t, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w,
                        CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            p.printRecord(t.columns());
            for (int r = 0; r < t.rows().size(); r++) {
                Object[] v = t.rows().get(r);
                boolean[] m = t.masked().get(r);
                String[] out = new String[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = CellText.of(v[i], m[i]);
                }
                p.printRecord((Object[]) out);
            }
        }
        return t.rows().size();
    }
}
