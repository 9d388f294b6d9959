package liquibase.ext.fdw.nodes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file, held across processes (parallel test JVMs, Maven runs) and across threads of one
 * JVM until closed. A file lock belongs to the whole JVM, and a second {@code FileChannel.lock} of the same file
 * in one JVM throws {@code OverlappingFileLockException} instead of waiting, so threads first queue on a
 * JVM-wide lock per file and only the holder takes the file lock. Reentrant: a thread that holds the mutex may
 * acquire it again and must close it as often, on the same thread. The wait is bounded: every step the launcher
 * takes under the lock is, so a holder that never lets go is stuck, and the message names it (the holder writes
 * its process id and host into the file).
 */
final class FileMutex implements AutoCloseable {
    private static final Map<Path, Holder> HOLDERS = new ConcurrentHashMap<>();
    /** Longer than the slowest work done under a node's lock (initdb, three start attempts, connections). */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(15);

    private final Path key;
    private final Holder holder;
    private boolean closed;

    private FileMutex(Path key, Holder holder) {
        this.key = key;
        this.holder = holder;
    }

    static FileMutex acquire(Path file) throws IOException {
        return acquire(file, DEFAULT_WAIT);
    }

    static FileMutex acquire(Path file, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // One key per file, however the caller spelled the path (relative, through a symbolic link).
        Path key = parent.toRealPath().resolve(file.getFileName());
        Holder holder = HOLDERS.compute(key, (k, h) -> {
            Holder held = h != null ? h : new Holder();
            held.users++;
            return held;
        });
        try {
            if (!holder.threads.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                release(key);
                throw new IOException(timedOut(key, wait, "another thread of this JVM"));
            }
        } catch (InterruptedException e) {
            release(key);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock on " + key, e);
        }
        if (holder.threads.getHoldCount() == 1) {
            try {
                holder.channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                holder.fileLock = lockFile(key, holder.channel, deadline, wait);
                // Who holds it, for the message of whoever waits too long.
                holder.channel.truncate(0);
                holder.channel.write(ByteBuffer.wrap(whoAmI().getBytes(StandardCharsets.UTF_8)), 0);
            } catch (IOException | RuntimeException e) {
                holder.closeFile();
                holder.threads.unlock();
                release(key);
                throw e;
            }
        }
        return new FileMutex(key, holder);
    }

    /** Polls, as the blocking file lock cannot be given a deadline. */
    private static FileLock lockFile(Path key, FileChannel channel, long deadline, Duration wait) throws IOException {
        long pause = 5;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IOException(timedOut(key, wait, holderOf(channel)));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock on " + key, e);
            }
            pause = Math.min(pause * 2, 200);
        }
    }

    private static String timedOut(Path key, Duration wait, String holder) {
        return "waited " + describe(wait) + " for the lock on " + key + ", held by " + holder + "; if that holder"
                + " is gone or hung, stop it and try again";
    }

    private static String describe(Duration d) {
        return d.toSeconds() % 60 == 0 && d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toMillis() + " ms";
    }

    private static String holderOf(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            int n = channel.read(buffer, 0);
            String who = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).trim();
            return who.isEmpty() ? "another process" : who;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String whoAmI() {
        // No name lookup: resolving the host name may wait on the network.
        String host = System.getenv("HOSTNAME");
        return "process " + ProcessHandle.current().pid() + (host == null || host.isBlank() ? "" : " on " + host);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (holder.threads.getHoldCount() == 1) {
                holder.closeFile();
            }
        } finally {
            holder.threads.unlock();
            release(key);
        }
    }

    /** Forgets a file nobody holds or waits for, so the map does not grow with every node ever started. */
    private static void release(Path key) {
        HOLDERS.computeIfPresent(key, (k, h) -> --h.users == 0 ? null : h);
    }

    /** The JVM's share of one file's lock: the threads queue and the one file lock they pass along. */
    private static final class Holder {
        final ReentrantLock threads = new ReentrantLock(true);
        int users; // guarded by the map's compute
        FileChannel channel;
        FileLock fileLock;

        void closeFile() throws IOException {
            try {
                if (fileLock != null) {
                    fileLock.release();
                }
            } finally {
                fileLock = null;
                if (channel != null) {
                    FileChannel c = channel;
                    channel = null;
                    c.close();
                }
            }
        }
    }
}
