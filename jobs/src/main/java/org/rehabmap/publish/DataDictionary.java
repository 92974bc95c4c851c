package org.rehabmap.publish;

import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.DisclosureSpec;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.contracts.ReferenceContract;

import java.nio.file.Path;
import java.util.List;

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
        Contracts contracts = Contracts.load(contractsDir);
        StringBuilder b = new StringBuilder();
        b.append("# rehabmap data dictionary\n\n")
                .append(
                        "Generated from `data-contracts/` by `scripts/rehabmap dictionary`; do not edit by hand (a test fails "
                                + "when this file\n")
                .append("and the contracts disagree). Types are the contracts' logical types.\n\n");
        heading(
                b,
                "Published tables (gold)",
                "Loaded into the PostgreSQL warehouse (schema `rehabmap`) and written to the alliance packs, after disclosure control: "
                        + "counts of 1–7 people (rehabmap.disclosure) and the values built on them are null with `suppressed` = "
                        + "true in the warehouse and `*` in files.",
                contracts.gold().isEmpty());
        for (GoldContract c : contracts.gold().values()) {
            table(
                    b,
                    "gold." + c.name(),
                    c.description(),
                    Contracts.GOLD,
                    c.file(),
                    c.version(),
                    c.columns(),
                    c.disclosure(),
                    true);
        }
        heading(
                b,
                "Reference tables (silver)",
                "Loaded from `data/reference/` (see its README for sources and licences).",
                contracts.references().isEmpty());
        for (ReferenceContract c : contracts.references().values()) {
            table(
                    b,
                    "silver." + c.name(),
                    c.description(),
                    Contracts.REFERENCE,
                    c.contractFile(),
                    c.version(),
                    c.columns(),
                    null,
                    false);
        }
        heading(
                b,
                "Landing sources",
                "The files providers deliver (INPUTS.md); checked at ingest and conform.",
                contracts.sources().isEmpty());
        for (Contract c : contracts.sources().values()) {
            table(
                    b,
                    "landing/" + c.name(),
                    c.description(),
                    Contracts.SOURCES,
                    c.file(),
                    c.version(),
                    c.columns(),
                    null,
                    false);
        }
        return b.toString();
    }

    private static void heading(StringBuilder b, String title, String intro, boolean empty) {
        b.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
        if (empty) {
            b.append("_No contracts yet._\n\n");
        }
    }

    private static void table(
            StringBuilder b,
            String name,
            String desc,
            String folder,
            Path file,
            String version,
            List<ColumnSpec> columns,
            DisclosureSpec spec,
            boolean gold) {
        b.append("### ").append(name).append("\n\n");
        if (desc != null) {
            b.append(cellText(desc)).append("\n\n");
        }
        b.append("Contract: `")
                .append(folder)
                .append('/')
                .append(file.getFileName())
                .append("`, version ")
                .append(version)
                .append(".\n\n");
        if (gold) {
            b.append("Disclosure control: ").append(describe(spec)).append("\n\n");
        }
        b.append("| column | type | required | description |\n| --- | --- | --- | --- |\n");
        for (ColumnSpec p : columns) {
            String col = p.name();
            String d = p.description();
            if (spec != null && spec.counts().contains(col)) {
                d = (d == null ? "" : d + " ") + "*Count of people: suppressed when 1–7.*";
            } else if (spec != null && spec.derived().containsKey(col)) {
                d = (d == null ? "" : d + " ") + "*Suppressed with "
                        + String.join(", ", spec.derived().get(col)) + ".*";
            }
            b.append("| `")
                    .append(col)
                    .append("` | ")
                    .append(p.logicalType())
                    .append(p.isList() ? " of " + (p.itemType() == null ? "string" : p.itemType()) : "")
                    .append(" | ")
                    .append(p.required() ? "yes" : "")
                    .append(" | ")
                    .append(d == null ? "" : cellText(d))
                    .append(" |\n");
        }
        b.append('\n');
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
}
