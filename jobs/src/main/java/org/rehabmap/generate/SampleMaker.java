package org.rehabmap.generate;

import java.nio.file.Path;

/**
 * Writes the committed sample, data/sample/landing ({@link Plan#sample()}, seed 1): a few hundred
 * rows per source, a handful of deliberately bad rows and one bad file.
 * <pre>java -cp "jobs/target/rehabmap.jar:jobs/target/lib/*" org.rehabmap.generate.SampleMaker [landing-dir]</pre>
 */
public final class SampleMaker {
    public static final long SEED = 1;

    private SampleMaker() {}

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("rehabmap.home", "."));
        Path out = args.length > 0 ? Path.of(args[0]) : home.resolve("data/sample/landing");
        Generator.Summary s = new Generator(home.resolve("data/reference"), SEED, Plan.sample()).writeTo(out);
        System.out.println(s.describe());
        if (args.length == 0) {
            // the sample's own inventory, next to its README, so the two never disagree
            try {
                java.nio.file.Files.writeString(
                        home.resolve("data/sample/CONTENTS.txt"),
                        s.describe().replace(out.toAbsolutePath().normalize().toString(), "data/sample/landing")
                                + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
