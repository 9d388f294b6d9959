package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the launcher does after crashes and failures, and with settings beyond its defaults. */
class NodeFaultsIT {

    private static Path newDirectory() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "faults-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        return dir.toAbsolutePath();
    }

    @Test
    void extraServerSettingsReachTheServerAsWritten() throws Exception {
        // Quotes, spaces, a dollar sign and a backquote: pg_ctl hands the options to a shell.
        String name = "it's $HOME `id`";
        NodeSpec spec = NodeSpec.builder("settings", newDirectory())
                .setting("max_prepared_transactions", "20")
                .setting("max_locks_per_transaction", "256")
                .setting("cluster_name", name)
                .build();
        try (PostgresNode node = NodeLauncher.start(spec);
                Connection c = node.connect(); Statement s = c.createStatement()) {
            assertEquals("20", scalar(s, "SHOW max_prepared_transactions"));
            assertEquals("256", scalar(s, "SHOW max_locks_per_transaction"));
            assertEquals(name, scalar(s, "SHOW cluster_name"));
        }
    }

    @Test
    void aRunningNodeIsNotHandedOutWithOtherSettingsThanAskedFor() throws Exception {
        Path dir = newDirectory();
        NodeSpec first = NodeSpec.builder("busy", dir).setting("max_locks_per_transaction", "128").build();
        try (PostgresNode node = NodeLauncher.start(first)) {
            NodeSpec same = NodeSpec.builder("busy", dir).setting("max_locks_per_transaction", "128").build();
            assertFalse(NodeLauncher.start(same).startedHere());
            NodeSpec other = NodeSpec.builder("busy", dir).setting("max_locks_per_transaction", "256")
                    .setting("max_prepared_transactions", "30").build();
            NodeException e = assertThrows(NodeException.class, () -> NodeLauncher.start(other));
            assertEquals("Node 'busy' in " + dir + " is running with server settings {max_locks_per_transaction=128}"
                    + " but {max_locks_per_transaction=256, max_prepared_transactions=30} was asked for; stop the node"
                    + " (its data stays) and start it again.", e.getMessage());
            try (Connection c = node.connect(); Statement s = c.createStatement()) {
                assertEquals("128", scalar(s, "SHOW max_locks_per_transaction"));
            }
        }
    }

    @Test
    void aCrashedNodeWhosePidWasReusedStartsAgain() throws Exception {
        Path dir = newDirectory();
        NodeSpec spec = NodeSpec.builder("crashed", dir).database("crashed").build();
        PostgresNode node = NodeLauncher.start(spec);
        try (Connection c = node.connect(); Statement s = c.createStatement()) {
            // Durable against a crash even though the node runs with synchronous_commit off.
            s.execute("SET synchronous_commit = on; CREATE TABLE kept(v int); INSERT INTO kept VALUES (7)");
        }
        Path pidFile = dir.resolve("data/postmaster.pid");
        List<String> pidLines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        crash(ProcessHandle.of(Long.parseLong(pidLines.get(0).trim())).orElseThrow());

        // After a reboot or in a container, the dead server's number soon belongs to some other program.
        Process stranger = new ProcessBuilder("sleep", "600").start();
        try {
            pidLines.set(0, Long.toString(stranger.pid()));
            Files.write(pidFile, pidLines, StandardCharsets.UTF_8);

            PostgresNode again = NodeLauncher.start(spec);
            try (Connection c = again.connect(); Statement s = c.createStatement()) {
                assertTrue(again.startedHere(), "a fresh server was started");
                assertEquals("7", scalar(s, "SELECT v FROM kept"));
            } finally {
                again.stop();
            }
            assertTrue(stranger.isAlive(), "the program that got the number was not signalled");
        } finally {
            stranger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCrashedNodeStartsAgain() throws Exception {
        Path dir = newDirectory();
        NodeSpec spec = NodeSpec.builder("killed", dir).build();
        PostgresNode node = NodeLauncher.start(spec);
        crash(ProcessHandle.of(Long.parseLong(
                Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim())).orElseThrow());
        assertFalse(NodeLauncher.isRunning(dir, spec.major()));

        PostgresNode again = NodeLauncher.start(spec);
        try (Connection c = again.connect(); Statement s = c.createStatement()) {
            assertEquals(node.port(), again.port());
            assertEquals("1", scalar(s, "SELECT 1"));
        } finally {
            again.stop();
        }
    }

    @Test
    void aServerThatCannotBePreparedIsStoppedAndTheCauseIsNamed() throws Exception {
        Path dir = newDirectory();
        // The server starts, but its first statement (giving the node its own password) is refused.
        NodeSpec spec = NodeSpec.builder("readonly", dir).setting("default_transaction_read_only", "on").build();

        NodeException e = assertThrows(NodeException.class, () -> NodeLauncher.start(spec));

        assertEquals("Could not start node 'readonly' in " + dir + ": could not give the node its own superuser"
                + " password (ERROR: cannot execute ALTER ROLE in a read-only transaction)", e.getMessage());
        assertFalse(NodeLauncher.isRunning(dir, spec.major()), "the server was left running");
        assertFalse(Files.exists(dir.resolve("data/postmaster.pid")));
    }

    @Test
    void twoThreadsStartingOneNodeGetTheSameServer() throws Exception {
        Path dir = newDirectory();
        NodeSpec spec = NodeSpec.builder("shared", dir).database("shared").build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<PostgresNode> a = pool.submit(() -> NodeLauncher.start(spec));
            Future<PostgresNode> b = pool.submit(() -> NodeLauncher.start(spec));
            PostgresNode first = a.get();
            PostgresNode second = b.get();
            assertEquals(first.port(), second.port());
            assertEquals(first.password(), second.password());
            assertTrue(first.startedHere() ^ second.startedHere(), "exactly one of them started the server");
            try (Connection c = second.connect(); Statement s = c.createStatement()) {
                assertEquals("shared", scalar(s, "SELECT current_database()"));
            }
            first.stop();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeWhoseStateFileIsLostSaysSo() throws Exception {
        Path dir = newDirectory();
        NodeSpec spec = NodeSpec.builder("lost", dir).build();
        try (PostgresNode node = NodeLauncher.start(spec)) {
            Files.delete(dir.resolve("node.properties"));
            NodeException e = assertThrows(NodeException.class, () -> NodeLauncher.start(spec));
            assertEquals("Node 'lost' in " + dir + " has data but its node.properties (superuser password) is"
                    + " missing or incomplete; stop its server if one runs (pg_ctl -D " + dir.resolve("data")
                    + " stop) and delete the directory to start afresh.", e.getMessage());
        }
    }

    @Test
    void aRunKilledAfterChangingThePasswordButBeforeSavingItIsRecovered() throws Exception {
        Path dir = newDirectory();
        NodeSpec spec = NodeSpec.builder("rotated", dir).build();
        PostgresNode node = NodeLauncher.start(spec);
        node.stop();
        // What the state file holds when a run dies between ALTER ROLE and saving the new password.
        Path stateFile = dir.resolve("node.properties");
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
            state.load(in);
        }
        state.setProperty("newPassword", node.password());
        state.setProperty("password", "the-template-password");
        try (OutputStream out = Files.newOutputStream(stateFile)) {
            state.store(out, null);
        }

        try (PostgresNode again = NodeLauncher.start(spec); Connection c = again.connect();
                Statement s = c.createStatement()) {
            assertEquals(node.password(), again.password());
            assertEquals("1", scalar(s, "SELECT 1"));
        }
    }

    @Test
    void aCopyCutShortIsDoneAgain() throws Exception {
        Path dir = newDirectory();
        Files.createDirectories(dir.resolve("data.partial/base"));
        Files.writeString(dir.resolve("data.partial/PG_VERSION"), "17\n");
        try (PostgresNode node = NodeLauncher.start(NodeSpec.builder("partial", dir).build());
                Connection c = node.connect(); Statement s = c.createStatement()) {
            assertEquals("1", scalar(s, "SELECT 1"));
        }
        assertFalse(Files.exists(dir.resolve("data.partial")));
    }

    /** Kills a server the way a crash or an OOM kill does: the postmaster and its children, no shutdown. */
    private static void crash(ProcessHandle postmaster) throws Exception {
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
