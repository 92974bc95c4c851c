package org.rehabmap.ingest;

import org.rehabmap.contracts.Contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One delivered file read against its source's contract, or rejected whole with a reason: an
 * {@code .xlsx} name is read as a workbook, anything else as delimited text. Pure Java and per
 * file, with no Spark and no lake, so ingest and a check run before sending share one reading.
 */
public final class DeliveredFileReader {
    private DeliveredFileReader() {}

    public static ParsedTable read(Path file, Contract contract) throws IOException, FileRejected {
        return read(file.getFileName().toString(), Files.readAllBytes(file), contract);
    }

    public static ParsedTable read(String fileName, byte[] bytes, Contract contract) throws FileRejected {
        return read(fileName, bytes, contract.requiredColumns());
    }

    /** The same reading with only the contract's required columns, which is all a Spark task carries. */
    public static ParsedTable read(String fileName, byte[] bytes, List<String> requiredColumns) throws FileRejected {
        ParsedTable table = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? XlsxTableReader.read(bytes, requiredColumns)
                : CsvTableReader.read(bytes, requiredColumns);
        HeaderMatch.check(table.header(), requiredColumns);
        if (table.rows().isEmpty()) {
            throw new FileRejected("no data rows under the header");
        }
        return table;
    }
}
