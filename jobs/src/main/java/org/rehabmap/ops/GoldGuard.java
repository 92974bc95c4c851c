package org.rehabmap.ops;

import org.apache.hadoop.fs.Path;
import org.rehabmap.lake.Lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the promise that gold only changes through a run that succeeds. It notes the version of every
 * gold table before a run; if the run fails (or, found later, died), {@link #restore()} puts each table
 * back with Delta RESTORE, and removes a gold table the run created from nothing. It knows nothing of
 * which job writes which table: every {@code gold.*} table in the lake is covered.
 */
public final class GoldGuard {
    /** Version recorded for a table that a restore removed (it did not exist before the run). */
    public static final long REMOVED = -1L;

    private final Lake lake;
    private final Map<String, Long> before;

    private GoldGuard(Lake lake, Map<String, Long> before) {
        this.lake = lake;
        this.before = Map.copyOf(before);
    }

    public static GoldGuard snapshot(Lake lake) {
        Map<String, Long> v = new LinkedHashMap<>();
        for (String t : goldTables(lake)) {
            v.put(t, lake.version(t));
        }
        return new GoldGuard(lake, v);
    }

    /** A guard over versions noted earlier (by the run journal of a run that died). */
    public static GoldGuard of(Lake lake, Map<String, Long> before) {
        return new GoldGuard(lake, before);
    }

    public Map<String, Long> before() {
        return before;
    }

    /** Gold tables whose version moved since the snapshot (or that appeared). */
    public Map<String, Long> changed() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : goldTables(lake)) {
            long now = lake.version(t);
            Long was = before.get(t);
            if (was == null || was != now) {
                out.put(t, now);
            }
        }
        return out;
    }

    /** Puts every gold table back as it was at the snapshot; returns table → its version now (REMOVED if dropped). */
    public Map<String, Long> restore() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : changed().entrySet()) {
            String t = e.getKey();
            Long was = before.get(t);
            if (was == null) {
                delete(t);
                out.put(t, REMOVED);
            } else {
                lake.table(t).restoreToVersion(was);
                out.put(t, lake.version(t));
            }
        }
        return out;
    }

    private void delete(String table) {
        try {
            Path p = new Path(lake.path(table));
            p.getFileSystem(lake.spark().sparkContext().hadoopConfiguration()).delete(p, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + table + ": " + e.getMessage(), e);
        }
    }

    static java.util.List<String> goldTables(Lake lake) {
        return lake.tables().stream().filter(t -> t.startsWith("gold.")).toList();
    }
}
