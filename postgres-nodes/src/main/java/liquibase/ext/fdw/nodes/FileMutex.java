package liquibase.ext.fdw.nodes;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file, held across processes (parallel test JVMs, Maven runs) and across threads of one
 * JVM until closed. A file lock belongs to the whole JVM, and a second {@code FileChannel.lock} of the same file
 * in one JVM throws {@code OverlappingFileLockException} instead of waiting, so threads first queue on a
 * JVM-wide lock per file and only the holder takes the file lock. Reentrant: a thread that holds the mutex may
 * acquire it again and must close it as often.
 */
final class FileMutex implements AutoCloseable {
    private static final Map<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    private final Path key;
    private final Holder holder;
    private boolean closed;

    private FileMutex(Path key, Holder holder) {
        this.key = key;
        this.holder = holder;
    }

    static FileMutex acquire(Path file) throws IOException {
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
            holder.threads.lockInterruptibly();
        } catch (InterruptedException e) {
            release(key);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock on " + key, e);
        }
        if (holder.threads.getHoldCount() == 1) {
            try {
                holder.channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                holder.fileLock = holder.channel.lock();
            } catch (IOException | RuntimeException e) {
                holder.closeFile();
                holder.threads.unlock();
                release(key);
                throw e;
            }
        }
        return new FileMutex(key, holder);
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
