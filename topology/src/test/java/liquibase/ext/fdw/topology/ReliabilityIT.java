package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite: faults injected into runs on real nodes and hostile inputs, each with its outcome and the
 * three figures that must stay zero: changesets applied twice, ledger rows lost, secrets found in any channel (log,
 * standard output, SQL files, report.json, exception messages). With {@code -Dfdw.reliability.report=<file>} the
 * table is written there as Markdown ({@code docs/reliability.md}; the command is in its header).
 */
class ReliabilityIT {
    private static final int LEDGER_ROWS = 100;
    private static final List<String> ROWS = new ArrayList<>();
    private static int appliedTwiceTotal;
    private static int rowsLostTotal;
    private static int secretsFoundTotal;

    /** The base every node gets first: a ledger of 100 rows that no fault may lose. */
    private static final String LEDGER = """
            databaseChangeLog:
              - changeSet:
                  id: ledger
                  author: it
                  changes:
                    - sql: CREATE TABLE ledger (id int PRIMARY KEY); INSERT INTO ledger SELECT generate_series(1, 100)
                  rollback:
                    - sql: DROP TABLE ledger
            """;
    /** A changeset whose effect shows when it runs twice: one marker row each time. */
    private static final String MARKER = """
              - changeSet:
                  id: marker
                  author: it
                  changes:
                    - sql: INSERT INTO ledger VALUES (-1)
                  rollback:
                    - sql: DELETE FROM ledger WHERE id = -1
            """;
    private static final String SLOW = """
              - changeSet:
                  id: slow
                  author: it
                  changes:
                    - sql: SELECT pg_sleep(%d)
                  rollback: []
            """;

    @TempDir
    Path directory;

    private final List<String> secretsChannels = new ArrayList<>();

    private EngineNodes nodes(String name) throws IOException {
        Path scenario = directory.resolve(name);
        Files.createDirectories(scenario);
        return new EngineNodes(scenario, "rel_" + name);
    }

    @Test
    void nodeDownBeforeTheRun() throws Exception {
        try (EngineNodes nodes = nodes("down")) {
            List<NodeDefinition> topology = ledger(nodes, "a");
            NodeDefinition down = external("down", "jdbc:postgresql://127.0.0.1:1/down");
            nodes.changelog("changelog.yaml", LEDGER + MARKER);
            String outcome = failure(nodes, nodes.request(Goal.UPDATE, with(topology, down)).build(), NodeConnectionException.class);
            record("node down before the run", "update; one node's port is closed", outcome, nodes, "a");
        }
    }

