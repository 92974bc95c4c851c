package org.rehabmap.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * extracts/index.html: every pack on disk by alliance and date, newest first, with relative links,
 * so any static web server (or {@code scripts/rehabmap serve}) can serve the folder as it is.
 * Rebuilt from the manifests each time, so it lists packs of earlier runs too.
 */
public final class IndexPage {
    public static final String FILE = "index.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Listed(String slug, String date, JsonNode manifest) {}

    private IndexPage() {}

    /** @return how many packs it lists */
    public static int write(Path extracts) throws IOException {
        List<Listed> packs = new ArrayList<>();
        if (Files.isDirectory(extracts)) {
            try (Stream<Path> slugs = Files.list(extracts)) {
                for (Path s : slugs.filter(Files::isDirectory).toList()) {
                    try (Stream<Path> dates = Files.list(s)) {
                        for (Path d : dates.filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE)))
                                .toList()) {
                            packs.add(new Listed(
                                    s.getFileName().toString(),
                                    d.getFileName().toString(),
                                    JSON.readTree(d.resolve(Manifest.FILE).toFile())));
                        }
                    }
                }
            }
        }
        // alliances by name, London last; newest pack first within each
        packs.sort(Comparator.comparing((Listed l) -> l.slug().equals("london"))
                .thenComparing(l -> l.manifest().path("area_name").asText(l.slug()))
                .thenComparing(Listed::date, Comparator.reverseOrder()));
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>rehabmap – cancer rehabilitation benchmark packs</title>\n<style>\n")
                .append(
                        "body{font-family:Arial,Helvetica,sans-serif;color:#212b32;max-width:960px;margin:2rem auto;padding:0 "
                                + "1rem;line-height:1.45}\n")
                .append(
                        "h1{color:#005eb8;font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:2px solid "
                                + "#005eb8;padding-bottom:.2rem;margin-top:2rem}\n")
                .append(
                        "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px "
                                + "solid #d8dde0;vertical-align:top}\n")
                .append(
                        "th{background:#f0f4f5;font-size:.85rem}a{color:#005eb8}.muted{color:#4c6272;font-size:.85rem}\n")
                .append("</style></head><body>\n<h1>Cancer rehabilitation benchmark packs</h1>\n")
                .append(
                        "<p class=\"muted\">London cancer rehabilitation mapping (rehabmap). Each pack holds an HTML report, an "
                                + "Excel workbook, ")
                .append(
                        "one CSV per table and a manifest with checksums. Small numbers are suppressed (shown as *).</p>\n");
        if (packs.isEmpty()) {
            b.append("<p>No packs have been published yet.</p>\n");
        }
        String current = null;
        for (Listed l : packs) {
            if (!l.slug().equals(current)) {
                if (current != null) {
                    b.append("</tbody></table>\n");
                }
                current = l.slug();
                b.append("<h2 id=\"")
                        .append(Html.esc(l.slug()))
                        .append("\">")
                        .append(Html.esc(l.manifest().path("area_name").asText(l.slug())))
                        .append("</h2>\n")
                        .append(
                                "<table><thead><tr><th>Date</th><th>Report</th><th>Files</th><th>Run</th></tr></thead><tbody>\n");
            }
            String base = l.slug() + "/" + l.date() + "/";
            b.append("<tr><td>").append(Html.esc(l.date())).append("</td><td>");
            List<String> files = new ArrayList<>();
            for (JsonNode f : l.manifest().path("files")) {
                files.add(f.path("path").asText());
            }
            files.stream()
                    .filter(f -> f.endsWith(".html"))
                    .forEach(f -> b.append(
                                    link(base + f, f.equals(InequalitiesReport.FILE) ? "Inequalities" : "Report"))
                            .append(' '));
            b.append("</td><td>");
            List<String> rest = new ArrayList<>(
                    files.stream().filter(f -> !f.endsWith(".html")).toList());
            rest.add(Manifest.FILE);
            b.append(String.join(
                    " · ", rest.stream().map(f -> link(base + f, f)).toList()));
            b.append("</td><td class=\"muted\">")
                    .append(Html.esc(l.manifest().path("run_id").asText()))
                    .append("</td></tr>\n");
        }
        if (current != null) {
            b.append("</tbody></table>\n");
        }
        b.append("<p class=\"muted\">Contains public sector information licensed under the Open Government Licence "
                + "v3.0.</p>\n</body></html>\n");
        Files.createDirectories(extracts);
        Path tmp = extracts.resolve("." + FILE + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(
                tmp,
                extracts.resolve(FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return packs.size();
    }

    private static String link(String href, String text) {
        return "<a href=\"" + Html.esc(href) + "\">" + Html.esc(text) + "</a>";
    }
}
