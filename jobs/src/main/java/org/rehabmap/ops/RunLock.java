package org.rehabmap.ops;

import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one-writer lock of a lake: {@code run}, {@code maintain}, {@code rollback} and {@code recover} hold it
 * while they change the lake, so they never overlap. It is an OS file lock on {@code rehabmap.lock} in
 * {@code paths.locks} (REHABMAP_LOCK_DIR; by default {@code <lake>/_lock} for a local lake and
 * {@code <project>/run} for one on object storage), released by the kernel when the process ends however it ends, so a
 * killed run never leaves a stale lock behind. The file also says who holds it, for the refusal message.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "rehabmap.lock";

    /** Another process holds the lock: the CLI prints the message and exits 3. */
    public static final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path file(Settings s) {
        String dir = s.getString("paths.locks").isBlank() ? null : s.location("paths.locks");
        if (dir == null) {
            String lake = s.location("paths.lake");
            boolean remote = lake.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !lake.startsWith("file:");
            dir = remote ? s.homeDir().resolve("run").toString() : lake + "/_lock";
        }
        if (dir.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !dir.startsWith("file:")) {
            throw new ConfigError("rehabmap.paths.locks must be a local folder (REHABMAP_LOCK_DIR), got " + dir);
        }
        return Path.of(dir.replaceFirst("^file://", "")).resolve(FILE);
    }

    /** Takes the lock or throws {@link Busy} at once; never waits. */
    public static RunLock acquire(Settings s, String command) {
        return acquire(file(s), command);
    }

    public static RunLock acquire(Path file, String command) {
        FileChannel ch = null;
        try {
            Files.createDirectories(file.getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // this JVM already holds it
            }
            if (l == null) {
                ch.close();
                throw new Busy(
                        "another rehabmap command is running (" + holder(file) + "); lock " + file + "; not starting");
            }
            String who = "pid " + ProcessHandle.current().pid() + ", '" + command + "', since " + Instant.now();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((who + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new RunLock(ch, l);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException("cannot take the lock " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Who holds the lock now, or empty when nobody does (for {@code status}). It tries the lock for a moment,
     * so it can only ever make a command starting in the same microsecond refuse, never a run in progress.
     */
    public static java.util.Optional<String> heldBy(Path file) {
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return java.util.Optional.of(holder(file));
            }
            l.release();
            return java.util.Optional.empty();
        } catch (OverlappingFileLockException e) {
            return java.util.Optional.of("this process");
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Who holds the lock, as its holder wrote it (best effort). */
    static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? "holder unknown" : s;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
