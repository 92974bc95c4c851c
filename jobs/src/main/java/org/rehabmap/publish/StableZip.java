package org.rehabmap.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip (an .xlsx is one) with every entry stamped with one given time instead of the
 * moment it was written, so the same content gives the same bytes on any run: a pack built beside
 * others, or again from unchanged gold, is byte for byte the one built alone.
 */
final class StableZip {
    private StableZip() {}

    static void write(byte[] zip, long entryTimeMillis, Path file) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                OutputStream os = Files.newOutputStream(file);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(entryTimeMillis);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
