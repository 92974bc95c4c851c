package org.rehabmap.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Where a source writer sends its rows: one landing file, streamed row by row. */
interface TableSink extends Closeable {
    /** Writes one row as given (a row may deliberately have more or fewer cells than the header). */
    void row(String[] cells) throws IOException;

    /** Data rows written so far (the header not counted). */
    long rows();

    Path path();

    /** A short description of the format, e.g. "csv utf-8 bom" or "xlsx". */
    String format();
}
