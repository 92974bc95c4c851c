package org.rehabmap.cli;

import org.rehabmap.config.ConfigError;
import org.rehabmap.generate.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(
        name = "generate",
        description = "Write synthetic landing files (deterministic for a seed; scale 1 ≈ London for one year).")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--scale", defaultValue = "1", description = "size relative to London for one year (default 1)")
    double scale;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default 1)")
    long seed;

    @Option(names = "--out", required = true, description = "landing folder to write into")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0) || scale > 100) {
            throw new ConfigError("--scale must be > 0 and ≤ 100, got " + scale);
        }
        Generator.Summary s = new Generator(
                        Path.of(System.getProperty("rehabmap.home", ".")).resolve("data/reference"), seed, scale)
                .writeTo(out);
        System.out.println(s.describe());
        return Main.OK;
    }
}
