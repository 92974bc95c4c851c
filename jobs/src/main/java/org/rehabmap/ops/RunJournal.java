package org.rehabmap.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.rehabmap.lake.Lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code <lake>/_runs/<run_id>.json}: a run in progress, written when it starts, updated after each step
 * and removed once its audit.run row is written. One still there when a new command takes the lock belongs
 * to a process that died (kill -9, power loss, out of memory): {@link Recovery} finishes its story.
 */
public final class RunJournal {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run had done so far. Times are ISO-8601 strings; gold_before is gold as it was before the run. */
    public record Entry(
            String runId,
            String env,
            String command,
            String startedAt,
            String asOf,
            String landing,
            Map<String, Long> goldBefore,
            List<Step> steps,
            Map<String, Long> versions) {}

    public record Step(String step, String status, double seconds, long rowsWritten, String summary) {}

    private final Lake lake;

    public RunJournal(Lake lake) {
        this.lake = lake;
    }

    public String dir() {
        return lake.root() + "/_runs";
    }

    public void write(Entry e) {
        Path p = new Path(dir() + "/" + e.runId() + ".json");
        try {
            FileSystem fs = fs();
            Path tmp = new Path(dir() + "/." + e.runId() + ".json.tmp");
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(e));
            }
            fs.delete(p, false);
            if (!fs.rename(tmp, p)) {
                throw new IOException("rename failed: " + tmp + " → " + p);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the run journal " + p + ": " + ex.getMessage(), ex);
        }
    }

    public void end(String runId) {
        try {
            fs().delete(new Path(dir() + "/" + runId + ".json"), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs that started and never ended, oldest first. */
    public List<Entry> unfinished() {
        List<Entry> out = new ArrayList<>();
        try {
            FileSystem fs = fs();
            Path d = new Path(dir());
            if (!fs.exists(d)) {
                return out;
            }
            for (FileStatus st : fs.listStatus(d)) {
                String n = st.getPath().getName();
                if (!n.endsWith(".json") || n.startsWith(".")) {
                    continue;
                }
                try (InputStream in = fs.open(st.getPath())) {
                    out.add(JSON.readValue(in, Entry.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run journal " + dir() + ": " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparing(Entry::startedAt));
        return out;
    }

    private FileSystem fs() throws IOException {
        String root = dir();
        return FileSystem.get(
                URI.create(root.contains("://") ? root : "file://" + root),
                lake.spark().sparkContext().hadoopConfiguration());
    }
}
