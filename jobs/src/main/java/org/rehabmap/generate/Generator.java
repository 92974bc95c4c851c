package org.rehabmap.generate;

import java.nio.file.Path;

/** Synthetic landing files in the INPUTS.md formats (being built; see issue "foundation"). */
public final class Generator {
    public record Summary(String text) {
        public String describe() {
            return text;
        }
    }

    private final Path reference;
    private final long seed;
    private final double scale;

    public Generator(Path reference, long seed, double scale) {
        this.reference = reference;
        this.seed = seed;
        this.scale = scale;
    }

    public Summary writeTo(Path out) {
        throw new UnsupportedOperationException("generate is not built yet (reference " + reference + ", seed " + seed + ", scale " + scale + ")");
    }
}
