package org.rehabmap.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {
    private static final String TEXT = "St Joseph’s Hospice – £ fund";

    @Test
    void utf8WithBom() throws FileRejected {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        TextDecoder.Decoded d = TextDecoder.decode(bytes);
        assertEquals(TEXT, d.text());
        assertEquals("UTF-8 (BOM)", d.encoding());
    }

    @Test
    void utf8WithoutBom() throws FileRejected {
        TextDecoder.Decoded d = TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-8", d.encoding());
    }

    @Test
    void windows1252FromExcel() throws FileRejected {
        // ’ = 0x92, – = 0x96, £ = 0xA3 in Windows-1252: none is valid UTF-8 on its own
        TextDecoder.Decoded d = TextDecoder.decode(TEXT.getBytes(TextDecoder.WINDOWS_1252));
        assertEquals(TEXT, d.text());
        assertEquals("windows-1252", d.encoding());
    }

    @Test
    void binaryIsNotText() {
        assertNotNull(TextDecoder.notTextReason(new byte[] {'a', 0, 'b'}));
        assertNotNull(TextDecoder.notTextReason(new byte[] {'P', 'K', 3, 4, 1}));
        assertNull(TextDecoder.notTextReason("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void utf16LittleEndianWithBomAsExcelUnicodeTextWritesIt() throws FileRejected {
        // Java's own encoder writes the byte-order mark FF FE, then NUL after every ASCII character
        byte[] bytes = ("a\tb\n" + TEXT).getBytes(Charset.forName("x-UTF-16LE-BOM"));
        assertEquals(0xFF, bytes[0] & 0xFF);
        assertEquals(0xFE, bytes[1] & 0xFF);
        TextDecoder.Decoded d = TextDecoder.decode(bytes);
        assertEquals("a\tb\n" + TEXT, d.text(), "the mark is not part of the text");
        assertEquals("UTF-16LE (BOM)", d.encoding());
    }

    @Test
    void utf16BigEndianWithBom() throws FileRejected {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_16); // Java writes FE FF, big-endian
        assertEquals(0xFE, bytes[0] & 0xFF);
        TextDecoder.Decoded d = TextDecoder.decode(bytes);
        assertEquals(TEXT, d.text());
        assertEquals("UTF-16BE (BOM)", d.encoding());
    }

    @Test
    void utf16WithoutItsMarkIsRejectedSayingHowToSaveIt() {
        byte[] bytes = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE);
        FileRejected e = assertThrows(FileRejected.class, () -> TextDecoder.decode(bytes));
        assertTrue(e.getMessage().contains("UTF-16 text without a byte-order mark"), e.getMessage());
    }

    @Test
    void brokenUtf16AfterItsMarkIsRejectedNotGuessed() {
        byte[] whole = "a,b\n".getBytes(Charset.forName("x-UTF-16LE-BOM"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 1); // half a character at the end
        FileRejected e = assertThrows(FileRejected.class, () -> TextDecoder.decode(cut));
        assertTrue(e.getMessage().contains("not valid UTF-16LE"), e.getMessage());
    }

    @Test
    void binaryBehindAByteOrderMarkIsStillBinary() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0, 0, 'b', 0};
        FileRejected e = assertThrows(FileRejected.class, () -> TextDecoder.decode(bytes));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }
}
