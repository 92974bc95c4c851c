package org.rehabmap.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a delivered text file. A byte-order mark decides first: UTF-8, or UTF-16 little- or
 * big-endian (what Excel's "Unicode Text" and several EPR exports write). Without one, bytes
 * that are valid UTF-8 are read as UTF-8; anything else cannot be UTF-8 and is read as
 * Windows-1252 (what Excel on Windows writes), so a '£' or '’' arrives intact either way.
 */
public final class TextDecoder {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public record Decoded(String text, String encoding) {}

    private TextDecoder() {}

    public static Decoded decode(byte[] bytes) throws FileRejected {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return text(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        // checked before the binary test: every ASCII character of UTF-16 text carries a NUL byte
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return text(strict(bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE (BOM)");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return text(strict(bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE (BOM)");
        }
        String notText = notTextReason(bytes);
        if (notText != null) {
            throw new FileRejected(notText);
        }
        try {
            return new Decoded(decodeStrict(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252");
        }
    }

    /** Why the bytes cannot be a text file (a zip such as a renamed workbook, or NUL bytes), or null. */
    public static String notTextReason(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return "content is a zip/Excel file, not CSV text";
        }
        int n = Math.min(bytes.length, 1 << 20);
        int nulAtEven = 0;
        int nulAtOdd = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    nulAtEven++;
                } else {
                    nulAtOdd++;
                }
            }
        }
        if (nulAtEven + nulAtOdd == 0) {
            return null;
        }
        // ASCII in UTF-16 puts a NUL in every other byte: say so, since a re-save with a BOM fixes it
        if (Math.max(nulAtEven, nulAtOdd) * 4L >= n && Math.min(nulAtEven, nulAtOdd) * 20L < n) {
            return "content looks like UTF-16 text without a byte-order mark; save it as UTF-8 CSV, "
                    + "or as UTF-16 with a byte-order mark (Excel's Unicode Text)";
        }
        return "content is binary (NUL bytes), not CSV text";
    }

    private static Decoded text(String s, String encoding) throws FileRejected {
        if (s.indexOf('\0') >= 0) {
            throw new FileRejected("content is binary (NUL characters), not CSV text");
        }
        return new Decoded(s, encoding);
    }

    private static String strict(byte[] bytes, int offset, Charset cs) throws FileRejected {
        try {
            return decodeStrict(bytes, offset, cs);
        } catch (CharacterCodingException e) {
            throw new FileRejected("content is not valid " + cs.name() + " text after its byte-order mark");
        }
    }

    private static String decodeStrict(byte[] bytes, int offset, Charset cs) throws CharacterCodingException {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
