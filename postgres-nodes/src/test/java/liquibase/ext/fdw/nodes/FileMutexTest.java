package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMutexTest {

    @TempDir
    Path dir;

    @Test
    void aSecondThreadWaitsForTheFirstInsteadOfFailing() throws Exception {
        Path file = dir.resolve("node/.lock");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread second;
        try (FileMutex first = FileMutex.acquire(file)) {
            second = new Thread(() -> {
                // The same file by another spelling of its path.
                try (FileMutex m = FileMutex.acquire(dir.resolve("node/../node/.lock"))) {
                    events.add("second holds");
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            second.start();
            // Until the second thread is parked in its (timed) wait for the mutex, or has died failing.
            while (second.getState() != Thread.State.TIMED_WAITING && second.isAlive()) {
                Thread.sleep(1);
            }
            events.add("first releases");
        }
        second.join();
        assertNull(failure.get(), () -> "second thread failed: " + failure.get());
        assertEquals(List.of("first releases", "second holds"), events);
    }

    @Test
    void threadsTakeTurns() throws Exception {
        Path file = dir.resolve(".lock");
        int[] counter = {0};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try (FileMutex m = FileMutex.acquire(file)) {
                            int seen = counter[0];
                            Thread.yield(); // invite a lost update if two threads were inside at once
                            counter[0] = seen + 1;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, counter[0]);
    }

    @Test
    void theHolderMayAcquireAgainAndKeepsTheLockUntilTheOuterClose() throws Exception {
        Path file = dir.resolve(".lock");
        try (FileMutex outer = FileMutex.acquire(file)) {
            try (FileMutex inner = FileMutex.acquire(file)) {
                assertEquals("busy", otherProcessTries(file));
            }
            assertEquals("busy", otherProcessTries(file));
        }
        assertEquals("free", otherProcessTries(file));
    }

    @Test
    void anotherProcessCannotLockWhileHeld() throws Exception {
        Path file = dir.resolve(".lock");
        assertEquals("free", otherProcessTries(file));
        try (FileMutex m = FileMutex.acquire(file)) {
            assertEquals("busy", otherProcessTries(file));
        }
        assertEquals("free", otherProcessTries(file));
    }

    /** Runs {@link TryLock} in a new JVM: "busy" when the file is locked by another process, else "free". */
    private static String otherProcessTries(Path file) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                TryLock.class.getName(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** Tries the file lock once without waiting and says whether it was free. */
    static final class TryLock {
        public static void main(String[] args) throws IOException {
            try (FileChannel c = FileChannel.open(Paths.get(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = c.tryLock()) {
                System.out.println(lock == null ? "busy" : "free");
            }
        }
    }

    @Test
    void aWaitForAnotherThreadIsBoundedAndSaysWhy() throws Exception {
        Path file = dir.resolve(".lock");
        try (FileMutex held = FileMutex.acquire(file)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try (FileMutex m = FileMutex.acquire(file, Duration.ofMillis(300))) {
                    failure.set(new AssertionError("acquired a held lock"));
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            other.start();
            other.join();
            assertEquals("waited 300 ms for the lock on " + file.toRealPath() + ", held by another thread of this JVM;"
                    + " if that holder is gone or hung, stop it and try again", failure.get().getMessage());
        }
        try (FileMutex again = FileMutex.acquire(file, Duration.ofMillis(300))) {
            assertEquals("busy", otherProcessTries(file)); // the failed wait left the mutex usable
        }
    }

    @Test
    void aWaitForAnotherProcessIsBoundedAndNamesIt() throws Exception {
        Path file = dir.resolve(".lock");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HoldLock.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            IOException e = assertThrows(IOException.class, () -> FileMutex.acquire(file, Duration.ofSeconds(1)).close());
            String host = System.getenv("HOSTNAME");
            assertEquals("waited 1000 ms for the lock on " + file.toRealPath() + ", held by process " + holder.pid()
                    + (host == null || host.isBlank() ? "" : " on " + host) + "; if that holder is gone or hung,"
                    + " stop it and try again", e.getMessage());
        } finally {
            holder.getOutputStream().close(); // lets the holder go
            assertEquals(0, holder.waitFor());
        }
        try (FileMutex m = FileMutex.acquire(file, Duration.ofSeconds(30))) {
            assertEquals("process " + ProcessHandle.current().pid(),
                    Files.readString(file).replaceFirst(" on .*", ""));
        }
    }

    /** Holds the mutex until its standard input closes. */
    static final class HoldLock {
        public static void main(String[] args) throws IOException {
            try (FileMutex m = FileMutex.acquire(Paths.get(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() != -1) {
                    // wait for the test to let go
                }
            }
        }
    }

    @Test
    void theLockFileIsCreatedWithItsDirectory() throws Exception {
        Path file = dir.resolve("a/b/.lock");
        assertFalse(Files.exists(file));
        try (FileMutex m = FileMutex.acquire(file)) {
            assertTrue(Files.exists(file));
        }
    }
}
