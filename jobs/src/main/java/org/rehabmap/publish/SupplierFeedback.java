package org.rehabmap.publish;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import org.rehabmap.contracts.Contract;
import org.rehabmap.lake.Lake;
import org.rehabmap.supplier.Attribution;
import org.rehabmap.supplier.DataQuality;
import org.rehabmap.supplier.Deliveries;
import org.rehabmap.supplier.ProviderFeedback;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * The publish step's feedback to each supplier: extracts/suppliers/&lt;provider_code&gt;/&lt;date&gt;/feedback.html
 * and feedback.csv, each built from that provider's rows only ({@link ProviderFeedback}), and
 * extracts/suppliers/_programme/&lt;date&gt;/unattributed.html and .csv, the files and rows that no provider
 * can be given, for the programme team. A folder is written whole in a hidden folder and moved into place.
 */
public final class SupplierFeedback {
    public static final String DIR = "suppliers";
    /** Never a provider code (those are [A-Z0-9]{3,6}), so never a supplier's folder. */
    public static final String PROGRAMME = "_programme";

    public static final List<String> CSV_HEADER = List.of(
            "section",
            "source",
            "file_name",
            "received_on",
            "period",
            "rule_id",
            "row_number",
            "measure",
            "value",
            "note");

    private SupplierFeedback() {}

    /** @param providers how many suppliers' feedback was written */
    public record Written(int providers, int unattributedFiles) {}

    public static Written write(Lake lake, Path extracts, Map<String, Contract> sources, LocalDate asOf, String runId)
            throws IOException {
        Deliveries d = Deliveries.read(lake, sources, runId);
        if (d.files().isEmpty()) {
            return new Written(0, 0);
        }
        Map<String, List<ProviderFeedback.Schedule>> schedule = schedule(lake);
        Path root = extracts.resolve(DIR);
        // hidden half-written folders of a killed run, as for the packs
        PackWriter.clearLeftovers(root);
        int n = 0;
        for (String provider : d.providers()) {
            if (!Attribution.isProvider(provider)) {
                continue; // cannot happen (Attribution), and a folder name must never come from anything else
            }
            ProviderFeedback f = ProviderFeedback.of(provider, d, schedule.getOrDefault(provider, List.of()));
            replace(root.resolve(provider), asOf.toString(), runId, dir -> {
                Files.writeString(
                        dir.resolve("feedback.html"), FeedbackPage.html(f, asOf, runId), StandardCharsets.UTF_8);
                csv(dir.resolve("feedback.csv"), rows(f));
            });
            n++;
        }
        List<Deliveries.FileRecord> files = d.unattributedFiles();
        Map<Deliveries.FileRecord, Long> rows = new LinkedHashMap<>();
        d.unattributedRows().forEach((sha, count) -> rows.put(d.files().get(sha), count));
        replace(root.resolve(PROGRAMME), asOf.toString(), runId, dir -> {
            Files.writeString(
                    dir.resolve("unattributed.html"),
                    FeedbackPage.programme(files, rows, asOf),
                    StandardCharsets.UTF_8);
            List<List<Object>> lines = new ArrayList<>();
            for (Deliveries.FileRecord f : files) {
                lines.add(List.of(
                        "file",
                        f.source(),
                        f.fileName(),
                        f.received(),
                        "",
                        "",
                        "",
                        "status",
                        f.status(),
                        n(f.reason())));
            }
            rows.forEach((f, count) -> lines.add(List.of(
                    "rows_without_provider", f.source(), f.fileName(), f.received(), "", "", "", "rows", count, "")));
            csv(dir.resolve("unattributed.csv"), lines);
        });
        return new Written(n, files.size());
    }

    /** Late and missing returns per provider, from gold.data_quality when curate has written it. */
    static Map<String, List<ProviderFeedback.Schedule>> schedule(Lake lake) {
        Map<String, List<ProviderFeedback.Schedule>> out = new LinkedHashMap<>();
        if (!lake.exists(DataQuality.TABLE)) {
            return out;
        }
        for (Row r : lake.read(DataQuality.TABLE)
                .filter(col("timeliness").isin(DataQuality.LATE, DataQuality.MISSING))
                .orderBy("provider_code", "source", "period")
                .collectAsList()) {
            java.sql.Date due = r.getAs("due_date");
            java.sql.Date first = r.getAs("first_received");
            out.computeIfAbsent(r.getAs("provider_code"), k -> new ArrayList<>())
                    .add(new ProviderFeedback.Schedule(
                            r.getAs("source"),
                            r.getAs("period"),
                            r.getAs("timeliness"),
                            due == null ? null : due.toLocalDate(),
                            first == null ? null : first.toLocalDate(),
                            r.getAs("days_overdue")));
        }
        return out;
    }

