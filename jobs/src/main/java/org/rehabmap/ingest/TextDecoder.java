package org.rehabmap.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a delivered CSV: UTF-8 with or without a byte-order mark, otherwise Windows-1252
 * (what Excel on Windows writes), so a '£' or '’' arrives intact either way. Bytes that are
 * valid UTF-8 are read as UTF-8; anything else cannot be UTF-8 and is read as Windows-1252.
 */
public final class TextDecoder {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public record Decoded(String text, String encoding) {}

    private TextDecoder() {}

    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Decoded(s, "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252");
        }
    }

    /** True when the bytes cannot be a text file (a NUL byte, or a zip such as a renamed workbook). */
    public static String notTextReason(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return "content is a zip/Excel file, not CSV text";
        }
        int n = Math.min(bytes.length, 1 << 20);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return "content is binary (NUL bytes), not CSV text";
            }
        }
        return null;
    }
}