    @Test
    void stalledNode() throws Exception {
        try (EngineNodes nodes = nodes("stalled"); ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // Scenario over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<NodeDefinition> topology = ledger(nodes, "a");
            nodes.changelog("changelog.yaml", LEDGER + MARKER);
            NodeDefinition stalled = external("stalled", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/x");
            String outcome = failure(nodes, nodes.request(Goal.UPDATE, with(topology, stalled))
                    .timeouts(new TopologyRequest.Timeouts(1, 2, 5)).build(), NodeConnectionException.class);
            record("stalled node", "update; a node accepts TCP and never answers", outcome, nodes, "a");
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void connectionLostMidRun() throws Exception {
        try (EngineNodes nodes = nodes("lost")) {
            List<NodeDefinition> topology = ledger(nodes, "a");
            nodes.changelog("changelog.yaml", LEDGER + SLOW.formatted(30) + MARKER);
            CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(
                    () -> nodes.run(nodes.request(Goal.UPDATE, topology).build()));
            terminateSleeping(nodes, "a", 30);
            NodeResult a = run.get(60, TimeUnit.SECONDS).results().get(0);
            String outcome = a.status() + ": " + a.message().replaceAll(":.*", "") + "; lock " + lockState(nodes, "a");
            nodes.changelog("changelog.yaml", LEDGER + MARKER);
            nodes.run(nodes.request(Goal.UPDATE, topology).build());
            record("connection lost mid-run", "update; the node's session is terminated in a changeset, then update again",
                    outcome, nodes, "a");
        }
    }

    @Test
    void jvmStoppedWithSigterm() throws Exception {
        try (EngineNodes nodes = nodes("sigterm")) {
            List<NodeDefinition> topology = ledger(nodes, "a", "b");
            nodes.changelog("changelog.yaml", LEDGER + SLOW.formatted(60) + MARKER);
            Process process = runner(nodes, topology);
            waitSleeping(nodes, "a", 60);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            String outcome = "locks after SIGTERM: " + lockState(nodes, "a") + ", " + lockState(nodes, "b");
            nodes.changelog("changelog.yaml", LEDGER + MARKER);
            nodes.run(nodes.request(Goal.UPDATE, topology).build());
            record("JVM stopped (SIGTERM) mid-changeset", "update in its own JVM, SIGTERM during a changeset, update again",
                    outcome + "; the second update applied the rest once", nodes, "a", "b");
        }
    }

    @Test
    void jvmKilledWithSigkill() throws Exception {
        try (EngineNodes nodes = nodes("sigkill")) {
            List<NodeDefinition> topology = ledger(nodes, "a");
            nodes.changelog("changelog.yaml", LEDGER + SLOW.formatted(60) + MARKER);
            Process process = runner(nodes, topology);
            waitSleeping(nodes, "a", 60);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            nodes.execute("a", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)'");
            nodes.changelog("changelog.yaml", LEDGER + MARKER);
            String refused = failure(nodes, nodes.request(Goal.UPDATE, topology).build(), LockHeldException.class);
            nodes.run(nodes.request(Goal.RELEASE_LOCKS, topology).build());
            nodes.run(nodes.request(Goal.UPDATE, topology).build());
            record("JVM killed (SIGKILL) mid-changeset", "update in its own JVM, SIGKILL, update, releaseLocks, update",
                    "the lock stays (no hook runs); the next update is refused: " + refused
                            + "; releaseLocks frees it (its run is gone) and the update applies the rest once", nodes, "a");
        }
    }

    @Test
    void twoRunsAtOnce() throws Exception {
        try (EngineNodes nodes = nodes("concurrent")) {
            List<NodeDefinition> topology = ledger(nodes, "a");
            nodes.changelog("changelog.yaml", LEDGER + SLOW.formatted(3) + MARKER);
            Process process = runner(nodes, topology);
            waitSleeping(nodes, "a", 3);
            String outcome = failure(nodes, nodes.request(Goal.UPDATE, topology).build(), LockHeldException.class);
            process.waitFor(60, TimeUnit.SECONDS);
            record("two runs at once", "update in a second JVM while the first is in a changeset",
                    "the second is refused: " + outcome + "; the first finishes", nodes, "a");
        }
    }

    @Test
    void releaseLocksDuringARun() throws Exception {
        try (EngineNodes nodes = nodes("release")) {
            List<NodeDefinition> topology = ledger(nodes, "a");
            nodes.changelog("changelog.yaml", LEDGER + SLOW.formatted(3) + MARKER);
            Process process = runner(nodes, topology);
            waitSleeping(nodes, "a", 3);
            String outcome = failure(nodes, nodes.request(Goal.RELEASE_LOCKS, topology).build(), LiveLockException.class);
            process.waitFor(60, TimeUnit.SECONDS);
            nodes.run(nodes.request(Goal.UPDATE, topology).build());
            record("releaseLocks during a run", "releaseLocks while another JVM's update is in a changeset, then update",
                    "refused: " + outcome, nodes, "a");
        }
    }

    @Test
    void failingRollbackOfADependent() throws Exception {
        try (EngineNodes nodes = nodes("rollback")) {
            List<NodeDefinition> topology = List.of(nodes.node("shard", "shard.yaml"),
                    nodes.node("coordinator", "coordinator.yaml", "shard"));
            nodes.changelog("shard.yaml", LEDGER);
            nodes.changelog("coordinator.yaml", LEDGER + """
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
            RunReport report = nodes.run(nodes.request(Goal.UPDATE, topology).onFailure(OnFailure.ROLLBACK).build());
            String outcome = String.join("; ", report.results().stream().map(r -> r.node() + " " + r.status()).toList())
                    + "; the shard keeps its changes because the coordinator's rollback failed";
            record("failing rollback (onFailure=rollback)", "the coordinator fails and its own rollback fails (no inverse)",
                    outcome, nodes, "shard");
        }
    }

    @Test
    void rollbackTargetMissingOnANode() throws Exception {
        try (EngineNodes nodes = nodes("target")) {
            List<NodeDefinition> topology = ledger(nodes, "a", "b");
            nodes.run(nodes.request(Goal.TAG, topology).nodes("a").tag("v1").build());
            nodes.changelog("changelog.yaml", LEDGER + MARKER);
            nodes.run(nodes.request(Goal.UPDATE, topology).build());
            String outcome = failure(nodes, nodes.request(Goal.ROLLBACK, topology).tag("v1").build(),
                    RollbackTargetException.class);
            record("rollback tag missing on one node", "rollback to a tag only one of two nodes has", outcome, nodes, "a", "b");
        }
    }

    @Test
    void hostileInputs() throws Exception {
        try (EngineNodes nodes = nodes("hostile")) {
            List<NodeDefinition> topology = ledger(nodes, "a");
            Path file = directory.resolve("hostile/topology.yaml");
            String url = topology.get(0).url();
            List<String> outcomes = new ArrayList<>();
            for (String yaml : List.of(
                    "nodes:\n  ../../../escaped: { url: '" + url + "', changeLogFile: c.yaml }\n",
                    "nodes:\n  a: { changeLogFile: c.yaml }\n  a: { changeLogFile: c.yaml }\n",
                    "nodes:\n  a:\n    changeLogFile: c.yaml\n    changeLogFile: d.yaml\n",
                    "nodes:\n  a: { changeLogFile: c.yaml\n",
                    "nodes:\n  a: { url: 'jdbc:postgresql://127.0.0.1:1/a?password=" + nodes.password() + "', username: x, changeLogFile: c.yaml }\n")) {
                Files.writeString(file, yaml, StandardCharsets.UTF_8);
                outcomes.add(failure(nodes, TopologyRequest.builder(Goal.UPDATE_SQL).topologyFile(file)
                        .outputDirectory(directory.resolve("hostile/out")).build(), TopologyException.class));
            }
            outcomes.add(failure(nodes, nodes.request(Goal.ROLLBACK, topology).rollbackCount(0).build(), TopologyException.class));
            outcomes.add(failure(nodes, nodes.request(Goal.UPDATE, List.of(nodes.node("m", "missing.yaml"))).build(),
                    ChangelogValidationException.class));
            try (Stream<Path> written = Files.walk(directory)) {
                assertEquals(List.of(), written.filter(p -> p.toString().contains("escaped")).toList());
            }
            assertEquals(false, Files.exists(directory.resolve("hostile/out/../../../escaped.sql").normalize()));
            record("hostile inputs", "node name ../../../escaped, duplicate node, duplicate key, YAML syntax error,"
                    + " password in a URL of an unreachable node, rollbackCount 0, missing changelog",
                    "each refused before anything changed: " + String.join(" / ", outcomes), nodes, "a");
        }
    }

    @Test
    void secretsInEveryChannel() throws Exception {
        try (EngineNodes nodes = nodes("secrets")) {
            List<NodeDefinition> topology = ledger(nodes, "a");
            nodes.changelog("changelog.yaml", LEDGER + """
                      - changeSet:
                          id: secret
                          author: it
                          changes:
                            - output: { message: 'password ${fdw.node.a.password}', target: STDOUT }
                            - output: { message: 'password ${fdw.node.a.password}', target: WARN }
                            - sql: SELECT '${fdw.node.a.password}' AS quoted
                            - sql: SELECT broken '${fdw.node.a.password}'
                    """);
            nodes.run(nodes.request(Goal.UPDATE_SQL, topology).build());
            RunReport report = nodes.run(nodes.request(Goal.UPDATE, topology).build());
            record("secrets in every channel", "a node password in output changes (STDOUT, log), in SQL, in updateSQL,"
                    + " in a failing statement", "update " + report.results().get(0).status()
                    + " (the failing statement); every channel grepped for the password", nodes, "a");
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        String target = System.getProperty("fdw.reliability.report", "");
        if (target.isBlank()) {
            return;
        }
        StringBuilder md = new StringBuilder("""
                # Reliability

                Written by the reliability suite (`topology/src/test/java/liquibase/ext/fdw/topology/ReliabilityIT.java`):

                ```bash
                mvn -B -ntp -pl topology -am verify -Dtest=none -Dit.test=ReliabilityIT \\
                  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \\
                  -Dfdw.test.majors=17 -Dfdw.reliability.report=$PWD/docs/reliability.md
                ```

                Every scenario runs on real PostgreSQL nodes. Each node first gets a ledger of 100 rows; "applied twice"
                counts changesets recorded or run more than once (a marker row per run of one changeset), "rows lost"
                counts ledger rows missing afterwards, "secrets" counts node passwords found in the engine's log,
                standard output, SQL files, report.json and exception messages.

                | scenario | fault or input | outcome | applied twice | rows lost | secrets |
                |---|---|---|---|---|---|
                """);
        ROWS.stream().sorted().forEach(row -> md.append(row).append('\n'));
        md.append("\n**changesets applied twice: ").append(appliedTwiceTotal).append(", rows lost: ").append(rowsLostTotal)
                .append(", secrets found: ").append(secretsFoundTotal).append("**\n");
        Path file = Path.of(target);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    // --- scenario helpers ---------------------------------------------------------------------------------------

    /** Nodes that already carry the ledger (one update of changelog.yaml holding only the ledger). */
    private List<NodeDefinition> ledger(EngineNodes nodes, String... names) throws Exception {
        List<NodeDefinition> topology = new ArrayList<>();
        for (String name : names) {
            topology.add(nodes.node(name, "changelog.yaml"));
        }
        nodes.changelog("changelog.yaml", LEDGER);
        nodes.run(nodes.request(Goal.UPDATE, topology).build());
        return topology;
    }

    private static NodeDefinition external(String name, String url) {
        return new NodeDefinition(name, url, "app", "unreachable-Secret-9", null, null, "changelog.yaml", null, null,
                null, Map.of(), List.of(), 0);
    }

    private static List<NodeDefinition> with(List<NodeDefinition> nodes, NodeDefinition extra) {
        List<NodeDefinition> all = new ArrayList<>(nodes);
        all.add(extra);
        return all;
    }

    /** Runs a request that must fail with {@code type}; returns the exception's class and message, checked for secrets. */
    private String failure(EngineNodes nodes, TopologyRequest request, Class<? extends TopologyException> type) {
        try {
            nodes.run(request);
        } catch (TopologyException e) {
            assertEquals(type, type.isInstance(e) ? type : e.getClass(), e.getMessage());
            secretsChannels.add(e.getMessage());
            return e.getClass().getSimpleName() + " \"" + e.getMessage().replace("|", "\\|") + "\"";
        }
        throw new AssertionError("the run did not fail");
    }

    private Process runner(EngineNodes nodes, List<NodeDefinition> topology) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("nodes", String.join(",", topology.stream().map(NodeDefinition::name).toList()));
        properties.setProperty("changeLogDirectory", nodes.directory().toString());
        for (NodeDefinition node : topology) {
            NodeAddress address = NodeAddress.fromUrl(node.name(), node.url(), node.username(), node.password());
            String prefix = "node." + node.name() + ".";
            properties.setProperty(prefix + "url", node.url());
            properties.setProperty(prefix + "host", address.host());
            properties.setProperty(prefix + "port", String.valueOf(address.port()));
            properties.setProperty(prefix + "dbname", address.dbname());
            properties.setProperty(prefix + "username", node.username());
            properties.setProperty(prefix + "password", node.password());
        }
        Path file = nodes.directory().resolve("nodes.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RunnerProcess.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(nodes.directory().resolve("runner.log").toFile()).start();
    }

    private static void waitSleeping(EngineNodes nodes, String node, int seconds) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (!nodes.query(node, "SELECT pid FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(" + seconds + ")'").isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the slow changeset did not start");
    }

    private static void terminateSleeping(EngineNodes nodes, String node, int seconds) throws Exception {
        waitSleeping(nodes, node, seconds);
        nodes.execute(node, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep("
                + seconds + ")'");
    }

    private static String lockState(EngineNodes nodes, String node) throws SQLException {
        return nodes.query(node, "SELECT count(*) FROM databasechangeloglock WHERE locked").equals(List.of("0"))
                ? "free" : "HELD";
    }

    /** Measures the figures on {@code checked} nodes and every channel, asserts they are zero, adds the row. */
    private void record(String scenario, String fault, String outcome, EngineNodes nodes, String... checked)
            throws Exception {
        int twice = 0;
        int lost = 0;
        for (String node : checked) {
            twice += Integer.parseInt(nodes.query(node, "SELECT count(*) - count(DISTINCT id) FROM databasechangelog").get(0));
            twice += Math.max(0, Integer.parseInt(nodes.query(node, "SELECT count(*) FROM ledger WHERE id = -1").get(0)) - 1);
            lost += LEDGER_ROWS - Integer.parseInt(nodes.query(node,
                    "SELECT count(*) FROM ledger WHERE id BETWEEN 1 AND " + LEDGER_ROWS).get(0));
        }
        int secrets = secrets(nodes);
        appliedTwiceTotal += twice;
        rowsLostTotal += lost;
        secretsFoundTotal += secrets;
        ROWS.add("| " + scenario + " | " + fault + " | " + stable(outcome) + " | " + twice + " | " + lost
                + " | " + secrets + " |");
        assertEquals(0, twice, scenario + ": changesets applied twice");
        assertEquals(0, lost, scenario + ": ledger rows lost");
        assertEquals(0, secrets, scenario + ": secrets found");
    }

    /** The outcome without what differs from run to run (host, PID, run id, times, ports), so the table is stable. */
    private static String stable(String outcome) {
        return outcome.replace("\n", " ")
                .replaceAll("held by .*? pid \\d+ run [0-9a-f-]{36}", "held by <host> pid <pid> run <run id>")
                .replaceAll("connected \\(.*? pid \\d+ run [0-9a-f-]{36}", "connected (<host> pid <pid> run <run id>")
                .replaceAll("since [^;)]*", "since <time>")
                .replaceAll("127\\.0\\.0\\.1:\\d{4,5}", "127.0.0.1:<port>");
    }

    private int secrets(EngineNodes nodes) throws IOException {
        String password = nodes.password();
        int found = 0;
        List<String> texts = new ArrayList<>(nodes.log);
        texts.add(nodes.stdout());
        texts.addAll(secretsChannels);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith("nodes.properties"))
                    .filter(p -> !p.toString().endsWith(".yaml")).toList()) {
                texts.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        for (String text : texts) {
            found += text.split(java.util.regex.Pattern.quote(password), -1).length - 1;
        }
        return found;
    }
}
