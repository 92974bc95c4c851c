package org.rehabmap.publish;

import org.rehabmap.lake.Parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes one pack, extracts/&lt;slug&gt;/&lt;date&gt;/: a CSV per published table filtered to the pack's
 * areas, the workbook, the HTML report and manifest.json. The pack is built in a hidden folder and
 * moved into place, so a reader (or the web server) never sees half a pack; a re-run of the same
 * date replaces it whole.
 */
public final class PackWriter {
    /** Bumped when the files a pack holds change shape, so packs built by older code are rebuilt from unchanged gold. */
    static final String FORMAT = "pack-format-2";

    private final ReportContext report;
    private final java.time.Instant generatedAt;

    /** @param generatedAt the run's start, which every manifest of the run gives, whichever pack finished first */
    public PackWriter(ReportContext report, java.time.Instant generatedAt) {
        this.report = report;
        this.generatedAt = generatedAt;
    }

    /** @param written false when the pack on disk was already built from the same content and was left alone */
    public record Written(Path dir, int files, long rows, boolean written) {}

    /**
     * Every pack, up to the pool's size at once, in the given order. Each pack reads the same tables and writes
     * only its own folder, so the files are byte for byte those of a run one pack after another.
     */
    public List<Written> writeAll(
            Parallel pool, Path extracts, List<Pack> packs, List<PublishedTable> tables, String runId, String date)
            throws Exception {
        List<java.util.concurrent.Callable<Written>> work = new ArrayList<>();
        for (Pack pack : packs) {
            work.add(() -> {
                Written w = write(extracts, pack, tables, runId, date);
                org.rehabmap.crash.CrashPoints.reached("publish:after-extract:" + pack.slug());
                return w;
            });
        }
        return pool.all(work);
    }

    public Written write(Path extracts, Pack pack, List<PublishedTable> tables, String runId, String date)
            throws IOException {
        Path parent = extracts.resolve(pack.slug());
        String print = fingerprint(pack, tables);
        Path existing = parent.resolve(date).resolve(Manifest.FILE);
        if (Files.isRegularFile(existing)
                && print.equals(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(existing.toFile())
                        .path("content_sha256")
                        .asText())) {
            return new Written(parent.resolve(date), 0, 0, false);
        }
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + date + ".tmp-" + runId);
        deleteTree(tmp);
        Files.createDirectories(tmp);

        List<PublishedTable> mine = new ArrayList<>();
        for (PublishedTable t : tables) {
            mine.add(t.forAreas(pack.areaCodes()));
        }
        Manifest manifest = new Manifest();
        Map<String, Long> versions = new LinkedHashMap<>();
        long rows = 0;
        for (PublishedTable t : mine) {
            versions.put(t.qualifiedName(), t.version());
            String file = t.name() + ".csv";
            int n = CsvWriter.write(t, tmp.resolve(file));
            manifest.add(file, n, Map.of(t.qualifiedName(), t.version()));
            rows += n;
        }
        String workbook = "rehabmap-" + pack.slug() + "-" + date + ".xlsx";
        long sheetRows = new WorkbookWriter(report).write(pack, mine, runId, date, tmp.resolve(workbook));
        manifest.add(workbook, sheetRows, versions);
        HtmlReport.Drawn drawn = new HtmlReport(report).write(pack, tables, runId, date, tmp.resolve(HtmlReport.FILE));
        manifest.add(HtmlReport.FILE, drawn.rows(), drawn.builtFrom());
        PublishedTable inequalities = InequalitiesReport.find(tables);
        if (inequalities != null) {
            // the asset-map view goes in the same second document: the report prints on four A4 sides
            PublishedTable assetMap = AssetMapView.find(tables);
            long n = new InequalitiesReport(report)
                    .write(pack, inequalities, assetMap, runId, date, tmp.resolve(InequalitiesReport.FILE));
            Map<String, Long> from = new LinkedHashMap<>();
            from.put(inequalities.qualifiedName(), inequalities.version());
            if (assetMap != null) {
                from.put(assetMap.qualifiedName(), assetMap.version());
            }
            manifest.add(InequalitiesReport.FILE, n, from);
        }
        manifest.write(
                tmp,
                pack,
                runId,
                date,
                generatedAt,
                print,
                versions,
                Map.of(
                        "suppressed_counts",
                        report.disclosure().min() + "–" + report.disclosure().max(),
                        "shown_in_files_as",
                        CellText.WITHHELD,
                        "formula_guard",
                        "text beginning with = + - @ tab or carriage return is prefixed with an apostrophe"));

        // every file of the pack is on disk, none of it visible yet: a kill here loses only this pack's rebuild
        org.rehabmap.crash.CrashPoints.reached("publish:pack-built:" + pack.slug());
        Path target = parent.resolve(date);
        Path old = parent.resolve("." + date + ".old-" + runId);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
        return new Written(target, manifest.entries().size() + 1, rows, true);
    }

    /**
     * Hidden folders a killed publish left behind (one writer at a time holds the lake lock, so any there now
     * belongs to a dead run): a half-built {@code .<date>.tmp-<run>} is deleted; a replaced pack
     * {@code .<date>.old-<run>} whose successor never arrived is put back, otherwise deleted.
     * @return how many were tidied
     */
    public static int clearLeftovers(Path extracts) throws IOException {
        if (!Files.isDirectory(extracts)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> packs = Files.list(extracts)) {
            for (Path parent : packs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> s = Files.list(parent)) {
                    for (Path p : s.filter(x -> x.getFileName().toString().startsWith("."))
                            .sorted()
                            .toList()) {
                        String name = p.getFileName().toString();
                        int tmpAt = name.indexOf(".tmp-");
                        int oldAt = name.indexOf(".old-");
                        if (tmpAt > 0) {
                            deleteTree(p);
                            n++;
                        } else if (oldAt > 0) {
                            Path target = parent.resolve(name.substring(1, oldAt));
                            if (Files.exists(target)) {
                                deleteTree(p);
                            } else {
                                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                            }
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }

    /** What the pack would be built from: every table's published content and the report's settings. */
    String fingerprint(Pack pack, List<PublishedTable> tables) {
        StringBuilder b = new StringBuilder(FORMAT)
                .append('|')
                .append(pack.slug())
                .append('|')
                .append(report.headline())
                .append('|')
                .append(report.mapIndicator())
                .append('|')
                .append(report.barCharts())
                .append('|')
                .append(report.families())
                .append('|')
                .append(report.disclosure().min())
                .append('-')
                .append(report.disclosure().max());
        for (PublishedTable t : tables) {
            b.append('|')
                    .append(t.name())
                    .append('@')
                    .append(t.version())
                    .append('=')
                    .append(t.fingerprint());
        }
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(b.toString());
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
