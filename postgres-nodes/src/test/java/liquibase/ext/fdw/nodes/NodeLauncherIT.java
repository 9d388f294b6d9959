package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeLauncherIT {

    /** Node directories live where an unprivileged server account can reach them (JUnit's @TempDir is 0700). */
    private static Path newDirectory() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "nodes-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        return dir.toAbsolutePath();
    }

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void startsEveryMajorWithPostgresFdwAndScramOverTcp(int major) throws Exception {
        Path dir = newDirectory();
        try (PostgresNode node = NodeLauncher.start(NodeSpec.builder("n" + major, dir).major(major).database("shard").build())) {
            try (Connection c = node.connect(); Statement s = c.createStatement()) {
                assertEquals(major, c.getMetaData().getDatabaseMajorVersion());
                assertEquals("shard", scalar(s, "SELECT current_database()"));
                s.execute("CREATE EXTENSION postgres_fdw");
                assertEquals("postgres_fdw", scalar(s, "SELECT extname FROM pg_extension WHERE extname = 'postgres_fdw'"));
                assertEquals("scram-sha-256", scalar(s, "SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' LIMIT 1"));
            }
            SQLException wrong = assertThrows(SQLException.class, () -> node.connect("shard", "postgres", "wrong").close());
            assertTrue(wrong.getMessage().contains("password authentication failed"), wrong.getMessage());
        }
    }

    @Test
    void keepsDataAndPortAcrossRestartsAndStopsCleanly() throws Exception {
        Path dir = newDirectory();
        NodeSpec spec = NodeSpec.builder("kept", dir).build();
        PostgresNode first = NodeLauncher.start(spec);
        try (Connection c = first.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept(v int); INSERT INTO kept VALUES (42)");
        }
        PostgresNode again = NodeLauncher.start(spec);
        assertFalse(again.startedHere(), "a running node is found, not started twice");
        assertEquals(first.port(), again.port());
        first.stop();
        assertFalse(NodeLauncher.isRunning(dir, spec.major()));
        PostgresNode restarted = NodeLauncher.start(spec);
        try (Connection c = restarted.connect(); Statement s = c.createStatement()) {
            assertEquals("42", scalar(s, "SELECT v FROM kept"));
        } finally {
            restarted.stop();
        }
        assertTrue(Files.exists(dir.resolve("data/PG_VERSION")));
    }

    @Test
    void twoNodesHaveTheirOwnPortsAndPasswords() throws Exception {
        Path dir = newDirectory();
        try (PostgresNode a = NodeLauncher.start(NodeSpec.builder("a", dir.resolve("a")).build());
                PostgresNode b = NodeLauncher.start(NodeSpec.builder("b", dir.resolve("b")).build())) {
            assertNotEquals(a.port(), b.port());
            assertNotEquals(a.password(), b.password());
            assertThrows(SQLException.class, () -> b.connect("postgres", "postgres", a.password()).close());
        }
    }

    @Test
    void refusesDataOfAnotherMajor() throws Exception {
        Path dir = newDirectory();
        List<Integer> majors = SharedNodes.testMajors();
        int other = majors.stream().filter(m -> m != PostgresBinaries.defaultMajor()).findFirst().orElse(14);
        NodeLauncher.start(NodeSpec.builder("x", dir).major(other).build()).stop();
        NodeException e = assertThrows(NodeException.class, () -> NodeLauncher.start(NodeSpec.builder("x", dir).build()));
        assertEquals("Node 'x' in " + dir + " holds PostgreSQL " + other + " data but PostgreSQL "
                + PostgresBinaries.defaultMajor() + " was asked for; delete the directory or ask for " + other + ".",
                e.getMessage());
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
