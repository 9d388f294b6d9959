package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * releaseLocks on real nodes: it refuses the lock of a run that is still connected (another JVM in the middle of a
 * changeset), and with a node down it frees the reachable nodes' locks and lists the others.
 */
class ReleaseLocksIT {
    @TempDir
    Path directory;

    private EngineNodes nodes;

    @BeforeEach
    void nodes() {
        nodes = new EngineNodes(directory, "release");
    }

    @AfterEach
    void drop() throws Exception {
        nodes.close();
    }

    @Test
    void theLockOfALiveRunIsNotReleased() throws Exception {
        nodes.changelog("changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: slow
                      author: it
                      changes:
                        - sql: SELECT pg_sleep(60)
                      rollback: []
                """);
        NodeDefinition a = nodes.node("a", "changelog.yaml");
        Properties properties = new Properties();
        properties.setProperty("nodes", "a");
        properties.setProperty("changeLogDirectory", directory.toString());
        NodeAddress address = NodeAddress.fromUrl("a", a.url(), a.username(), a.password());
        properties.setProperty("node.a.url", a.url());
        properties.setProperty("node.a.host", address.host());
        properties.setProperty("node.a.port", String.valueOf(address.port()));
        properties.setProperty("node.a.dbname", address.dbname());
        properties.setProperty("node.a.username", a.username());
        properties.setProperty("node.a.password", a.password());
        Path file = directory.resolve("nodes.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunnerProcess.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("runner.log").toFile()).start();
        try {
            waitUntilSleeping();

            LiveLockException e = assertThrows(LiveLockException.class,
                    () -> nodes.run(nodes.request(Goal.RELEASE_LOCKS, List.of(a)).build()));

            assertEquals("a", e.nodeNames());
            assertTrue(e.getMessage().matches("node 'a': the Liquibase lock belongs to a run that is still connected \\(.+"
                    + " pid " + process.pid() + " run [0-9a-f-]{36} since .+\\); it releases the lock when it ends."
                    + " Nothing was released."), e.getMessage());
            assertEquals(List.of("1"), nodes.query("a", "SELECT count(*) FROM databasechangeloglock WHERE locked"));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
        // The stopped run's shutdown hook freed its lock; the interrupted changeset is not recorded.
        assertEquals(List.of("0"), nodes.query("a", "SELECT count(*) FROM databasechangeloglock WHERE locked"));
        assertEquals(List.of("0"), nodes.query("a", "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void withANodeDownTheReachableLocksAreReleasedAndTheRestListed() throws Exception {
        nodes.changelog("c.yaml", "databaseChangeLog: []\n");
        NodeDefinition a = nodes.node("a", "c.yaml");
        nodes.run(nodes.request(Goal.UPDATE, List.of(a)).build());
        nodes.execute("a", "UPDATE databasechangeloglock SET locked = TRUE, lockedby = 'dead-agent (10.0.0.9)',"
                + " lockgranted = TIMESTAMP '2026-11-24 08:15:00' WHERE id = 1");
        NodeDefinition down = new NodeDefinition("down", "jdbc:postgresql://127.0.0.1:1/down", "app", "down-Secret-1",
                null, null, "c.yaml", null, null, null, Map.of(), List.of(), 0);

        RunReport report = nodes.run(nodes.request(Goal.RELEASE_LOCKS, List.of(a, down)).build());

        assertEquals(List.of("a OK", "down FAILED"), report.results().stream().map(r -> r.node() + " " + r.status()).toList());
        String message = report.results().get(1).message();
        assertTrue(message.startsWith("node 'down': cannot connect to jdbc:postgresql://127.0.0.1:1/down as app: "), message);
        assertTrue(message.endsWith(" Its lock was not released; run again once it is reachable."), message);
        assertEquals(List.of("0"), nodes.query("a", "SELECT count(*) FROM databasechangeloglock WHERE locked"));
    }

    private void waitUntilSleeping() throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (!nodes.query("a", "SELECT pid FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)'").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the slow changeset did not start: " + Files.readString(directory.resolve("runner.log")));
    }
}
