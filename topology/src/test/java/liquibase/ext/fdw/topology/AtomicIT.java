package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import liquibase.ext.fdw.nodes.NodeLauncher;
import liquibase.ext.fdw.nodes.NodeSpec;
import liquibase.ext.fdw.nodes.PostgresNode;
import liquibase.ext.fdw.nodes.SharedNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic mode on real nodes (three databases of one PostgreSQL server: shard1 and shard2, then coordinator, which
 * records the decision): faults injected before, during and after the two-phase commit, each ending with every node
 * at the old state or every node at the new state and no prepared transaction left after recovery. The scenarios that
 * depend on the server run on every major of {@code -Dfdw.test.majors} (one server per major, reused by every test of
 * the class); the preflight, which refuses before any transaction, runs on the newest listed major only. With
 * {@code -Dfdw.reliability.atomic.report=<file>} the outcomes are written as a table.
 */
class AtomicIT {
    private static final List<String> NODES = List.of("shard1", "shard2", "coordinator");
    /** Report rows; a row that is the same on every major appears once. */
    private static final TreeSet<String> ROWS = new TreeSet<>();
    private static final String LIMITS = """

            Limits: recovery runs only for runs with no session left on any node (a live run finishes its own transactions);
            it rolls back only when every node of the topology could be asked, since the decision may sit on a node that did
            not answer. A node whose data is lost for good after the decision cannot commit: the others do, and that node must
            be restored and updated again. Until recovery runs, prepared transactions keep their locks and hold back vacuum.
            """;
    private static final String CHANGELOG = """
            databaseChangeLog:
              - changeSet:
                  id: items
                  author: it
                  changes:
                    - createTable: { tableName: items, columns: [ { column: { name: id, type: int } } ] }
                    - sql: INSERT INTO items VALUES (1)
            """;
    private static final String FAILING = CHANGELOG + """
              - changeSet:
                  id: broken
                  author: it
                  changes:
                    - sql: INSERT INTO items VALUES (1 / 0)
            """;

    @TempDir
    static Path serverDirectory;
    @TempDir
    Path directory;

    /** One server per major, started on first use; not the shared nodes, since a test restarts its server. */
    private static final Map<Integer, PostgresNode> SERVERS = new TreeMap<>();

    static List<Integer> majors() {
        return SharedNodes.testMajors();
    }

    private static int preflightMajor() {
        List<Integer> majors = majors();
        return majors.get(majors.size() - 1);
    }

    private static NodeSpec spec(int major) {
        return NodeSpec.builder("atomic" + major, serverDirectory.resolve("server" + major)).major(major).build();
    }

    private static synchronized PostgresNode server(int major) {
        return SERVERS.computeIfAbsent(major, key -> NodeLauncher.start(spec(key)));
    }

