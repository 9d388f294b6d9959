package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults found by probing the engine, each on real nodes: a missing changelog, a rollback target missing on one
 * node, a node that accepts TCP but never answers, a dependent whose rollback fails, secrets in SQL files, and locks
 * held by another run. Each test states the state of every node afterwards, read from PostgreSQL.
 */
class FailSafeIT {
    private static final String ONE_TABLE = """
            databaseChangeLog:
              - changeSet:
                  id: t1
                  author: it
                  changes:
                    - createTable: { tableName: t1, columns: [ { column: { name: id, type: int } } ] }
            """;
    private static final String TWO_TABLES = ONE_TABLE + """
              - changeSet:
                  id: t2
                  author: it
                  changes:
                    - createTable: { tableName: t2, columns: [ { column: { name: id, type: int } } ] }
            """;

    @TempDir
    Path directory;

    private EngineNodes nodes;

    @BeforeEach
    void nodes() {
        nodes = new EngineNodes(directory, "failsafe");
    }

    @AfterEach
    void drop() throws Exception {
        nodes.close();
    }

    private static final String LIQUIBASE_TABLES = "SELECT count(*) FROM pg_class WHERE relname LIKE 'databasechangelog%'";

    @Test
    void aMissingChangelogChangesNothingOnAnyNode() throws Exception {
        nodes.changelog("good.yaml", ONE_TABLE);
        List<NodeDefinition> topology = List.of(nodes.node("a", "good.yaml"), nodes.node("b", "missing.yaml"));

        ChangelogValidationException e = assertThrows(ChangelogValidationException.class,
                () -> nodes.run(nodes.request(Goal.UPDATE, topology).build()));

        assertEquals("node 'b': changelog missing.yaml cannot be used: the file does not exist in the changelog"
                + " directory. Nothing was changed on any node.", e.getMessage());
        assertEquals(List.of("0"), nodes.query("a", LIQUIBASE_TABLES));
        assertEquals(List.of("0"), nodes.query("b", LIQUIBASE_TABLES));
    }

