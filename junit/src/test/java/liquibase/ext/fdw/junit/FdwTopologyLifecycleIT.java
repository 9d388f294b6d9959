package liquibase.ext.fdw.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import liquibase.ext.fdw.nodes.NodeLauncher;
import liquibase.ext.fdw.nodes.NodeSpec;
import liquibase.ext.fdw.nodes.PostgresNode;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension's life cycle, driven through JUnit's own engine: nodes stopped after a failing class, a failed update
 * reported, parallel classes on their own nodes, shared nodes started once, external nodes left alone.
 */
class FdwTopologyLifecycleIT {
    static final Map<String, FdwNodes> SEEN = new ConcurrentHashMap<>();
    static final CyclicBarrier BOTH_CLASSES_RUNNING = new CyclicBarrier(2);

    @FdwTopology(nodes = @FdwNode(name = "alone"))
    static class FailingTest {
        @Test
        void fails(FdwNodes nodes) {
            SEEN.put("failing", nodes);
            throw new AssertionError("the test fails");
        }
    }

    @FdwTopology(nodes = @FdwNode(name = "broken", changeLogFile = "bad/changelog.yaml"),
            changeLogDirectory = "topology", update = true)
    static class FailingUpdateTest {
        @Test
        void neverRuns() {
        }
    }

    @FdwTopology(nodes = @FdwNode(name = "p"))
    static class ParallelA {
        @Test
        void runs(FdwNodes nodes) throws Exception {
            SEEN.put("A", nodes);
            BOTH_CLASSES_RUNNING.await(120, TimeUnit.SECONDS);
        }
    }

    @FdwTopology(nodes = @FdwNode(name = "p"))
    static class ParallelB {
        @Test
        void runs(FdwNodes nodes) throws Exception {
            SEEN.put("B", nodes);
            BOTH_CLASSES_RUNNING.await(120, TimeUnit.SECONDS);
        }
    }

    @FdwTopology(nodes = @FdwNode(name = "s"), shared = true)
    static class SharedA {
        @Test
        void runs(FdwNodes nodes) {
            SEEN.put("SA", nodes);
        }
    }

    @FdwTopology(nodes = @FdwNode(name = "s"), shared = true)
    static class SharedB {
        @Test
        void runs(FdwNodes nodes) {
            SEEN.put("SB", nodes);
        }
    }

    @FdwTopology("target/external-topology/topology.yaml")
    static class ExternalTest {
        @Test
        void runs(FdwNodes nodes) throws SQLException {
            SEEN.put("external", nodes);
            try (Connection c = nodes.dataSource("outside").getConnection()) {
                assertTrue(c.isValid(5));
            }
        }
    }

    @Test
    void nodesAreStoppedAfterAFailingClass() throws SQLException {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingTest.class)).execute()
                .testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertStopped(SEEN.get("failing"), "alone");
    }

    @Test
    void aFailedUpdateFailsTheClassNamingTheNode() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailingUpdateTest.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(0));
        Event failed = results.containerEvents().failed().stream().findFirst().orElseThrow();
        String message = failed.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
        assertTrue(message.startsWith("@FdwTopology on " + FailingUpdateTest.class.getName() + ": update failed: "),
                message);
        assertTrue(message.contains("no_such_table"), message);
    }

    @Test
    void parallelClassesGetTheirOwnNodesAndSharedNodesStartOnce() throws SQLException {
        assertSucceeded(EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(ParallelA.class), selectClass(ParallelB.class), selectClass(SharedA.class),
                        selectClass(SharedB.class))
                .execute(), 4);
        assertNotEquals(SEEN.get("A").jdbcUrl("p"), SEEN.get("B").jdbcUrl("p"));
        assertEquals(SEEN.get("SA").jdbcUrl("s"), SEEN.get("SB").jdbcUrl("s"));
        assertEquals(SEEN.get("SA").password("s"), SEEN.get("SB").password("s"));
        assertStopped(SEEN.get("A"), "p");
        assertStopped(SEEN.get("B"), "p");
        assertStopped(SEEN.get("SA"), "s");
    }

    @Test
    void anExternalNodeIsUsedAsItIsAndLeftRunning() throws Exception {
        Path directory = Files.createTempDirectory("fdw-junit-external");
        try (PostgresNode outside = NodeLauncher.start(NodeSpec.builder("outside", directory.resolve("outside"))
                .database("outside").build())) {
            Path topology = Paths.get("target", "external-topology", "topology.yaml");
            Files.createDirectories(topology.getParent());
            Files.writeString(topology.resolveSibling("changelog.yaml"), "databaseChangeLog: []\n");
            Files.writeString(topology, "nodes:\n  outside: { url: '" + outside.jdbcUrl() + "', username: "
                    + outside.username() + ", password: '" + outside.password() + "', changeLogFile: changelog.yaml }\n");
            assertSucceeded(EngineTestKit.engine("junit-jupiter").selectors(selectClass(ExternalTest.class)).execute(), 1);
            FdwNodes seen = SEEN.get("external");
            assertEquals(outside.jdbcUrl(), seen.jdbcUrl("outside"));
            assertEquals(String.valueOf(outside.port()), seen.properties().get("fdw.node.outside.port"));
            try (Connection c = seen.dataSource("outside").getConnection()) {
                assertTrue(c.isValid(5), "the external node still runs");
            }
        }
    }

    /** Every test and container succeeded; otherwise the failures' messages say why. */
    private static void assertSucceeded(EngineExecutionResults results, int tests) {
        String failures = results.allEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getRequiredPayload(
                        org.junit.platform.engine.TestExecutionResult.class).getThrowable().map(String::valueOf).orElse(""))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertEquals("", failures);
        results.testEvents().assertStatistics(s -> s.succeeded(tests));
    }

    /** Connecting to a stopped node is refused: SQL state 08001 (pgjdbc's "connection attempt failed"). */
    private static void assertStopped(FdwNodes nodes, String node) {
        SQLException refused = assertThrows(SQLException.class, () -> nodes.dataSource(node).getConnection().close());
        assertEquals("08001", refused.getSQLState(), refused.getMessage());
    }
}