    /** One fact about one delivered file, in the columns of {@link #CSV_HEADER}. */
    private static List<Object> fileLine(Deliveries.FileRecord file, String measure, Object value) {
        return List.of("file", file.source(), file.fileName(), file.received(), "", "", "", measure, value, "");
    }

    /** feedback.csv: one line per fact, in the columns of {@link #CSV_HEADER}. */
    static List<List<Object>> rows(ProviderFeedback f) {
        List<List<Object>> out = new ArrayList<>();
        ProviderFeedback.Delivery latest = f.latest();
        if (latest != null) {
            for (ProviderFeedback.FileLine l : latest.files()) {
                Deliveries.FileRecord file = l.file();
                out.add(fileLine(file, "outcome", FeedbackPage.outcome(l)));
                out.add(fileLine(file, "rows_accepted", l.accepted()));
                out.add(fileLine(file, "rows_quarantined", l.quarantined()));
            }
            for (ProviderFeedback.BadRow b : f.badRows()) {
                out.add(List.of(
                        "quarantined_row",
                        b.source(),
                        b.fileName(),
                        latest.received(),
                        "",
                        b.ruleId(),
                        b.rowNumber(),
                        "rule_ids",
                        String.join(";", b.ruleIds()),
                        n(b.reason())));
            }
            ProviderFeedback.Delivery previous = f.previous();
            latest.bySource().forEach((source, t) -> {
                ProviderFeedback.SourceTotals before =
                        previous == null ? null : previous.bySource().get(source);
                for (String column : f.optionalColumns().getOrDefault(source, List.of())) {
                    Double then = before == null ? null : before.completeness(column);
                    out.add(List.of(
                            "completeness",
                            source,
                            "",
                            latest.received(),
                            "",
                            "",
                            "",
                            column + "_complete_pct",
                            n(t.completeness(column)),
                            then == null ? "" : "previous delivery " + then));
                }
                out.add(List.of(
                        "change",
                        source,
                        "",
                        latest.received(),
                        "",
                        "",
                        "",
                        "rows_accepted",
                        t.accepted(),
                        before == null ? "first delivery" : "previous delivery " + before.accepted()));
                out.add(List.of(
                        "change",
                        source,
                        "",
                        latest.received(),
                        "",
                        "",
                        "",
                        "quarantined_pct",
                        n(t.quarantinedPct()),
                        before == null ? "first delivery" : "previous delivery " + n(before.quarantinedPct())));
            });
        }
        for (ProviderFeedback.Schedule s : f.schedule()) {
            out.add(List.of(
                    "schedule",
                    s.source(),
                    "",
                    n(s.firstReceived()),
                    s.period(),
                    "",
                    "",
                    s.timeliness(),
                    n(s.daysOverdue()),
                    "due " + s.dueDate()));
        }
        return out;
    }

    private static Object n(Object o) {
        return o == null ? "" : o;
    }

    /** UTF-8 with a byte-order mark for Excel; text that a spreadsheet would run as a formula is neutralised. */
    static void csv(Path file, List<List<Object>> lines) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w,
                        CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            p.printRecord(file.getFileName().toString().startsWith("unattributed") ? CSV_HEADER : CSV_HEADER);
            for (List<Object> line : lines) {
                List<String> cells = new ArrayList<>();
                for (Object v : line) {
                    cells.add(CellText.of(v instanceof LocalDate ? v.toString() : v, false));
                }
                p.printRecord(cells);
            }
        }
    }

    interface Fill {
        void into(Path dir) throws IOException;
    }

    /** Writes {@code parent/<date>} whole: built in a hidden folder, then moved into place over any earlier one. */
    static void replace(Path parent, String date, String runId, Fill fill) throws IOException {
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + date + ".tmp-" + runId);
        PackWriter.deleteTree(tmp);
        Files.createDirectories(tmp);
        fill.into(tmp);
        Path target = parent.resolve(date);
        Path old = parent.resolve("." + date + ".old-" + runId);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        PackWriter.deleteTree(old);
    }
}
