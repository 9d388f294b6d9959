package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecTest {

    @Test
    void aHungProgramIsKilledWithItsChildrenAtTheDeadline() {
        // The shell prints its own and its background child's process numbers, then hangs on a second sleep.
        List<String> command = List.of("sh", "-c", "echo $$; sleep 600 & echo $!; echo started; sleep 600");
        // The bound is far below the program's 600 s: only a deadline that fires can meet it.
        Exec.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                // 10 s leaves a loaded machine time to start the shell and print all three lines first
                () -> Exec.run("hang", command, Duration.ofSeconds(10)));

        assertTrue(result.timedOut());
        assertFalse(result.ok());
        String[] lines = result.output().strip().split("\n");
        assertEquals("started", lines[2]);
        for (String pid : List.of(lines[0], lines[1])) {
            assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " still runs");
        }
        assertEquals("'hang' did not finish within 10 s and was killed with the processes it started; its last"
                + " output:\n" + lines[0] + "\n" + lines[1] + "\nstarted", result.failure());
    }

    @Test
    void aChildThatKeepsTheOutputOpenDoesNotHoldTheCaller() {
        // The old pipe reader waited for end of output, which a detached child holding the pipe never gave.
        Exec.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Exec.run("detach", List.of("sh", "-c", "sleep 600 & echo $!; echo done"), Duration.ofSeconds(30)));
        try {
            assertTrue(result.ok(), result.failure());
            assertEquals("done", result.output().strip().split("\n")[1]);
        } finally {
            ProcessHandle.of(Long.parseLong(result.output().strip().split("\n")[0])).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aFailureNamesTheCommandTheExitCodeAndTheLastLinesOfOutput() {
        Exec.Result result = Exec.run("count", List.of("sh", "-c", "seq 1 30; exit 3"), Duration.ofSeconds(30));

        assertFalse(result.ok());
        assertEquals(3, result.exitCode());
        StringBuilder tail = new StringBuilder();
        for (int i = 11; i <= 30; i++) {
            tail.append(i).append(i < 30 ? "\n" : "");
        }
        assertEquals("'count' exited with code 3; its last output:\n" + tail, result.failure());
    }

    @Test
    void aProgramThatCannotRunIsReportedWithTheReason() {
        Exec.Result result = Exec.run("missing", List.of("/nonexistent/initdb"), Duration.ofSeconds(5));

        assertFalse(result.ok());
        assertEquals("'missing' failed; its last output:\ncould not run /nonexistent/initdb: Cannot run program"
                + " \"/nonexistent/initdb\": error=2, No such file or directory", result.failure());
    }
}
