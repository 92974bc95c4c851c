package org.rehabmap.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lists the landing zone: files under a known source folder with a known extension are
 * candidates; anything else is left alone and reported. Works on local disk and object stores.
 */
public final class LandingScanner {
    public record LandingFile(String source, String path, String name, String extension, long size) {}

    public record Scan(List<LandingFile> files, List<String> ignored) {}

    private LandingScanner() {}

    public static Scan scan(String landing, Set<String> sources, Set<String> extensions, Configuration hadoop)
            throws IOException {
        URI uri = URI.create(landing.contains("://") ? landing : "file://" + landing);
        FileSystem fs = FileSystem.get(uri, hadoop);
        Path root = new Path(uri);
        List<LandingFile> files = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        if (!fs.exists(root)) {
            throw new IOException("landing zone not found: " + landing);
        }
        FileStatus[] top = fs.listStatus(root);
        java.util.Arrays.sort(top, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus st : top) {
            String name = st.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (!st.isDirectory()) {
                ignored.add(name + " (not in a source folder)");
                continue;
            }
            if (!sources.contains(name)) {
                ignored.add(name + "/ (not a known source)");
                continue;
            }
            FileStatus[] inside = fs.listStatus(st.getPath());
            java.util.Arrays.sort(inside, Comparator.comparing(s -> s.getPath().getName()));
            for (FileStatus f : inside) {
                String fn = f.getPath().getName();
                if (fn.startsWith(".") || fn.startsWith("~$")) {
                    continue; // hidden files, Excel lock files
                }
                if (f.isDirectory()) {
                    ignored.add(name + "/" + fn + "/ (sub-folder)");
                    continue;
                }
                int dot = fn.lastIndexOf('.');
                String ext = dot < 0 ? "" : fn.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!extensions.contains(ext)) {
                    ignored.add(name + "/" + fn + " (not ." + String.join(" or .", extensions) + ")");
                    continue;
                }
                files.add(new LandingFile(name, f.getPath().toString(), fn, ext, f.getLen()));
            }
        }
        return new Scan(files, ignored);
    }

    public static byte[] readAll(String path, Configuration hadoop) throws IOException {
        Path p = new Path(URI.create(path));
        FileSystem fs = p.getFileSystem(hadoop);
        try (var in = fs.open(p)) {
            return in.readAllBytes();
        }
    }
}
