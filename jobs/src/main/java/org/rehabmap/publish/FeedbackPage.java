package org.rehabmap.publish;

import org.rehabmap.supplier.Deliveries;
import org.rehabmap.supplier.ProviderFeedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * feedback.html of one supplier: one self-contained page (inline CSS, no network), every value from the
 * data escaped. Row numbers are as in the delivered file, the header being row 1.
 */
final class FeedbackPage {
    /** Row numbers listed per rule and file before "and N more" (feedback.csv has every one). */
    static final int ROWS_SHOWN = 50;

    private static final String CSS =
            "body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:2em;max-width:70em;color:#222}"
                    + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.25em .6em;"
                    + "text-align:left;vertical-align:top}th{background:#e8f0f0}td.n{text-align:right}"
                    + ".bad{color:#a00}.ok{color:#060}.note{color:#555;font-size:.9em}";

    private FeedbackPage() {}

    static String html(ProviderFeedback f, LocalDate asOf, String runId) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data quality feedback: ")
                .append(Html.esc(f.provider()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>");
        b.append("<h1>Data quality feedback for ")
                .append(Html.esc(f.provider()))
                .append("</h1>");
        b.append("<p class=\"note\">As of ")
                .append(asOf)
                .append(" (rehabmap run ")
                .append(Html.esc(runId))
                .append("). Only your own rows are counted here: rows whose provider_code is ")
                .append(Html.esc(f.provider()))
                .append(". Row numbers are as in your file, the header being row 1.</p>");
        ProviderFeedback.Delivery latest = f.latest();
        if (latest == null) {
            b.append("<p>No rows of yours have been received yet.</p>");
        } else {
            files(b, latest);
            badRows(b, f);
            completeness(b, f);
            change(b, f);
        }
        schedule(b, f);
        history(b, f);
        b.append("<h2>Before your next delivery</h2><ul>")
                .append(
                        "<li>Fill in the template for each return: <code>scripts/rehabmap template SOURCE --out FILE.xlsx</code>.</li>")
                .append(
                        "<li>Check a file before sending it: <code>scripts/rehabmap check FILE</code> lists each row that would be")
                .append(" refused and why.</li>")
                .append(
                        "<li>To correct a refused row, send it again with the same key: the later file replaces it.</li></ul>")
                .append("</body></html>\n");
        return b.toString();
    }

    private static void files(StringBuilder b, ProviderFeedback.Delivery d) {
        b.append("<h2>Your latest delivery, received ").append(d.received()).append("</h2>");
        b.append("<table><tr><th>source</th><th>file</th><th>outcome</th><th>your rows</th><th>accepted</th>")
                .append("<th>quarantined</th></tr>");
        for (ProviderFeedback.FileLine l : d.files()) {
            b.append("<tr><td>")
                    .append(Html.esc(l.file().source()))
                    .append("</td><td>")
                    .append(Html.esc(l.file().fileName()))
                    .append("</td><td>")
                    .append(outcome(l))
                    .append("</td><td class=\"n\">")
                    .append(l.rows())
                    .append("</td><td class=\"n\">")
                    .append(l.accepted())
                    .append("</td><td class=\"n")
                    .append(l.quarantined() > 0 ? " bad" : "")
                    .append("\">")
                    .append(l.quarantined())
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    static String outcome(ProviderFeedback.FileLine l) {
        if ("loaded".equals(l.file().status())) {
            return "received, not yet checked";
        }
        return l.quarantined() == 0 ? "all rows accepted" : "accepted, " + l.quarantined() + " row(s) quarantined";
    }

    private static void badRows(StringBuilder b, ProviderFeedback f) {
        b.append("<h2>Rows quarantined, by rule</h2>");
        if (f.badRows().isEmpty()) {
            b.append("<p class=\"ok\">None: every row of yours in this delivery was accepted.</p>");
            return;
        }
        b.append(
                        "<p class=\"note\">A quarantined row is not used. A row breaking several rules is listed under the first;")
                .append(" feedback.csv lists every row with all its reasons.</p>");
        b.append(
                "<table><tr><th>file</th><th>rule</th><th>rows</th><th>row numbers</th><th>reason (first row)</th></tr>");
        Map<String, List<ProviderFeedback.BadRow>> groups = new LinkedHashMap<>();
        for (ProviderFeedback.BadRow r : f.badRows()) {
            groups.computeIfAbsent(r.fileName() + "\u0000" + r.ruleId(), k -> new ArrayList<>())
                    .add(r);
        }
        for (List<ProviderFeedback.BadRow> g : groups.values()) {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < Math.min(ROWS_SHOWN, g.size()); i++) {
                numbers.add(String.valueOf(g.get(i).rowNumber()));
            }
            String more = g.size() > ROWS_SHOWN ? " and " + (g.size() - ROWS_SHOWN) + " more" : "";
            b.append("<tr><td>")
                    .append(Html.esc(g.get(0).fileName()))
                    .append("</td><td>")
                    .append(Html.esc(g.get(0).ruleId()))
                    .append("</td><td class=\"n\">")
                    .append(g.size())
                    .append("</td><td>")
                    .append(Html.esc(String.join(", ", numbers) + more))
                    .append("</td><td>")
                    .append(Html.esc(g.get(0).reason()))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void completeness(StringBuilder b, ProviderFeedback f) {
        ProviderFeedback.Delivery latest = f.latest();
        ProviderFeedback.Delivery previous = f.previous();
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, ProviderFeedback.SourceTotals> e :
                latest.bySource().entrySet()) {
            for (String column : f.optionalColumns().getOrDefault(e.getKey(), List.of())) {
                Double now = e.getValue().completeness(column);
                ProviderFeedback.SourceTotals before =
                        previous == null ? null : previous.bySource().get(e.getKey());
                Double then = before == null ? null : before.completeness(column);
                rows.add("<tr><td>" + Html.esc(e.getKey()) + "</td><td>" + Html.esc(column) + "</td><td class=\"n\">"
                        + pct(now) + "</td><td class=\"n\">" + pct(then) + "</td></tr>");
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        b.append("<h2>Completeness of the optional columns</h2>")
                .append(
                        "<p class=\"note\">Share of your accepted rows that fill the column in. These columns may be left blank,")
                .append(" but each gap hides part of the need: please fill them in where you can.</p>")
                .append(
                        "<table><tr><th>source</th><th>column</th><th>this delivery</th><th>previous delivery</th></tr>");
        rows.forEach(b::append);
        b.append("</table>");
    }

    private static void change(StringBuilder b, ProviderFeedback f) {
        b.append("<h2>Change since your previous delivery</h2>");
        ProviderFeedback.Delivery previous = f.previous();
        if (previous == null) {
            b.append("<p>This is your first delivery.</p>");
            return;
        }
        b.append("<p class=\"note\">Previous delivery received ")
                .append(previous.received())
                .append(".</p><table><tr><th>source</th><th>rows accepted</th><th>before</th><th>% quarantined</th>")
                .append("<th>before</th></tr>");
        java.util.Set<String> sources =
                new java.util.LinkedHashSet<>(f.latest().bySource().keySet());
        sources.addAll(previous.bySource().keySet());
        for (String s : sources) {
            ProviderFeedback.SourceTotals now = f.latest().bySource().get(s);
            ProviderFeedback.SourceTotals then = previous.bySource().get(s);
            b.append("<tr><td>")
                    .append(Html.esc(s))
                    .append("</td><td class=\"n\">")
                    .append(now == null ? "–" : now.accepted())
                    .append("</td><td class=\"n\">")
                    .append(then == null ? "–" : then.accepted())
                    .append("</td><td class=\"n\">")
                    .append(now == null ? "–" : pct(now.quarantinedPct()))
                    .append("</td><td class=\"n\">")
                    .append(then == null ? "–" : pct(then.quarantinedPct()))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void schedule(StringBuilder b, ProviderFeedback f) {
        b.append("<h2>Returns late or missing</h2>");
        if (f.schedule().isEmpty()) {
            b.append("<p class=\"ok\">None: every return due so far has arrived by its due date.</p>");
            return;
        }
        b.append("<table><tr><th>source</th><th>period</th><th>status</th><th>due</th><th>first received</th>")
                .append("<th>days overdue</th></tr>");
        for (ProviderFeedback.Schedule s : f.schedule()) {
            b.append("<tr><td>")
                    .append(Html.esc(s.source()))
                    .append("</td><td>")
                    .append(Html.esc(s.period()))
                    .append("</td><td class=\"bad\">")
                    .append(Html.esc(s.timeliness()))
                    .append("</td><td>")
                    .append(s.dueDate() == null ? "" : s.dueDate())
                    .append("</td><td>")
                    .append(s.firstReceived() == null ? "–" : s.firstReceived())
                    .append("</td><td class=\"n\">")
                    .append(s.daysOverdue() == null ? "" : s.daysOverdue())
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void history(StringBuilder b, ProviderFeedback f) {
        if (f.deliveries().size() < 2) {
            return;
        }
        b.append("<h2>Your deliveries so far</h2><table><tr><th>received</th><th>files</th><th>rows accepted</th>")
                .append("<th>rows quarantined</th></tr>");
        for (int i = f.deliveries().size() - 1; i >= 0; i--) {
            ProviderFeedback.Delivery d = f.deliveries().get(i);
            b.append("<tr><td>")
                    .append(d.received())
                    .append("</td><td class=\"n\">")
                    .append(d.files().size())
                    .append("</td><td class=\"n\">")
                    .append(d.accepted())
                    .append("</td><td class=\"n\">")
                    .append(d.quarantined())
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    static String pct(Double p) {
        return p == null ? "–" : p + "%";
    }

    /** unattributed.html: the files and rows no supplier's feedback can show, for the programme team. */
    static String programme(List<Deliveries.FileRecord> files, Map<Deliveries.FileRecord, Long> rows, LocalDate asOf) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Deliveries no supplier can be given</title><style>")
                .append(CSS)
                .append("</style></head><body><h1>Deliveries no supplier can be given</h1><p class=\"note\">As of ")
                .append(asOf)
                .append(". These are in no supplier's feedback: files rejected before any row was read, files of a")
                .append(" source without provider codes, and rows whose provider_code is not an ODS code in files")
                .append(" holding several providers' rows. For the programme team.</p>");
        b.append(
                        "<h2>Files</h2><table><tr><th>source</th><th>file</th><th>received</th><th>status</th><th>rows read</th>")
                .append("<th>reason</th></tr>");
        for (Deliveries.FileRecord f : files) {
            b.append("<tr><td>")
                    .append(Html.esc(f.source()))
                    .append("</td><td>")
                    .append(Html.esc(f.fileName()))
                    .append("</td><td>")
                    .append(f.received())
                    .append("</td><td>")
                    .append(Html.esc(f.status()))
                    .append("</td><td class=\"n\">")
                    .append(f.rowsRead() == null ? "" : f.rowsRead())
                    .append("</td><td>")
                    .append(Html.esc(f.reason()))
                    .append("</td></tr>");
        }
        b.append("</table><h2>Rows without a provider in files of several providers</h2>");
        if (rows.isEmpty()) {
            b.append("<p>None.</p>");
        } else {
            b.append("<table><tr><th>source</th><th>file</th><th>rows</th></tr>");
            rows.forEach((f, n) -> b.append("<tr><td>")
                    .append(Html.esc(f.source()))
                    .append("</td><td>")
                    .append(Html.esc(f.fileName()))
                    .append("</td><td class=\"n\">")
                    .append(n)
                    .append("</td></tr>"));
            b.append("</table>");
        }
        return b.append("</body></html>\n").toString();
    }
}