    @Test
    void aRollbackTagMissingOnOneNodeRollsNoNodeBack() throws Exception {
        nodes.changelog("c.yaml", ONE_TABLE);
        List<NodeDefinition> topology = List.of(nodes.node("a", "c.yaml"), nodes.node("b", "c.yaml"));
        nodes.run(nodes.request(Goal.UPDATE, topology).build());
        nodes.run(nodes.request(Goal.TAG, topology).nodes("a").tag("v1").build());
        nodes.changelog("c.yaml", TWO_TABLES);
        nodes.run(nodes.request(Goal.UPDATE, topology).build());

        RollbackTargetException e = assertThrows(RollbackTargetException.class,
                () -> nodes.run(nodes.request(Goal.ROLLBACK, topology).tag("v1").build()));

        assertEquals("node 'b': tag 'v1' does not exist. Nothing was rolled back on any node.", e.getMessage());
        for (String node : List.of("a", "b")) {
            assertEquals(List.of("t1", "t2"), nodes.query(node, "SELECT id FROM databasechangelog ORDER BY orderexecuted"), node);
            assertEquals(List.of("t2"), nodes.query(node, "SELECT to_regclass('t2')::text"), node);
            assertEquals(List.of("0"), nodes.query(node, "SELECT count(*) FROM databasechangeloglock WHERE locked"), node);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aNodeThatAcceptsButNeverAnswersFailsNamingTheNode() throws Exception {
        nodes.changelog("c.yaml", ONE_TABLE);
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/stalled";
            NodeDefinition stalled = new NodeDefinition("stalled", url, "app", "stalled-Secret-1", null, null, "c.yaml",
                    null, null, null, java.util.Map.of(), List.of(), 0);
            List<NodeDefinition> topology = List.of(nodes.node("a", "c.yaml"), stalled);

            NodeConnectionException e = assertThrows(NodeConnectionException.class, () -> nodes.run(
                    nodes.request(Goal.UPDATE, topology).timeouts(new TopologyRequest.Timeouts(1, 2, 5)).build()));

            assertEquals("stalled", e.node());
            assertEquals("node 'stalled': cannot connect to " + url + " as app: Connection attempt timed out. (waited 1 s"
                    + " to connect, 2 s to log in; the node accepts connections but does not answer) Nothing was"
                    + " changed on any node.", e.getMessage());
            assertEquals(List.of("0"), nodes.query("a", LIQUIBASE_TABLES));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void whenADependentCannotBeRolledBackItsDependenciesAreLeftAsTheyAre() throws Exception {
        nodes.changelog("shard.yaml", ONE_TABLE);
        nodes.changelog("coordinator.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: raw
                      author: it
                      changes:
                        - sql: CREATE TABLE c1 (id int)
                  - changeSet:
                      id: broken
                      author: it
                      changes:
                        - sql: INSERT INTO no_such_table VALUES (1)
                """);
        List<NodeDefinition> topology = List.of(nodes.node("shard", "shard.yaml"),
                nodes.node("coordinator", "coordinator.yaml", "shard"));

        RunReport report = nodes.run(nodes.request(Goal.UPDATE, topology).onFailure(OnFailure.ROLLBACK).build());

        NodeResult shard = report.results().get(0);
        NodeResult coordinator = report.results().get(1);
        assertEquals(NodeResult.Status.FAILED, shard.status());
        assertEquals("not rolled back: node 'coordinator', which depends on it, could not be rolled back; this run's 1"
                + " changeset(s) are still applied", shard.message());
        assertEquals(NodeResult.Status.FAILED, coordinator.status());
        assertTrue(coordinator.message().endsWith("; rolling back this run's 1 changeset(s) FAILED: rolling back changeset"
                + " coordinator.yaml::raw::it failed: No inverse to liquibase.change.core.RawSQLChange created; give that"
                + " changeset a rollback block"), coordinator.message());
        assertTrue(nodes.log.contains("ERROR onFailure=rollback did not finish: rolled back no node; left with this run's"
                + " changes: 'coordinator', 'shard'. Fix the failing rollback, then roll those nodes back by count."),
                String.join("\n", nodes.log));
        assertEquals(List.of("t1"), nodes.query("shard", "SELECT id FROM databasechangelog"));
        assertEquals(List.of("t1"), nodes.query("shard", "SELECT to_regclass('t1')::text"));
        assertEquals(List.of("raw"), nodes.query("coordinator", "SELECT id FROM databasechangelog"));
        for (String node : List.of("shard", "coordinator")) {
            assertEquals(List.of("0"), nodes.query(node, "SELECT count(*) FROM databasechangeloglock WHERE locked"), node);
        }
    }

    @Test
    void updateSqlFilesMaskNodePasswords() throws Exception {
        nodes.changelog("secret.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: secret
                      author: it
                      changes:
                        - sql: SELECT '${fdw.node.a.password}' AS quoted, 'x${fdw.node.a.password}x' AS bare
                """);
        List<NodeDefinition> topology = List.of(nodes.node("a", "secret.yaml"));

        nodes.run(nodes.request(Goal.UPDATE_SQL, topology).build());

        String sql = Files.readString(directory.resolve("out/a.sql"), StandardCharsets.UTF_8);
        assertTrue(sql.contains("SELECT '********' AS quoted, 'x********x' AS bare"), sql);
        assertFalse(sql.contains(nodes.password()), sql);
        assertFalse(String.join("\n", nodes.log).contains(nodes.password()));
    }

    @Test
    void lockHeldNamesEveryLockedNodeWithHolderAndSince() throws Exception {
        nodes.changelog("c.yaml", ONE_TABLE);
        List<NodeDefinition> topology = List.of(nodes.node("a", "c.yaml"), nodes.node("b", "c.yaml"),
                nodes.node("c", "c.yaml"));
        nodes.run(nodes.request(Goal.UPDATE, topology).build());
        for (String node : List.of("a", "c")) {
            nodes.execute(node, "UPDATE databasechangeloglock SET locked = TRUE, lockedby = 'agent-" + node
                    + "', lockgranted = TIMESTAMP '2026-11-24 08:15:00' WHERE id = 1");
        }

        LockHeldException e = assertThrows(LockHeldException.class,
                () -> nodes.run(nodes.request(Goal.UPDATE, topology).build()));

        assertEquals("a,c", e.nodeNames());
        assertEquals(List.of("agent-a", "agent-c"), e.locks().stream().map(LockHeldException.HeldLock::holder).toList());
        assertTrue(e.getMessage().startsWith("node 'a': the Liquibase lock is held by agent-a since "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; wait for that run to finish, or if it died, release the locks. Nothing was"
                + " changed on any node."), e.getMessage());
        assertEquals(List.of("0"), nodes.query("b", "SELECT count(*) FROM databasechangeloglock WHERE locked"));
    }

    @Test
    void outputChangesToStdoutAreMasked() throws Exception {
        nodes.changelog("output.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: output
                      author: it
                      changes:
                        - output: { message: 'connecting with ${fdw.node.a.password}', target: STDOUT }
                """);
        List<NodeDefinition> topology = List.of(nodes.node("a", "output.yaml"));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            nodes.run(nodes.request(Goal.UPDATE, topology).build());
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("connecting with ********"), printed);
        assertFalse(printed.contains(nodes.password()), printed);
    }

    @Test
    void aPartialRollbackCountsWhatItRolledBackAndNamesTheChangeset() throws Exception {
        nodes.changelog("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: raw
                      author: it
                      changes:
                        - sql: CREATE TABLE raw_table (id int)
                  - changeSet:
                      id: t1
                      author: it
                      changes:
                        - createTable: { tableName: t1, columns: [ { column: { name: id, type: int } } ] }
                """);
        List<NodeDefinition> topology = List.of(nodes.node("a", "c.yaml"));
        nodes.run(nodes.request(Goal.UPDATE, topology).build());

        RunReport report = nodes.run(nodes.request(Goal.ROLLBACK, topology).rollbackCount(2).build());

        NodeResult a = report.results().get(0);
        assertEquals(NodeResult.Status.FAILED, a.status());
        assertEquals(1, a.applied());
        assertTrue(a.message().startsWith("rolling back changeset c.yaml::raw::it failed: No inverse to"
                + " liquibase.change.core.RawSQLChange created"), a.message());
        assertTrue(report.summaryTable().get(1).matches("a +1 +0 +\\d+ ms +FAILED"), report.summaryTable().get(1));
        assertEquals(List.of("raw"), nodes.query("a", "SELECT id FROM databasechangelog"));
        assertEquals(List.of("0"), nodes.query("a", "SELECT count(*) FROM databasechangeloglock WHERE locked"));
    }

    @Test
    void aLostConnectionIsSaidPlainlyAndTheLockIsStillReleased() throws Exception {
        nodes.changelog("slow.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: slow
                      author: it
                      changes:
                        - sql: SELECT pg_sleep(30)
                      rollback: []
                """);
        List<NodeDefinition> topology = List.of(nodes.node("a", "slow.yaml"));
        java.util.concurrent.CompletableFuture<RunReport> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> nodes.run(nodes.request(Goal.UPDATE, topology).build()));
        List<String> terminated = List.of();
        for (int attempt = 0; attempt < 300 && terminated.isEmpty(); attempt++) {
            terminated = nodes.query("a", "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity"
                    + " WHERE query = 'SELECT pg_sleep(30)'");
            Thread.sleep(100);
        }
        assertEquals(List.of("true"), terminated);

        NodeResult a = run.get(60, TimeUnit.SECONDS).results().get(0);

        assertEquals(NodeResult.Status.FAILED, a.status());
        assertTrue(a.message().startsWith("the connection to the node was lost (server stopped, network down or session"
                + " terminated): "), a.message());
        assertEquals(List.of("0"), nodes.query("a", "SELECT count(*) FROM databasechangeloglock WHERE locked"));
        assertEquals(List.of("0"), nodes.query("a", "SELECT count(*) FROM databasechangelog"));
    }
}
