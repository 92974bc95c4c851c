package org.rehabmap.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableReaderTest {
    private static ParsedTable read(String s) throws FileRejected {
        return CsvTableReader.read(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaks() throws FileRejected {
        ParsedTable t = read("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\r\n3,q,r\r\n");
        assertEquals(3, t.rows().size());
        assertArrayEquals(
                new String[] {"1", "x, y", "say \"hi\""}, t.rows().get(0).cells());
        assertEquals("two\nlines", t.rows().get(1).cells()[1]);
        // row numbers are the line where each record starts, as a person finds it in an editor
        assertEquals(2, t.rows().get(0).rowNumber());
        assertEquals(3, t.rows().get(1).rowNumber());
        assertEquals(5, t.rows().get(2).rowNumber());
    }

    @Test
    void blankLinesAreNotRowsAndRaggedRowsKeepTheirShape() throws FileRejected {
        ParsedTable t = read("a,b,c\n1,2,3\n\n   \n4,5\n6,7,8,9\n");
        assertEquals(3, t.rows().size());
        assertEquals(2, t.rows().get(1).cells().length, "never padded");
        assertEquals(4, t.rows().get(2).cells().length, "never cut");
        assertEquals(5, t.rows().get(1).rowNumber());
        ParsedTable crlf = read("a,b\r\n1,2\r\n\r\n\r\n3,4\r\n\r\n\"\",5\r\n");
        assertEquals(5, crlf.rows().get(1).rowNumber(), "blank lines before a row are counted, not the row's");
        assertEquals(7, crlf.rows().get(2).rowNumber());
    }

    @Test
    void badFilesAreRejectedWithAReason() {
        FileRejected empty = assertThrows(FileRejected.class, () -> read(""));
        assertTrue(empty.getMessage().contains("empty"));
        FileRejected open = assertThrows(FileRejected.class, () -> read("a,b\n1,\"never closed\n"));
        assertTrue(open.getMessage().startsWith("unreadable CSV"));
        FileRejected zip =
                assertThrows(FileRejected.class, () -> CsvTableReader.read(new byte[] {'P', 'K', 3, 4, 0, 0}));
        assertTrue(zip.getMessage().contains("not CSV"));
    }

    private static final List<String> REQUIRED = List.of("provider_code", "borough_codes", "service_name");

    @Test
    void theDelimiterIsTheOneThatSplitsTheHeaderIntoTheContractsColumns() throws FileRejected {
        String[][] cases = {
            {"comma", "provider_code,borough_codes,service_name\nRXX01,E09000001;E09000002,\"Rehab; gym\"\n"},
            {"tab", "provider_code\tborough_codes\tservice_name\nRXX01\tE09000001;E09000002\tRehab, gym\n"},
            {"semicolon", "provider_code;borough_codes;service_name\nRXX01;\"E09000001;E09000002\";Rehab, gym\n"},
            {"pipe", "provider_code|borough_codes|service_name\nRXX01|E09000001;E09000002|Rehab, gym\n"}
        };
        for (String[] c : cases) {
            ParsedTable t = CsvTableReader.read(c[1].getBytes(StandardCharsets.UTF_8), REQUIRED);
            assertEquals(c[0], t.delimiter(), c[1]);
            assertEquals(List.of("provider_code", "borough_codes", "service_name"), t.header(), c[0]);
            assertEquals("E09000001;E09000002", t.rows().get(0).cells()[1], c[0] + ": list cells stay whole");
            assertEquals(3, t.rows().get(0).cells().length, c[0]);
        }
    }

    @Test
    void excelUnicodeTextIsUtf16TabSeparatedAndKeepsItsLineNumbers() throws Exception {
        String text = "Provider_Code\tborough_codes\tservice_name\r\n"
                + "RXX01\tE09000001\t\"St Joseph’s\r\nHospice\"\r\n"
                + "\r\n"
                + "RXX02\tE09000002\t£ fund\r\n";
        ParsedTable t = CsvTableReader.read(text.getBytes(Charset.forName("x-UTF-16LE-BOM")), REQUIRED);
        assertEquals("tab", t.delimiter());
        assertEquals("UTF-16LE (BOM)", t.encoding());
        assertEquals("csv UTF-16LE (BOM)", t.format());
        assertEquals("St Joseph’s\r\nHospice", t.rows().get(0).cells()[2]);
        assertEquals("£ fund", t.rows().get(1).cells()[2]);
        assertEquals(2, t.rows().get(0).rowNumber());
        assertEquals(5, t.rows().get(1).rowNumber(), "counted as a person counts lines, blank line included");
    }

    @Test
    void withoutAContractTheDelimiterSplittingTheHeaderMostWins() throws FileRejected {
        ParsedTable t = read("a;b;c\n1;2,5;3\n");
        assertEquals("semicolon", t.delimiter());
        assertArrayEquals(new String[] {"1", "2,5", "3"}, t.rows().get(0).cells());
        assertEquals("comma", read("single\nvalue\n").delimiter(), "one column: comma, the default");
    }

    @Test
    void aHeaderMissingAColumnStillSplitsOnItsOwnDelimiter() throws FileRejected {
        // the closest delimiter is kept so the rejection names the one column really missing
        ParsedTable t = CsvTableReader.read(
                "provider_code\tborough_codes\tname\nRXX01\tE09000001\tx\n".getBytes(StandardCharsets.UTF_8), REQUIRED);
        assertEquals("tab", t.delimiter());
        assertEquals(List.of("service_name"), HeaderMatch.missing(t.header(), REQUIRED));
    }
}
