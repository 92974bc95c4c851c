package org.rehabmap.notebook;

import org.rehabmap.config.ConfigError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A notebook in Databricks' SQL source format: a first line {@code -- Databricks notebook source},
 * cells separated by {@code -- COMMAND ----------}, markdown cells written as {@code -- MAGIC %md}
 * lines. The same file imports into Databricks and runs here with {@code rehabmap notebook FILE}.
 */
public record Notebook(Path file, List<Cell> cells) {
    public static final String HEADER = "-- Databricks notebook source";
    public static final String SEPARATOR = "-- COMMAND ----------";

    /** One cell: markdown text, or SQL statements. */
    public record Cell(int number, boolean markdown, String text, List<String> statements) {}

    public static Notebook read(Path file) {
        String src;
        try {
            src = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigError("cannot read notebook " + file + ": " + e.getMessage());
        }
        return parse(file, src);
    }

    static Notebook parse(Path file, String src) {
        List<String> lines = src.replace("\r\n", "\n").lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new ConfigError("notebook " + file + " does not start with '" + HEADER + "'");
        }
        List<Cell> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            if (line.strip().equals(SEPARATOR)) {
                add(cells, cur.toString());
                cur.setLength(0);
            } else {
                cur.append(line).append('\n');
            }
        }
        add(cells, cur.toString());
        return new Notebook(file, List.copyOf(cells));
    }

    private static void add(List<Cell> cells, String body) {
        if (body.isBlank()) {
            return;
        }
        List<String> lines = body.strip().lines().toList();
        int n = cells.size() + 1;
        if (lines.stream().allMatch(l -> l.startsWith("-- MAGIC"))) {
            StringBuilder md = new StringBuilder();
            for (String l : lines) {
                String t = l.substring("-- MAGIC".length());
                if (t.startsWith(" ")) {
                    t = t.substring(1);
                }
                if (t.strip().equals("%md")) {
                    continue;
                }
                md.append(t.startsWith("%md ") ? t.substring(4) : t).append('\n');
            }
            cells.add(new Cell(n, true, md.toString().strip(), List.of()));
        } else {
            cells.add(new Cell(n, false, body.strip(), statements(body)));
        }
    }

    /** Splits SQL on semicolons outside quotes and comments; drops statements that are only comments. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        boolean back = false;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
            if (lineComment) {
                if (c == '\n') {
                    lineComment = false;
                }
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    cur.append(c).append(next);
                    i++;
                    continue;
                }
            } else if (single) {
                if (c == '\\') {
                    cur.append(c).append(next);
                    i++;
                    continue;
                }
                if (c == '\'') {
                    single = false;
                }
            } else if (dbl) {
                if (c == '"') {
                    dbl = false;
                }
            } else if (back) {
                if (c == '`') {
                    back = false;
                }
            } else if (c == '-' && next == '-') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
            } else if (c == '\'') {
                single = true;
            } else if (c == '"') {
                dbl = true;
            } else if (c == '`') {
                back = true;
            } else if (c == ';') {
                keep(out, cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        keep(out, cur.toString());
        return out;
    }

    private static void keep(List<String> out, String stmt) {
        String code = stmt.replaceAll("(?m)--.*$", "")
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .strip();
        if (!code.isEmpty()) {
            out.add(stmt.strip());
        }
    }
}
