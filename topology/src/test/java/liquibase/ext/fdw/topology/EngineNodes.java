package liquibase.ext.fdw.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.nodes.PostgresNode;
import liquibase.ext.fdw.nodes.SharedNodes;

/**
 * Nodes for engine tests: each node is a database of its own on one shared PostgreSQL server, reached by URL like an
 * external node, with changelogs written into a test directory. Collects the engine's log lines.
 */
final class EngineNodes implements AutoCloseable {
    private final PostgresNode server;
    private final Path directory;
    private final String prefix;
    private final List<String> databases = new ArrayList<>();
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    /** {@code prefix} keeps the databases of one test class apart from those of others on the shared server. */
    EngineNodes(Path directory, String prefix) {
        this(directory, prefix, SharedNodes.node(17, "engine"));
    }

    /** Nodes on {@code server} instead of the shared one (a server with settings of its own). */
    EngineNodes(Path directory, String prefix, PostgresNode server) {
        this.server = server;
        this.directory = directory;
        this.prefix = prefix;
    }

    /** A fresh database for node {@code name} and its definition; {@code dependsOn} as in the topology file. */
    NodeDefinition node(String name, String changeLogFile, String... dependsOn) throws SQLException {
        String database = database(name);
        server.dropDatabase(database);
        server.createDatabase(database);
        databases.add(database);
        return new NodeDefinition(name, server.jdbcUrl(database), server.username(), server.password(), null, null,
                changeLogFile, null, null, null, Map.of(), List.of(dependsOn), 0);
    }

    String password() {
        return server.password();
    }

    /** Writes a changelog into the changelog directory. */
    void changelog(String file, String yaml) throws IOException {
        Files.writeString(directory.resolve(file), yaml, StandardCharsets.UTF_8);
    }

    /** A request for {@code goal} on {@code nodes}, output under the test directory. */
    TopologyRequest.Builder request(Goal goal, List<NodeDefinition> nodes) {
        return TopologyRequest.builder(goal).inlineNodes(nodes, "test nodes", directory)
                .outputDirectory(directory.resolve("out")).nodesDirectory(directory.resolve("nodes"));
    }

    /** The changelog directory. */
    Path directory() {
        return directory;
    }

    /** What the runs printed on standard output (after the engine's masking). */
    String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /** Runs the request through the engine, collecting its log and its standard output. */
    RunReport run(TopologyRequest request) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new TeeStream(original, stdout), true, StandardCharsets.UTF_8));
        try {
            return engine().run(request);
        } finally {
            System.setOut(original);
        }
    }

    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }
    }

    TopologyEngine engine() {
        return new TopologyEngine(new TopologyLog() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
                log.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                log.add("WARN " + message);
            }

            @Override
            public void error(String message) {
                log.add("ERROR " + message);
            }
        });
    }

    /** The first column of {@code sql} on node {@code name}'s database. */
    List<String> query(String name, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = server.connect(database(name), server.username(), server.password());
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Runs a statement on node {@code name}'s database. */
    void execute(String name, String sql) throws SQLException {
        try (Connection connection = server.connect(database(name), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String database(String name) {
        return prefix + "_" + name;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String database : databases) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                statement.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }
}
