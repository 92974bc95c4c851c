package org.rehabmap.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what the source writers wrote, for {@link Generator.Summary}. */
final class SummaryBuilder {
    private final Path out;
    private final long seed;
    private final Plan plan;
    private final List<Generator.Summary.FileInfo> files = new ArrayList<>();
    private final Map<String, Map<String, Integer>> bad = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    SummaryBuilder(Path out, long seed, Plan plan) {
        this.out = out;
        this.seed = seed;
        this.plan = plan;
    }

    void file(String source, TableSink sink) throws IOException {
        files.add(new Generator.Summary.FileInfo(
                source,
                out.relativize(sink.path()).toString().replace('\\', '/'),
                sink.format(),
                sink.rows(),
                Files.size(sink.path())));
    }

    void file(String source, TableSink sink, String note) throws IOException {
        file(source, sink);
        notes.add(out.relativize(sink.path()).toString().replace('\\', '/') + ": " + note);
    }

    void badRows(String source, BadRowInjector injector) {
        bad.put(source, new LinkedHashMap<>(injector.counts()));
        if (injector.unplaced() > 0) {
            notes.add(source + ": " + injector.unplaced() + " planned bad rows found no row to break");
        }
    }

    void note(String text) {
        notes.add(text);
    }

    Generator.Summary build() {
        return new Generator.Summary(out.toString(), plan.label(), seed, List.copyOf(files), bad, List.copyOf(notes));
    }
}
