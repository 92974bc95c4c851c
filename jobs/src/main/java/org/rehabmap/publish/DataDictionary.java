package org.rehabmap.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.ContractLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * docs/data-dictionary.md, generated from the data contracts so it cannot drift from them: the
 * published gold tables first (what BI tools and packs carry, with their disclosure statements),
 * then the reference tables and the landing sources. Deterministic: the same contracts give the
 * same bytes, which is how a test tells that the committed file is stale.
 */
public final class DataDictionary {
    public static final String FILE = "docs/data-dictionary.md";

    private DataDictionary() {}

    public static String generate(Path contractsDir) {
        StringBuilder b = new StringBuilder();
        b.append("# rehabmap data dictionary\n\n")
                .append(
                        "Generated from `data-contracts/` by `scripts/rehabmap dictionary`; do not edit by hand (a test fails "
                                + "when this file\n")
                .append("and the contracts disagree). Types are the contracts' logical types.\n\n");
        section(
                b,
                contractsDir.resolve("gold"),
                "gold.",
                "Published tables (gold)",
                "Loaded into the PostgreSQL warehouse (schema `rehabmap`) and written to the alliance packs, after disclosure control: "
                        + "counts of 1–7 people (rehabmap.disclosure) and the values built on them are null with `suppressed` = "
                        + "true in the warehouse and `*` in files.",
                true);
        section(
                b,
                contractsDir.resolve("reference"),
                "silver.",
                "Reference tables (silver)",
                "Loaded from `data/reference/` (see its README for sources and licences).",
                false);
        section(
                b,
                contractsDir.resolve("sources"),
                "landing/",
                "Landing sources",
                "The files providers deliver (INPUTS.md); checked at ingest and conform.",
                false);
        return b.toString();
    }

    private static void section(StringBuilder b, Path dir, String prefix, String title, String intro, boolean gold) {
        b.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
        List<Path> files = list(dir);
        if (files.isEmpty()) {
            b.append("_No contracts yet._\n\n");
            return;
        }
        for (Path f : files) {
            JsonNode root = ContractLoader.readYaml(f);
            JsonNode obj = root.path("schema").path(0);
            String name = obj.path("name")
                    .asText(root.path("name").asText(f.getFileName().toString()));
            b.append("### ").append(prefix).append(name).append("\n\n");
            String desc = GoldContract.text(root.path("description"));
            if (desc != null) {
                b.append(cellText(desc)).append("\n\n");
            }
            b.append("Contract: `")
                    .append(dir.getFileName())
                    .append('/')
                    .append(f.getFileName())
                    .append("`, version ")
                    .append(root.path("version").asText("?"))
                    .append(".\n\n");
            DisclosureSpec spec = null;
            if (gold) {
                spec = GoldContract.parse(f, root).disclosure();
                b.append("Disclosure control: ").append(describe(spec)).append("\n\n");
            }
            b.append("| column | type | required | description |\n| --- | --- | --- | --- |\n");
            for (JsonNode p : obj.path("properties")) {
                String col = p.path("name").asText();
                String d = GoldContract.text(p.path("description"));
                if (spec != null && spec.counts().contains(col)) {
                    d = (d == null ? "" : d + " ") + "*Count of people: suppressed when 1–7.*";
                } else if (spec != null && spec.derived().containsKey(col)) {
                    d = (d == null ? "" : d + " ") + "*Suppressed with "
                            + String.join(", ", spec.derived().get(col)) + ".*";
                }
                b.append("| `")
                        .append(col)
                        .append("` | ")
                        .append(p.path("logicalType").asText("string"))
                        .append(
                                p.path("logicalType").asText().equals("array")
                                        ? " of "
                                                + p.path("items")
                                                        .path("logicalType")
                                                        .asText("string")
                                        : "")
                        .append(" | ")
                        .append(p.path("required").asBoolean(false) ? "yes" : "")
                        .append(" | ")
                        .append(d == null ? "" : cellText(d))
                        .append(" |\n");
            }
            b.append('\n');
        }
    }

    static String describe(DisclosureSpec s) {
        if (s == null) {
            return "**not stated: the table is not published** until its contract says which columns count people.";
        }
        if (!s.countsPeople()) {
            return "none needed: no column counts people.";
        }
        StringBuilder b = new StringBuilder("counts of people ").append(codes(s.counts()));
        if (s.appliesWhen() != null) {
            b.append(" in rows where `").append(s.appliesWhen()).append('`');
            if (s.appliesWhen().contains("{people_indicators}")) {
                b.append(" ({people_indicators}: the indicators with `disclosure = true` in conf/indicators.conf)");
            }
        }
        if (s.rowGate() != null) {
            b.append("; a row whose `").append(s.rowGate()).append("` is 1–7 is withheld whole");
        }
        if (!s.siblings().isEmpty()) {
            b.append("; secondary suppression within ");
            b.append(String.join(
                    " and ",
                    s.siblings().stream()
                            .map(x -> "(" + String.join(", ", x.partition()) + ")"
                                    + (x.among() == null ? "" : " where `" + x.among() + "`"))
                            .toList()));
        }
        return b.append('.').toString();
    }

    private static String codes(List<String> cols) {
        return String.join(", ", cols.stream().map(c -> "`" + c + "`").toList());
    }

    private static String cellText(String s) {
        return s.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".odcs.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConfigError("cannot list contracts in " + dir + ": " + e.getMessage());
        }
    }
}
