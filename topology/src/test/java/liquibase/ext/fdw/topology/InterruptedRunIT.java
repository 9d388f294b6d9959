package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import liquibase.ext.fdw.nodes.PostgresNode;
import liquibase.ext.fdw.nodes.SharedNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology update stopped in the middle of a changeset (SIGTERM, as Ctrl-C does): the JVM's shutdown hook frees
 * every node's Liquibase lock, and the interrupted changeset is not recorded as applied.
 */
class InterruptedRunIT {
    private static final List<String> DATABASES = List.of("interrupted_a", "interrupted_b");

    @TempDir
    Path directory;

    private final PostgresNode node = SharedNodes.node(17, "interrupt");

    @AfterEach
    void dropDatabases() throws SQLException {
        try (Connection connection = node.connect(); Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                // The interrupted pg_sleep may still run on the server.
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                statement.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    @Test
    void stoppingTheJvmMidChangesetReleasesEveryLock() throws Exception {
        Files.writeString(directory.resolve("changelog.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: quick
                      author: it
                      changes:
                        - createTable: { tableName: quick, columns: [ { column: { name: id, type: int } } ] }
                  - changeSet:
                      id: slow
                      author: it
                      changes:
                        - sql: SELECT pg_sleep(60)
                      rollback: []
                """, StandardCharsets.UTF_8);
        Properties properties = new Properties();
        properties.setProperty("nodes", String.join(",", DATABASES));
        properties.setProperty("changeLogDirectory", directory.toString());
        for (String database : DATABASES) {
            node.createDatabase(database);
            String prefix = "node." + database + ".";
            properties.setProperty(prefix + "url", node.jdbcUrl(database));
            properties.setProperty(prefix + "host", node.host());
            properties.setProperty(prefix + "port", String.valueOf(node.port()));
            properties.setProperty(prefix + "dbname", database);
            properties.setProperty(prefix + "username", node.username());
            properties.setProperty(prefix + "password", node.password());
        }
        Path file = directory.resolve("nodes.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dfdw.pg.binaries.dir=" + System.getProperty("fdw.pg.binaries.dir"),
                RunnerProcess.class.getName(), file.toString()).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        Set<String> quickDone = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (quickDone.size() < DATABASES.size() && (line = lines.readLine()) != null) {
                output.add(line);
                for (String database : DATABASES) {
                    if (line.startsWith("[" + database + "] applied changelog.yaml::quick::it")) {
                        quickDone.add(database);
                    }
                }
            }
            assertEquals(Set.copyOf(DATABASES), quickDone, "the run did not reach the slow changeset: " + output);
            waitUntilSleeping();
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the runner did not stop");
        } finally {
            process.destroyForcibly();
        }

        for (String database : DATABASES) {
            assertEquals(List.of("f"), query(database, "SELECT locked FROM databasechangeloglock"), database + " is still locked");
            assertEquals(List.of("quick"), query(database, "SELECT id FROM databasechangelog"), database);
        }
    }

    private void waitUntilSleeping() throws SQLException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<String> sleeping = query("postgres", "SELECT datname FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)'");
            if (sleeping.size() == DATABASES.size()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the slow changeset did not start on both nodes");
    }

    private List<String> query(String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = node.connect(database, node.username(), node.password());
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
