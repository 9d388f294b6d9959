package liquibase.ext.fdw.nodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program to completion or to a deadline. Output goes to a file rather than a pipe, so neither a chatty
 * program nor a grandchild that keeps the pipe open can block the caller; on timeout or interruption the
 * program and every process it started are killed.
 */
final class Exec {
    /** Lines of output quoted in a failure message. */
    static final int TAIL_LINES = 20;

    private Exec() {
    }

    /** Runs {@code command}; {@code label} is how messages name it (the command without any wrapper). */
    static Result run(String label, List<String> command, Duration timeout) {
        Path output;
        try {
            output = Files.createTempFile("liquibase-fdw-exec", ".out");
        } catch (IOException e) {
            return new Result(label, timeout, -1, "could not create a file for its output: " + e, false);
        }
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            } catch (IOException e) {
                return new Result(label, timeout, -1, "could not run " + String.join(" ", command) + ": "
                        + e.getMessage(), false);
            }
            closeQuietly(process);
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    killTree(process);
                    return new Result(label, timeout, -1, read(output), true);
                }
            } catch (InterruptedException e) {
                killTree(process);
                Thread.currentThread().interrupt();
                return new Result(label, timeout, -1, read(output) + "\n(interrupted)", false);
            }
            return new Result(label, timeout, process.exitValue(), read(output), false);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a leftover file in the temporary directory is harmless
            }
        }
    }

    /**
     * Kills a process and its descendants, found while the parent still lives (an orphan is re-parented and no
     * longer listed), and waits briefly for them to go.
     */
    static void killTree(Process process) {
        killTree(process.toHandle());
    }

    /** Kills a process and its descendants (a crashed server's backends, a hung program's children). */
    static void killTree(ProcessHandle process) {
        // The parent goes first: a shell whose child died before it would still print "Killed" into the output.
        List<ProcessHandle> all = new ArrayList<>(List.of(process));
        all.addAll(process.descendants().toList());
        for (ProcessHandle handle : all) {
            handle.destroyForcibly();
        }
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // SIGKILL was sent; a process stuck in the kernel goes when it can
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the program reads nothing from us
        }
    }

    private static String read(Path output) {
        try {
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** How a program ended: its exit code (-1 when it did not run or was killed) and its combined output. */
    static final class Result {
        private final String label;
        private final Duration timeout;
        private final int exitCode;
        private final String output;
        private final boolean timedOut;

        Result(String label, Duration timeout, int exitCode, String output, boolean timedOut) {
            this.label = label;
            this.timeout = timeout;
            this.exitCode = exitCode;
            this.output = output;
            this.timedOut = timedOut;
        }

        boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        int exitCode() {
            return exitCode;
        }

        String output() {
            return output;
        }

        boolean timedOut() {
            return timedOut;
        }

        /** What went wrong, naming the command, the timeout or exit code, and the output's last lines. */
        String failure() {
            String head = timedOut
                    ? "'" + label + "' did not finish within " + seconds(timeout)
                            + " and was killed with the processes it started"
                    : exitCode == -1 ? "'" + label + "' failed" : "'" + label + "' exited with code " + exitCode;
            String tail = tail(output);
            return tail.isEmpty() ? head + " (no output)." : head + "; its last output:\n" + tail;
        }

        private static String seconds(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }

        static String tail(String text) {
            String[] lines = text.strip().split("\n");
            int from = Math.max(0, lines.length - TAIL_LINES);
            return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip();
        }
    }
}
