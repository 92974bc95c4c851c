package org.rehabmap.ingest;

/** A whole file refused: unreadable, empty, not its claimed format, or missing required columns. */
public class FileRejected extends Exception {
    public FileRejected(String reason) {
        super(reason);
    }
}
