package org.rehabmap.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

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
}
