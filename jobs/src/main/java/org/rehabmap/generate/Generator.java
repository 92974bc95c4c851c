package org.rehabmap.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Synthetic landing files in the INPUTS.md formats, deterministic for a seed: the same seed and
 * scale give byte-identical files (fixed dates, seeded streams, no wall clock, no hash order).
 * Scale 1 ≈ London for one year. Writes under the landing folder:
 * <ul>
 *   <li>{@code provider_returns/} one file per quarter 2024-Q2…2025-Q1 (2024-Q3 as .xlsx, 2024-Q4 in
 *       Windows-1252) and a later corrections file;</li>
 *   <li>{@code workforce_survey/} an Excel workbook and a CSV (and, for the sample, one bad file);</li>
 *   <li>{@code hna_concerns/} one UTF-8 CSV per month (one with a byte-order mark) and a re-send file;</li>
 *   <li>{@code comorbidity/} one extract.</li>
 * </ul>
 * File names sort in delivery order. A small share of rows break the landing rules on purpose;
 * the summary counts them by kind. NHS numbers are synthetic, from the 999 range.
 */
public final class Generator {
    /** What was written: files with their row counts, and the deliberately bad rows per source and kind. */
    public record Summary(
            String target,
            String plan,
            long seed,
            List<FileInfo> files,
            Map<String, Map<String, Integer>> badRows,
            List<String> notes) {
        public record FileInfo(String source, String file, String format, long rows, long bytes) {}

        /** Rows written for a source (all its files; headers not counted). */
        public long rows(String source) {
            return files.stream()
                    .filter(f -> f.source().equals(source))
                    .mapToLong(FileInfo::rows)
                    .sum();
        }

        /** Deliberately bad rows of one kind in a source (0 when none). */
        public int badRows(String source, String kind) {
            return badRows.getOrDefault(source, Map.of()).getOrDefault(kind, 0);
        }

        public int badRows(String source) {
            return badRows.getOrDefault(source, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
        }

        public String describe() {
            StringBuilder b = new StringBuilder();
            long rows = files.stream().mapToLong(FileInfo::rows).sum();
            long bytes = files.stream().mapToLong(FileInfo::bytes).sum();
            b.append(String.format(
                    Locale.ROOT,
                    "synthetic landing files (%s, seed %d) in %s: %d files, %,d rows, %s%n",
                    plan,
                    seed,
                    target,
                    files.size(),
                    rows,
                    size(bytes)));
            int width = files.stream().mapToInt(f -> f.file().length()).max().orElse(10);
            for (FileInfo f : files) {
                b.append(String.format(
                        Locale.ROOT,
                        "  %-" + width + "s  %-18s %,10d rows  %9s%n",
                        f.file(),
                        f.format(),
                        f.rows(),
                        size(f.bytes())));
            }
            b.append("deliberately bad rows (for quarantine):").append(System.lineSeparator());
            for (Map.Entry<String, Map<String, Integer>> e : badRows.entrySet()) {
                StringBuilder kinds = new StringBuilder();
                for (Map.Entry<String, Integer> k : e.getValue().entrySet()) {
                    if (k.getValue() > 0) {
                        kinds.append(kinds.length() == 0 ? "" : ", ")
                                .append(k.getKey())
                                .append(' ')
                                .append(k.getValue());
                    }
                }
                b.append(String.format(Locale.ROOT, "  %s: %d (%s)%n", e.getKey(), badRows(e.getKey()), kinds));
            }
            for (String n : notes) {
                b.append("  note: ").append(n).append(System.lineSeparator());
            }
            return b.toString().stripTrailing();
        }

        private static String size(long bytes) {
            if (bytes < 10_000) {
                return bytes + " B";
            }
            if (bytes < 10_000_000) {
                return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
            }
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
    }

    private final Path reference;
    private final long seed;
    private final Plan plan;

    /** Scale 1 ≈ London for one year (see {@link Plan#forScale}). */
    public Generator(Path referenceDir, long seed, double scale) {
        this(referenceDir, seed, Plan.forScale(scale));
    }

    public Generator(Path referenceDir, long seed, Plan plan) {
        this.reference = referenceDir;
        this.seed = seed;
        this.plan = plan;
    }

    /** Writes (or overwrites) the generator's files under the landing folder; other files there are left alone. */
    public Summary writeTo(Path landingDir) {
        Path out = landingDir.toAbsolutePath().normalize();
        ReferenceData ref = ReferenceData.load(reference);
        World world = World.build(ref, seed, plan);
        SummaryBuilder summary = new SummaryBuilder(out, seed, plan);
        try {
            new ProviderReturnsWriter(world, plan, seed).write(out, summary);
            WorkforceSurveyWriter workforce = new WorkforceSurveyWriter(world, plan, seed);
            workforce.write(out, summary);
            if (plan.badFile()) {
                workforce.writeBadFile(out, summary);
            }
            new HnaConcernsWriter(world, plan, seed).write(out, summary);
            new ComorbidityWriter(world, plan, seed).write(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write synthetic landing files in " + out + ": " + e.getMessage(), e);
        }
        summary.note(world.providers.size() + " providers, " + world.serviceCount() + " services");
        return summary.build();
    }
}
