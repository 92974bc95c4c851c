package org.rehabmap.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextDecoderTest {
    private static final String TEXT = "St Joseph’s Hospice – £ fund";

    @Test
    void utf8WithBom() {
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
    void utf8WithoutBom() {
        TextDecoder.Decoded d = TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-8", d.encoding());
    }

    @Test
    void windows1252FromExcel() {
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
}
