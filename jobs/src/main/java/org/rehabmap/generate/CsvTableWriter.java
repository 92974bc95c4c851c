package org.rehabmap.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A CSV landing file: RFC 4180 (commons-csv; CRLF line ends, quotes only where needed), in
 * UTF-8 with or without a byte-order mark, or Windows-1252 as Excel on Windows writes it. A
 * character the charset cannot hold is an error, never a silent '?'.
 */
final class CsvTableWriter implements TableSink {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final Path path;
    private final String format;
    private final CSVPrinter printer;
    private long rows;
    private boolean closed;

    CsvTableWriter(Path path, List<String> header, Charset charset, boolean byteOrderMark) throws IOException {
        this.path = path;
        this.format = "csv " + charset.name().toLowerCase(Locale.ROOT) + (byteOrderMark ? " bom" : "");
        Files.createDirectories(path.getParent());
        OutputStream out = Files.newOutputStream(path);
        if (byteOrderMark) {
            if (!charset.equals(StandardCharsets.UTF_8)) {
                throw new IllegalArgumentException("a byte-order mark is for UTF-8 only");
            }
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        var encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, encoder), 1 << 16), FORMAT);
        printer.printRecord((Object[]) header.toArray(new String[0]));
    }

    static CsvTableWriter utf8(Path path, List<String> header) throws IOException {
        return new CsvTableWriter(path, header, StandardCharsets.UTF_8, false);
    }

    @Override
    public void row(String[] cells) throws IOException {
        printer.printRecord((Object[]) cells);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        printer.close(true);
    }
}
