package org.rehabmap.crash;

import io.delta.storage.HDFSLogStore;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.Iterator;

/**
 * Delta's log store for local paths, with crash points around every commit: {@code before-commit:<layer.table>}
 * (the data files are written, the commit is not) and {@code after-commit:<layer.table>}. It is put in place
 * only when a crash point is armed ({@link CrashPoints#enabled()}), so a night's run never uses it; it lets a test
 * stop a real process between any two commits of any job, including jobs this package knows nothing of.
 */
public final class CrashPointLogStore extends HDFSLogStore {
    public CrashPointLogStore(Configuration conf) {
        super(conf);
    }

    @Override
    public void write(Path path, Iterator<String> actions, Boolean overwrite, Configuration conf) throws IOException {
        String table = tableOf(path);
        if (table != null) {
            CrashPoints.reached("before-commit:" + table);
        }
        super.write(path, actions, overwrite, conf);
        if (table != null) {
            CrashPoints.reached("after-commit:" + table);
        }
    }

    /** "layer.table" for a commit file {@code <lake>/<layer>/<table>/_delta_log/<version>.json}, else null. */
    static String tableOf(Path commit) {
        if (commit == null || !commit.getName().matches("\\d{20}\\.json")) {
            return null;
        }
        Path log = commit.getParent();
        if (log == null || !"_delta_log".equals(log.getName())) {
            return null;
        }
        Path table = log.getParent();
        Path layer = table == null ? null : table.getParent();
        return layer == null ? null : layer.getName() + "." + table.getName();
    }
}
