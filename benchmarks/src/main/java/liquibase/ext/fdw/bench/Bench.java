package liquibase.ext.fdw.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import liquibase.Scope;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ext.fdw.nodes.PostgresNode;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.NodeDefinition;
import liquibase.ext.fdw.topology.RunReport;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.TopologyLog;
import liquibase.ext.fdw.topology.TopologyRequest;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Helpers shared by the report's measurements: timing, statistics, SQL on a node, Liquibase and engine runs, COPY. */
final class Bench {
    /** The changelog header of the XML changelogs the report writes. */
    static final String XML_HEADER = String.join("\n",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
            "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
            "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">", "");

    /** The sample's temperatures columns. */
    static final String COLUMNS = "(reading_date date NOT NULL, city varchar(100), temp numeric)";

    /** Whether a profiling run asked for every engine line, stamped with the time ({@code -Dbench.verbose=true}). */
    private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");

    /**
     * A log for measured runs: warnings and errors only, so logging costs nothing to the figures; a profiling run
     * ({@code bench.verbose}) prints every line with its time instead.
     */
    static final TopologyLog QUIET = new TopologyLog() {
        @Override
        public void debug(String message) {
            if (VERBOSE) {
                System.out.println(java.time.LocalTime.now() + " " + message);
            }
        }

        @Override
        public void info(String message) {
            debug(message);
        }

        @Override
        public void warn(String message) {
            System.out.println("WARN " + message);
        }

        @Override
        public void error(String message) {
            System.out.println("ERROR " + message);
        }
    };

    private Bench() {
    }

    /** A measured step. */
    interface Step {
        void run() throws Exception;
    }

    static long time(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** "median (min-max)" in ms. */
    static String stats(List<Long> ms) {
        if (ms.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        return median(ms) + " (" + sorted.get(0) + "-" + sorted.get(sorted.size() - 1) + ")";
    }

    /** How many times faster {@code measured} is than {@code reference} takes, e.g. 0.50x when twice as slow. */
    static String ratio(long reference, long measured) {
        return measured <= 0 || reference <= 0 ? "-" : String.format(Locale.ROOT, "%.2fx", (double) reference / measured);
    }

    static void exec(PostgresNode node, String database, String... sql) throws SQLException {
        try (Connection c = node.connect(database, node.username(), node.password()); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    static long count(PostgresNode node, String database, String table) throws SQLException {
        try (Connection c = node.connect(database, node.username(), node.password()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String query(PostgresNode node, String sql) throws SQLException {
        try (Connection c = node.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    static void freshDatabase(PostgresNode node, String database) throws SQLException {
        node.dropDatabase(database);
        node.createDatabase(database);
    }

    /** The sample's shape: N rows of 2017 readings in {@code table}. */
    static String fill(String table, int rows) {
        return "INSERT INTO " + table + " SELECT date '2017-01-01' + (i % 365), 'city ' || (i % 97), (i % 1000) / 10.0"
                + " FROM generate_series(1, " + rows + ") i";
    }

    /**
     * Streams {@code source} (a table or a parenthesised query) into {@code target} with {@code COPY TO STDOUT} on
     * one node and {@code COPY FROM STDIN} on the other, the way {@code \copy} out and in would, in binary format.
     */
    static long copy(PostgresNode from, String fromDb, String source, PostgresNode to, String toDb, String target)
            throws Exception {
        try (Connection out = from.connect(fromDb, from.username(), from.password());
                Connection in = to.connect(toDb, to.username(), to.password())) {
            CopyManager outApi = out.unwrap(PGConnection.class).getCopyAPI();
            CopyManager inApi = in.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            try (PipedOutputStream pipeOut = new PipedOutputStream();
                    PipedInputStream pipeIn = new PipedInputStream(pipeOut, 1 << 20)) {
                CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                    try (pipeOut) {
                        return outApi.copyOut("COPY " + source + " TO STDOUT (FORMAT binary)", pipeOut);
                    } catch (SQLException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                inApi.copyIn("COPY " + target + " FROM STDIN (FORMAT binary)", pipeIn);
                writer.join();
            }
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** A node of an inline topology reached by URL. */
    static NodeDefinition node(PostgresNode server, String name, String database, String changeLog,
            Map<String, String> properties, String... dependsOn) {
        return new NodeDefinition(name, server.jdbcUrl(database), server.username(), server.password(), null, null,
                changeLog, null, null, null, properties, List.of(dependsOn), 0);
    }

    /** Runs the topology engine; returns null on success, else the first failure. */
    static String engine(Goal goal, List<NodeDefinition> nodes, Path changelogs, Path work, String contexts,
            Integer rollbackCount) {
        TopologyRequest.Builder builder = TopologyRequest.builder(goal).inlineNodes(nodes, "benchmark report", changelogs)
                .outputDirectory(work.resolve("engine-out")).nodesDirectory(work.resolve("engine-nodes"));
        if (contexts != null) {
            builder.contexts(contexts);
        }
        if (rollbackCount != null) {
            builder.rollbackCount(rollbackCount);
        }
        try {
            RunReport report = new TopologyEngine(QUIET).run(builder.build());
            return report.failed() ? String.valueOf(report.firstFailure()) : null;
        } catch (TopologyException e) {
            // refused before any node changed, e.g. a changelog that does not validate
            return e.getMessage();
        }
    }

    /** Runs the topology engine and fails on a failure. */
    static void engineOrFail(Goal goal, List<NodeDefinition> nodes, Path changelogs, Path work, String contexts,
            Integer rollbackCount) {
        String failure = engine(goal, nodes, changelogs, work, contexts, rollbackCount);
        if (failure != null) {
            throw new IllegalStateException(goal + " failed: " + failure);
        }
    }

    /** A Liquibase command through CommandScope on one database; returns what the command wrote. */
    static String liquibase(PostgresNode node, String database, Path dir, String changelog, String command,
            Map<String, Object> arguments, ChangeExecListener listener) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                new JdbcConnection(node.connect(database, node.username(), node.password())))) {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), new CompositeResourceAccessor(new DirectoryResourceAccessor(dir),
                    new ClassLoaderResourceAccessor(Bench.class.getClassLoader())));
            Scope.child(scope, () -> {
                CommandScope commandScope = new CommandScope(command).addArgumentValue("database", db)
                        .addArgumentValue("changelogFile", changelog).setOutput(out);
                if (listener != null) {
                    commandScope.addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener);
                }
                arguments.forEach(commandScope::addArgumentValue);
                commandScope.execute();
            });
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The first line of a failure, for a table cell. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return cell(root.getClass().getSimpleName() + ": " + message);
    }

    /** Text fit for a markdown table cell. */
    static String cell(String text) {
        String flat = text.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
