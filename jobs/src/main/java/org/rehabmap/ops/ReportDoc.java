package org.rehabmap.ops;

import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.EntityArrays;
import org.apache.commons.text.translate.LookupTranslator;

import java.util.ArrayList;
import java.util.List;

/** A small document of headed sections (paragraphs and a table), rendered as Markdown and as HTML. */
public final class ReportDoc {
    /**
     * commons-text's basic entities (&amp; &lt; &gt; &quot;), what the run report has always escaped: its
     * escapeHtml4 would also turn every non-ASCII character (≤, –, é) into a named entity, changing the report.
     */
    private static final CharSequenceTranslator ESCAPE = new LookupTranslator(EntityArrays.BASIC_ESCAPE);

    public record Table(List<String> headers, List<List<String>> rows) {
        public static Table of(String[] headers, List<String[]> rows) {
            return new Table(
                    List.of(headers),
                    rows.stream()
                            .map(r -> java.util.Arrays.stream(r)
                                    .map(c -> c == null ? "" : c)
                                    .toList())
                            .toList());
        }
    }

    public record Section(String heading, List<String> paragraphs, Table table) {}

    private final String title;
    private final List<Section> sections = new ArrayList<>();

    public ReportDoc(String title) {
        this.title = title;
    }

    public ReportDoc add(String heading, List<String> paragraphs, Table table) {
        sections.add(new Section(heading, List.copyOf(paragraphs), table));
        return this;
    }

    public ReportDoc add(Section s) {
        sections.add(s);
        return this;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n");
        for (Section s : sections) {
            b.append("\n## ").append(s.heading()).append("\n\n");
            for (String p : s.paragraphs()) {
                b.append(p).append("\n\n");
            }
            if (s.table() != null && !s.table().rows().isEmpty()) {
                b.append(mdRow(s.table().headers()));
                b.append(mdRow(s.table().headers().stream().map(h -> "---").toList()));
                for (List<String> r : s.table().rows()) {
                    b.append(mdRow(r));
                }
            }
        }
        return b.toString();
    }

    public String html() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}"
                        + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em "
                        + ".6em;text-align:left}"
                        + "th{background:#f3f3f3}.failed,.crashed,.MISMATCH{color:#b00020;font-weight:bold}"
                        + "</style></head><body>\n<h1>")
                .append(esc(title))
                .append("</h1>\n");
        for (Section s : sections) {
            b.append("<h2>").append(esc(s.heading())).append("</h2>\n");
            for (String p : s.paragraphs()) {
                b.append("<p>").append(esc(p)).append("</p>\n");
            }
            if (s.table() != null && !s.table().rows().isEmpty()) {
                b.append("<table><thead><tr>");
                for (String h : s.table().headers()) {
                    b.append("<th>").append(esc(h)).append("</th>");
                }
                b.append("</tr></thead><tbody>\n");
                for (List<String> r : s.table().rows()) {
                    b.append("<tr>");
                    for (String c : r) {
                        b.append("<td class=\"")
                                .append(esc(c.replaceAll("[^A-Za-z]", "")))
                                .append("\">")
                                .append(esc(c))
                                .append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody></table>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    private static String mdRow(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        return b.append('\n').toString();
    }

    static String esc(String s) {
        return ESCAPE.translate(s);
    }
}