    @AfterAll
    static void stopServers() throws IOException {
        for (PostgresNode server : SERVERS.values()) {
            server.stop();
        }
        SERVERS.clear();
        String target = System.getProperty("fdw.reliability.atomic.report", "");
        if (target.isBlank()) {
            return;
        }
        StringBuilder md = new StringBuilder("""
                # Reliability of atomic mode

                Written by `topology/src/test/java/liquibase/ext/fdw/topology/AtomicIT.java`:

                ```bash
                mvn -B -ntp -pl topology -am verify -Dtest=none -Dit.test=AtomicIT \\
                  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \\
                  -Dfdw.test.majors=17 -Dfdw.reliability.atomic.report=$PWD/docs/reliability-atomic.md
                ```

                Three nodes (shard1, shard2, then coordinator, which records the decision) run one changeset that
                creates a table and inserts a row. A fault is injected at each step of the two-phase commit; the
                runner's JVM is killed with SIGKILL at a test hook (`-Dfdw.test.atomicPause=<point>:<count>`).
                "state" reads every node's catalog and DATABASECHANGELOG: all old, all new, or MIXED.

                | scenario | fault | recovery | state after | prepared left |
                |---|---|---|---|---|
                """);
        ROWS.forEach(row -> md.append(row).append('\n'));
        md.append(LIMITS);
        Path file = Path.of(target);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    private EngineNodes nodes(int major, String prefix, String lastChangelog) throws Exception {
        EngineNodes nodes = new EngineNodes(directory, prefix, server(major));
        nodes.changelog("changelog.yaml", CHANGELOG);
        nodes.changelog("last.yaml", lastChangelog);
        return nodes;
    }

    private static List<NodeDefinition> topology(EngineNodes nodes, String lastChangelog) throws Exception {
        return List.of(nodes.node("shard1", "changelog.yaml"), nodes.node("shard2", "changelog.yaml"),
                nodes.node("coordinator", lastChangelog, "shard1", "shard2"));
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void allNodesCommitTogether(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "atomic_ok", CHANGELOG)) {
            List<NodeDefinition> topology = topology(nodes, "last.yaml");
            RunReport report = nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build());
            assertTrue(!report.failed(), nodes.log.toString());
            assertEquals("new", state(nodes));
            assertEquals(List.of("0"), prepared(nodes));
            assertEquals(List.of("shard1,shard2,coordinator"), nodes.query("coordinator",
                    "SELECT nodes FROM " + AtomicRun.DECISIONS));
            record("success", "none", "not needed", nodes);
        }
    }

    /** A node's later changesets see its earlier ones inside the one held transaction (schema, then table, then rows). */
    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void laterChangesetsSeeEarlierOnesOfTheSameNode(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "atomic_chain", CHANGELOG)) {
            nodes.changelog("chain.yaml", """
                    databaseChangeLog:
                      - changeSet: { id: schema, author: it, changes: [ { sql: CREATE SCHEMA chain } ] }
                      - changeSet:
                          id: table
                          author: it
                          changes:
                            - createTable: { schemaName: chain, tableName: t, columns: [ { column: { name: id, type: int } } ] }
                      - changeSet: { id: rows, author: it, changes: [ { sql: "INSERT INTO chain.t VALUES (1), (2)" } ] }
                    """);
            List<NodeDefinition> topology = List.of(nodes.node("shard1", "chain.yaml"), nodes.node("shard2", "chain.yaml"),
                    nodes.node("coordinator", "changelog.yaml", "shard1", "shard2"));
            RunReport report = nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build());
            assertTrue(!report.failed(), nodes.log.toString());
            for (String node : List.of("shard1", "shard2")) {
                assertEquals(List.of("2|3"), nodes.query(node, "SELECT (SELECT count(*) FROM chain.t) || '|' ||"
                        + " (SELECT count(*) FROM databasechangelog)"), node);
            }
            assertEquals(List.of("0"), prepared(nodes));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void failureOnTheLastNodeRollsBackEveryNode(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "atomic_fail", FAILING)) {
            List<NodeDefinition> topology = topology(nodes, "last.yaml");
            RunReport report = nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build());
            assertTrue(report.failed());
            assertEquals(List.of(NodeResult.Status.ROLLED_BACK, NodeResult.Status.ROLLED_BACK, NodeResult.Status.FAILED),
                    report.results().stream().map(NodeResult::status).toList());
            assertEquals("old", state(nodes));
            assertEquals(List.of("0"), prepared(nodes));
            record("failure on the last node", "division by zero in coordinator's 2nd changeset", "not needed", nodes);
        }
    }

    @Test
    void preflightRefusesBeforeAnythingChanges() throws Exception {
        try (EngineNodes nodes = nodes(preflightMajor(), "atomic_refuse", """
                databaseChangeLog:
                  - changeSet:
                      id: index
                      author: it
                      runInTransaction: false
                      changes:
                        - sql: CREATE INDEX CONCURRENTLY items_id ON items (id)
                  - changeSet:
                      id: vacuum
                      author: it
                      changes:
                        - sql: VACUUM items
                """)) {
            List<NodeDefinition> topology = topology(nodes, "last.yaml");
            AtomicModeException refused = assertThrows(AtomicModeException.class,
                    () -> nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build()));
            assertEquals("atomic mode cannot be used: node 'coordinator': changeset last.yaml::index::it has"
                    + " runInTransaction=\"false\"; apply it in a normal (not atomic) run first, or remove"
                    + " runInTransaction=\"false\" if it can run in a transaction; changeset last.yaml::vacuum::it (sql):"
                    + " VACUUM cannot run in a transaction block; apply this changeset in a normal (not atomic) run."
                    + " Nothing was changed on any node.", refused.getMessage());
            assertEquals("old", state(nodes));
        }
    }

    /** movePartition copies rows on other nodes, which commit before the coordinator's prepared transaction. */
    @Test
    void preflightRefusesMovePartition() throws Exception {
        try (EngineNodes nodes = nodes(preflightMajor(), "atomic_move", """
                databaseChangeLog:
                  - changeSet:
                      id: move
                      author: it
                      changes:
                        - movePartition:
                            tableName: temps
                            partitionName: temps_2017
                            toServerName: shard3
                            toRemoteSchemaName: public
                            toRemoteTableName: temps_2017
                """)) {
            List<NodeDefinition> topology = topology(nodes, "last.yaml");
            AtomicModeException refused = assertThrows(AtomicModeException.class,
                    () -> nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build()));
            assertEquals("atomic mode cannot be used: node 'coordinator': changeset last.yaml::move::it: movePartition"
                    + " copies the rows on other nodes, which commit before this node's prepared transaction; apply it in"
                    + " a normal (not atomic) run. Nothing was changed on any node.", refused.getMessage());
            assertEquals("old", state(nodes));
        }
    }

    /**
     * The SQL the preflight refuses is what PostgreSQL refuses in a transaction block (SQLSTATE 25001) or what ends
     * the transaction; what it lets through runs in one.
     */
    @Test
    void preflightSqlRulesMatchPostgres() throws Exception {
        PostgresNode server = server(preflightMajor());
        try (EngineNodes nodes = new EngineNodes(directory, "atomic_rules", server)) {
            nodes.node("solo", "changelog.yaml");
            nodes.execute("solo", "CREATE TABLE items (id int) PARTITION BY RANGE (id);"
                    + " CREATE TABLE items_1 PARTITION OF items FOR VALUES FROM (1) TO (10)");
            List<String> refused = List.of(
                    "CREATE INDEX CONCURRENTLY items_1_id ON items_1 (id)",
                    "ALTER TABLE items DETACH PARTITION items_1 CONCURRENTLY",
                    "VACUUM items_1",
                    "CREATE DATABASE atomic_rules_never",
                    "DROP TABLESPACE IF EXISTS atomic_rules_never",
                    "ALTER SYSTEM SET work_mem = '8MB'",
                    "REINDEX DATABASE atomic_rules_solo",
                    "CREATE SUBSCRIPTION atomic_rules_sub CONNECTION 'host=127.0.0.1 port=1' PUBLICATION p");
            for (String sql : refused) {
                assertTrue(AtomicPreflight.sqlProblem(sql) != null, sql);
                try (java.sql.Connection connection = server.connect("atomic_rules_solo", server.username(),
                        server.password())) {
                    connection.setAutoCommit(false);
                    java.sql.SQLException e = assertThrows(java.sql.SQLException.class,
                            () -> connection.createStatement().execute(sql), sql);
                    assertEquals("25001", e.getSQLState(), sql + ": " + e.getMessage());
                    connection.rollback();
                }
            }
            try (java.sql.Connection connection = server.connect("atomic_rules_solo", server.username(), server.password())) {
                connection.setAutoCommit(false);
                connection.createStatement().execute("CREATE TABLE escaped (id int)");
                assertEquals("COMMIT", AtomicPreflight.sqlProblem("COMMIT"));
                connection.createStatement().execute("COMMIT");
                connection.rollback();
            }
            assertEquals(List.of("1"), nodes.query("solo", "SELECT count(*) FROM pg_class WHERE relname = 'escaped'"),
                    "COMMIT inside the transaction ends it");
            List<String> allowed = List.of(
                    "DO $$ BEGIN PERFORM 1; END $$",
                    "INSERT INTO items VALUES (1); SELECT 'VACUUM; COMMIT'",
                    "-- VACUUM later\nSELECT 1",
                    "CREATE INDEX items_1_plain ON items_1 (id)");
            for (String sql : allowed) {
                assertEquals(null, AtomicPreflight.sqlProblem(sql), sql);
                try (java.sql.Connection connection = server.connect("atomic_rules_solo", server.username(), server.password())) {
                    connection.setAutoCommit(false);
                    connection.createStatement().execute(sql);
                    connection.rollback();
                }
            }
        }
    }

    @Test
    void preflightRefusesAServerWithoutPreparedTransactions() throws Exception {
        NodeSpec off = NodeSpec.builder("atomic-off", serverDirectory.resolve("off")).major(preflightMajor())
                .setting("max_prepared_transactions", "0").build();
        try (PostgresNode offServer = NodeLauncher.start(off); EngineNodes nodes = new EngineNodes(directory, "atomic_off", offServer)) {
            nodes.changelog("changelog.yaml", CHANGELOG);
            List<NodeDefinition> topology = List.of(nodes.node("solo", "changelog.yaml"));
            assertEquals(List.of("0"), nodes.query("solo", "SHOW max_prepared_transactions"));
            AtomicModeException refused = assertThrows(AtomicModeException.class,
                    () -> nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build()));
            assertEquals("atomic mode cannot be used: node 'solo': max_prepared_transactions is 0 on its server, so it"
                    + " cannot prepare a transaction; set max_prepared_transactions to at least the number of nodes on"
                    + " that server (postgresql.conf or ALTER SYSTEM, then restart it). Nothing was changed on any node.",
                    refused.getMessage());
            assertEquals(List.of("0"), nodes.query("solo", "SELECT count(*) FROM pg_class WHERE relname = 'items'"));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void killedAfterSomeNodesPreparedRollsBackOnRecover(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "atomic_kill_prepared", CHANGELOG)) {
            List<NodeDefinition> topology = topology(nodes, "last.yaml");
            killAt(major, nodes, "prepared:2");
            assertEquals(List.of("2"), prepared(nodes));
            RunReport recovered = nodes.run(nodes.request(Goal.RECOVER, topology).build());
            assertTrue(!recovered.failed(), nodes.log.toString());
            assertEquals("old", state(nodes));
            assertEquals(List.of("0"), prepared(nodes));
            assertEquals(List.of("0"), nodes.query("shard1", "SELECT count(*) FROM databasechangeloglock WHERE locked"));
            record("SIGKILL after 2 of 3 prepared", "JVM killed", recoveries(recovered), nodes);
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void killedAfterTheDecisionCommitsOnRecover(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "atomic_kill_decided", CHANGELOG)) {
            List<NodeDefinition> topology = topology(nodes, "last.yaml");
            killAt(major, nodes, "committed:1");
            assertEquals(List.of("2"), prepared(nodes));
            // The next update finishes the dead run's commit before it starts, then finds nothing pending.
            RunReport update = nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build());
            assertTrue(!update.failed(), nodes.log.toString());
            assertEquals("new", state(nodes));
            assertEquals(List.of("0"), prepared(nodes));
            List<String> committed = nodes.log.stream().filter(line -> line.matches("INFO \\[\\w+\\]   committed fdw:.*"))
                    .map(line -> line.replaceAll("^INFO \\[(\\w+)\\].*", "$1")).sorted().toList();
            assertEquals(List.of("coordinator", "shard2"), committed, nodes.log.toString());
            record("SIGKILL after the decision, 1 of 3 committed", "JVM killed; recovered by the next update",
                    "the update first committed the prepared transactions of " + String.join(", ", committed), nodes);
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void nodeRestartedWhilePrepared(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "atomic_restart", CHANGELOG)) {
            List<NodeDefinition> topology = topology(nodes, "last.yaml");
            killAt(major, nodes, "committed:0");
            server(major).stop();
            SERVERS.put(major, NodeLauncher.start(spec(major)));
            assertEquals(List.of("3"), prepared(nodes));
            RunReport recovered = nodes.run(nodes.request(Goal.RECOVER, topology).build());
            assertTrue(!recovered.failed(), nodes.log.toString());
            assertEquals("new", state(nodes));
            assertEquals(List.of("0"), prepared(nodes));
            record("server restarted while 3 prepared, decision recorded", "JVM killed, then server restart",
                    recoveries(recovered), nodes);
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void secondRunMeanwhileWaitsForRecovery(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "atomic_second", CHANGELOG)) {
            List<NodeDefinition> topology = topology(nodes, "last.yaml");
            Process first = startPaused(major, nodes, "prepared:1");
            try {
                assertThrows(LockHeldException.class,
                        () -> nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build()));
                RunReport recovered = nodes.run(nodes.request(Goal.RECOVER, topology).build());
                assertTrue(recovered.failed(), "a live run's transactions must be left alone");
                assertTrue(recovered.firstFailure().contains("is still connected"), recovered.firstFailure());
                assertEquals(List.of("1"), prepared(nodes));
            } finally {
                kill(nodes, first);
            }
            RunReport recovered = nodes.run(nodes.request(Goal.RECOVER, topology).build());
            assertEquals("old", state(nodes));
            assertEquals(List.of("0"), prepared(nodes));
            RunReport again = nodes.run(nodes.request(Goal.UPDATE, topology).atomic(true).build());
            assertTrue(!again.failed(), nodes.log.toString());
            assertEquals("new", state(nodes));
            record("second run while the first is prepared", "second run refused (lock held), recover leaves the live"
                    + " run alone, then the first is killed", recoveries(recovered) + "; then the second run applied", nodes);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** "old" when no node has the change, "new" when every node has it (catalog and DATABASECHANGELOG), else MIXED. */
    private static String state(EngineNodes nodes) throws Exception {
        List<String> states = new ArrayList<>();
        for (String node : NODES) {
            String table = nodes.query(node, "SELECT count(*) FROM pg_class WHERE relname = 'items'").get(0);
            String ran = nodes.query(node, "SELECT CASE WHEN to_regclass('databasechangelog') IS NULL THEN 0 ELSE"
                    + " (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM databasechangelog"
                    + " WHERE id = ''items''', false, true, '')))[1]::text::int END").get(0);
            states.add(table.equals("1") && ran.equals("1") ? "new" : table.equals("0") && ran.equals("0") ? "old"
                    : "MIXED(" + node + ": table " + table + ", rows " + ran + ")");
        }
        return states.stream().distinct().count() == 1 ? states.get(0) : "MIXED " + states;
    }

    /** This test's prepared transactions (on its three databases). */
    private static List<String> prepared(EngineNodes nodes) throws Exception {
        return nodes.query("shard1", "SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE 'fdw:%' AND database LIKE '"
                + nodes.query("shard1", "SELECT current_database()").get(0).replace("_shard1", "") + "\\_%'");
    }

    private static String recoveries(RunReport report) {
        return String.join("; ", report.results().stream().filter(r -> r.applied() > 0)
                .map(r -> r.node() + ": " + String.join(", ", r.lines()).replaceAll("fdw:[0-9a-f-]{36}:", "fdw:<run>:")
                        .replaceAll("freed the Liquibase lock left by run [0-9a-f-]{36}", "lock freed"))
                .toList());
    }

    private void record(String scenario, String fault, String recovery, EngineNodes nodes) throws Exception {
        ROWS.add("| " + scenario + " | " + fault + " | " + recovery + " | " + state(nodes) + " | "
                + prepared(nodes).get(0) + " |");
    }

    private void killAt(int major, EngineNodes nodes, String point) throws Exception {
        kill(nodes, startPaused(major, nodes, point));
    }

    /** An atomic update in a JVM of its own, returned once it stopped at the hook {@code point}. */
    private Process startPaused(int major, EngineNodes nodes, String point) throws Exception {
        PostgresNode server = server(major);
        Properties properties = new Properties();
        properties.setProperty("nodes", String.join(",", NODES));
        properties.setProperty("changeLogDirectory", directory.toString());
        properties.setProperty("atomic", "true");
        String database = nodes.query("shard1", "SELECT current_database()").get(0).replace("_shard1", "");
        for (String node : NODES) {
            String prefix = "node." + node + ".";
            properties.setProperty(prefix + "url", server.jdbcUrl(database + "_" + node));
            properties.setProperty(prefix + "host", server.host());
            properties.setProperty(prefix + "port", String.valueOf(server.port()));
            properties.setProperty(prefix + "dbname", database + "_" + node);
            properties.setProperty(prefix + "username", server.username());
            properties.setProperty(prefix + "password", server.password());
            properties.setProperty(prefix + "changelog", node.equals("coordinator") ? "last.yaml" : "changelog.yaml");
        }
        properties.setProperty("node.coordinator.dependsOn", "shard1,shard2");
        Path file = directory.resolve("nodes.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + TestHooks.PROPERTY + "=" + point,
                "-Dfdw.pg.binaries.dir=" + System.getProperty("fdw.pg.binaries.dir"),
                RunnerProcess.class.getName(), file.toString()).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            output.add(line);
            if (line.startsWith(TestHooks.MARKER)) {
                return process;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the run did not reach " + point + ": " + output);
    }

    /** SIGKILL, then waits until the server has ended the dead run's sessions. */
    private static void kill(EngineNodes nodes, Process process) throws Exception {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the runner did not die");
        for (int attempt = 0; attempt < 200; attempt++) {
            if (nodes.query("shard1", "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE '"
                    + NodeConnector.APPLICATION + "%' AND pid <> pg_backend_pid()").equals(List.of("0"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the killed run's sessions did not end");
    }
}
