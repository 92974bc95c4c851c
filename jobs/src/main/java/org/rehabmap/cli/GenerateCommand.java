package org.rehabmap.cli;

import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.generate.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--out", description = "landing folder to write into (default: --landing)")
    Path out;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0) || scale > 100) {
            throw new ConfigError("--scale must be > 0 and ≤ 100, got " + scale);
        }
        // only a folder named on this command line: the configured landing zone may be the committed sample
        Path target = out != null ? out : common.landing != null ? Path.of(common.landing) : null;
        if (target == null) {
            throw new ConfigError("generate needs --out DIR (or --landing DIR): the landing folder to write into");
        }
        Settings s = common.settings();
        Generator.Summary summary = new Generator(Path.of(s.location("paths.reference")), seed, scale).writeTo(target);
        System.out.println(summary.describe());
        return Main.OK;
    }
}
