package liquibase.ext.fdw.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
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
import java.util.concurrent.TimeUnit;
import liquibase.ext.fdw.nodes.PostgresBinaries;
import liquibase.ext.fdw.nodes.PostgresNode;
import liquibase.ext.fdw.nodes.SharedNodes;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One scenario through both front ends of the engine, the Maven goals (the Mojo classes, in this JVM) and the
 * Liquibase CLI ({@code liquibase fdw ...} in a JVM of its own), each on its own databases of one PostgreSQL server:
 * a changelog that fails validation changes nothing, updateSQL masks a node password, update with contexts, tag,
 * status, rollback to a tag and by count, a rollback target missing on a node and a count below 1 are refused before
 * any change, and releaseLocks refuses the lock of a live run but frees it once that run is gone. Both front ends
 * must reach the same catalogs and state the same engine message, each with its own way to fix it.
 */
class FrontEndsIT {
    private static final PostgresNode SERVER = SharedNodes.node(PostgresBinaries.defaultMajor(), "frontends");

    @TempDir
    Path directory;

    /** The two front ends, each running a command in engine terms (goal name and request arguments). */
    enum FrontEnd {
        MAVEN {
            @Override
            Outcome run(Path directory, String topologyFile, String goal, Map<String, String> arguments) throws Exception {
                AbstractMojo mojo = switch (goal) {
                    case "update" -> new UpdateMojo();
                    case "updateSQL" -> new UpdateSqlMojo();
                    case "status" -> new StatusMojo();
                    case "tag" -> new TagMojo();
                    case "rollback" -> new RollbackMojo();
                    case "releaseLocks" -> new ReleaseLocksMojo();
                    default -> throw new IllegalArgumentException(goal);
                };
                // What Maven injects: the defaults of the @Parameter annotations, and the -Dfdw.* values given.
                set(mojo, "topologyFile", directory.resolve(topologyFile).toFile());
                set(mojo, "basedir", directory.toFile());
                set(mojo, "nodesDirectory", directory.resolve("target/fdw/nodes").toFile());
                set(mojo, "outputDirectory", directory.resolve("target/fdw").toFile());
                set(mojo, "connectTimeout", 10);
                set(mojo, "loginTimeout", 30);
                set(mojo, "socketTimeout", 1800);
                set(mojo, "onFailure", "stop");
                for (Map.Entry<String, String> argument : arguments.entrySet()) {
                    switch (argument.getKey()) {
                        case "contexts" -> set(mojo, "contexts", argument.getValue());
                        case "rollbackCount" -> set(mojo, "rollbackCount", Integer.valueOf(argument.getValue()));
                        case "rollbackTag" -> set(mojo, "rollbackTag", argument.getValue());
                        case "tag" -> set(mojo, "tag", argument.getValue());
                        case "force" -> set(mojo, "force", Boolean.parseBoolean(argument.getValue()));
                        default -> throw new IllegalArgumentException(argument.getKey());
                    }
                }
                List<String> lines = Collections.synchronizedList(new ArrayList<>());
                mojo.setLog(new SystemStreamLog() {
                    @Override
                    public void info(CharSequence content) {
                        lines.add(String.valueOf(content));
                    }

                    @Override
                    public void warn(CharSequence content) {
                        lines.add(String.valueOf(content));
                    }

                    @Override
                    public void error(CharSequence content) {
                        lines.add(String.valueOf(content));
                    }
                });
                try {
                    mojo.execute();
                    return new Outcome(true, String.join("\n", lines));
                } catch (MojoFailureException | MojoExecutionException e) {
                    return new Outcome(false, String.join("\n", lines) + "\n" + e.getMessage());
                }
            }
        },
        CLI {
            @Override
            Outcome run(Path directory, String topologyFile, String goal, Map<String, String> arguments) throws Exception {
                Process process = start(directory, topologyFile, goal, arguments);
                if (!process.waitFor(300, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("liquibase fdw " + goal + " did not finish");
                }
                return new Outcome(process.exitValue() == 0,
                        Files.readString(directory.resolve("liquibase.log"), StandardCharsets.UTF_8));
            }
        };

        abstract Outcome run(Path directory, String topologyFile, String goal, Map<String, String> arguments)
                throws Exception;

        /** {@code liquibase fdw <goal>} in a JVM of its own, its output in {@code liquibase.log}. */
        static Process start(Path directory, String topologyFile, String goal, Map<String, String> arguments)
                throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"),
                    "liquibase.integration.commandline.LiquibaseCommandLine", "fdw",
                    goal.equals("updateSQL") ? "update-sql" : goal.replaceAll("([A-Z])", "-$1").toLowerCase(),
                    "--topology-file=" + topologyFile, "--output-directory=target/fdw", "--nodes-directory=target/fdw/nodes"));
            for (Map.Entry<String, String> argument : arguments.entrySet()) {
                String flag = switch (argument.getKey()) {
                    case "rollbackCount" -> "count";
                    case "rollbackTag", "tag" -> "tag";
                    default -> argument.getKey();
                };
                command.add("--" + flag + "=" + argument.getValue());
            }
            return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("liquibase.log").toFile()).start();
        }
    }

    /** Whether the command succeeded, and everything it printed (the failure's message last). */
    record Outcome(boolean ok, String text) {
        String flat() {
            return text.replaceAll("\\s+", " ");
        }
    }

    @ParameterizedTest
    @EnumSource(FrontEnd.class)
    void theSameScenarioReachesTheSameOutcome(FrontEnd frontEnd) throws Exception {
        String prefix = "fe_" + frontEnd.name().toLowerCase() + "_";
        for (String node : List.of("shard", "coordinator", "slow")) {
            SERVER.dropDatabase(prefix + node);
            SERVER.createDatabase(prefix + node);
        }
        write("shard.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: base
                      author: it
                      context: base
                      changes:
                        - createTable: { tableName: readings, columns: [ { column: { name: id, type: int } } ] }
                  - changeSet:
                      id: secret
                      author: it
                      context: base
                      changes:
                        - sql: SELECT length('${fdw.node.shard.password}') AS checked
                      rollback:
                        - sql: SELECT 1
                  - changeSet:
                      id: more
                      author: it
                      context: more
                      changes:
                        - createTable: { tableName: more_readings, columns: [ { column: { name: id, type: int } } ] }
                """);
        write("coordinator.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: report
                      author: it
                      changes:
                        - createTable: { tableName: report, columns: [ { column: { name: id, type: int } } ] }
                """);
        write("slow.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: slow
                      author: it
                      changes:
                        - sql: SELECT pg_sleep(120)
                      rollback: []
                """);
        topology("topology.yaml", prefix, "coordinator.yaml");
        topology("broken.yaml", prefix, "missing.yaml");
        Files.writeString(directory.resolve("live.yaml"), "nodes:\n" + node(prefix, "slow", "slow.yaml", null));

        // A changelog that cannot be read: refused before any node is touched, not even Liquibase's tables.
        Outcome broken = frontEnd.run(directory, "broken.yaml", "update", Map.of());
        assertFalse(broken.ok(), broken.text());
        assertTrue(broken.flat().contains("missing.yaml"), broken.text());
        assertEquals(List.of("f"), query(prefix + "shard", "SELECT to_regclass('databasechangelog') IS NOT NULL"));

        // updateSQL writes every node's SQL with the node password masked.
        Outcome sql = frontEnd.run(directory, "topology.yaml", "updateSQL", Map.of());
        assertTrue(sql.ok(), sql.text());
        String shardSql = Files.readString(directory.resolve("target/fdw/shard.sql"));
        assertTrue(shardSql.contains("SELECT length('********') AS checked"), shardSql);
        assertFalse(shardSql.contains(SERVER.password()), shardSql);
        assertFalse(sql.text().contains(SERVER.password()), sql.text());

        Outcome base = frontEnd.run(directory, "topology.yaml", "update", Map.of("contexts", "base"));
        assertTrue(base.ok(), base.text());
        assertEquals(List.of("base", "secret"), applied(prefix + "shard"));
        assertEquals(List.of("report"), applied(prefix + "coordinator"));

        assertTrue(frontEnd.run(directory, "topology.yaml", "tag", Map.of("tag", "v1")).ok());
        Outcome more = frontEnd.run(directory, "topology.yaml", "update", Map.of());
        assertTrue(more.ok(), more.text());
        assertEquals(List.of("base", "secret", "more"), applied(prefix + "shard"));

        Outcome status = frontEnd.run(directory, "topology.yaml", "status", Map.of());
        assertTrue(status.ok(), status.text());
        assertTrue(status.text().contains("[shard] up to date") && status.text().contains("[coordinator] up to date"),
                status.text());

        // A target missing on a node, and a count below 1, are refused before any node changes.
        Outcome missingTag = frontEnd.run(directory, "topology.yaml", "rollback", Map.of("rollbackTag", "v9"));
        assertFalse(missingTag.ok(), missingTag.text());
        assertTrue(missingTag.flat().contains("Nothing was rolled back on any node. Tag those nodes first ("
                + (frontEnd == FrontEnd.MAVEN ? "mvn fdw:tag -Dfdw.tag=<tag> -Dfdw.nodes=" : "liquibase fdw tag"
                + " --topology-file=topology.yaml --tag=<tag> --nodes=")), missingTag.text());
        Outcome zero = frontEnd.run(directory, "topology.yaml", "rollback", Map.of("rollbackCount", "0"));
        assertFalse(zero.ok(), zero.text());
        assertTrue(zero.flat().contains((frontEnd == FrontEnd.MAVEN ? "rollbackCount" : "--count")
                + " is 0; it must be 1 or more (the number of changesets to roll back on each node)."), zero.text());
        assertEquals(List.of("base", "secret", "more"), applied(prefix + "shard"));

        Outcome toTag = frontEnd.run(directory, "topology.yaml", "rollback", Map.of("rollbackTag", "v1"));
        assertTrue(toTag.ok(), toTag.text());
        assertEquals(List.of("base", "secret"), applied(prefix + "shard"));
        assertEquals(List.of("f"), query(prefix + "shard", "SELECT to_regclass('more_readings') IS NOT NULL"));

        Outcome byCount = frontEnd.run(directory, "topology.yaml", "rollback", Map.of("rollbackCount", "1"));
        assertTrue(byCount.ok(), byCount.text());
        assertEquals(List.of("base"), applied(prefix + "shard"));
        assertEquals(List.of(), applied(prefix + "coordinator"));
        assertEquals(List.of("f"), query(prefix + "coordinator", "SELECT to_regclass('report') IS NOT NULL"));

        // releaseLocks refuses the lock of a run still connected, and frees it once that run is gone.
        Path liveDirectory = Files.createDirectories(directory.resolve("live"));
        Files.copy(directory.resolve("live.yaml"), liveDirectory.resolve("live.yaml"));
        Files.copy(directory.resolve("slow.yaml"), liveDirectory.resolve("slow.yaml"));
        Process live = FrontEnd.start(liveDirectory, "live.yaml", "update", Map.of());
        try {
            awaitSleeping(prefix + "slow", live);
            Outcome refused = frontEnd.run(directory, "live.yaml", "releaseLocks", Map.of());
            assertFalse(refused.ok(), refused.text());
            assertTrue(refused.flat().contains("node 'slow': the Liquibase lock belongs to a run that is still connected ("),
                    refused.text());
            assertTrue(refused.flat().contains("it releases the lock when it ends. Nothing was released. If that run is"
                    + " known to be gone, run " + (frontEnd == FrontEnd.MAVEN ? "mvn fdw:releaseLocks -Dfdw.force=true -Dfdw.nodes=slow."
                    : "liquibase fdw release-locks --topology-file=live.yaml --force=true --nodes=slow.")),
                    refused.text());
            assertEquals(List.of("t"), query(prefix + "slow", "SELECT locked FROM databasechangeloglock"));
        } finally {
            live.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
        // The killed run's session ends with its JVM; its lock row stays until released.
        query(prefix + "slow", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + prefix
                + "slow' AND pid <> pg_backend_pid()");
        Outcome released = frontEnd.run(directory, "live.yaml", "releaseLocks", Map.of());
        assertTrue(released.ok(), released.text());
        assertEquals(List.of("f"), query(prefix + "slow", "SELECT locked FROM databasechangeloglock"));
    }

    private void write(String file, String yaml) throws Exception {
        Files.writeString(directory.resolve(file), yaml, StandardCharsets.UTF_8);
    }

    private void topology(String file, String prefix, String coordinatorChangelog) throws Exception {
        Files.writeString(directory.resolve(file), "nodes:\n" + node(prefix, "coordinator", coordinatorChangelog, "shard")
                + node(prefix, "shard", "shard.yaml", null), StandardCharsets.UTF_8);
    }

    private static String node(String prefix, String name, String changelog, String dependsOn) {
        return "  " + name + ":\n    url: '" + SERVER.jdbcUrl(prefix + name) + "'\n    username: '" + SERVER.username()
                + "'\n    password: '" + SERVER.password().replace("'", "''") + "'\n    changeLogFile: " + changelog + "\n"
                + (dependsOn == null ? "" : "    dependsOn: [" + dependsOn + "]\n");
    }

    private static List<String> applied(String database) throws SQLException {
        return query(database, "SELECT id FROM databasechangelog ORDER BY orderexecuted");
    }

    private static List<String> query(String database, String sql) throws SQLException {
        try (Connection connection = SERVER.connect(database, SERVER.username(), SERVER.password());
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Waits until the live run sits inside its changeset, holding the node's lock. */
    private static void awaitSleeping(String database, Process live) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!live.isAlive()) {
                throw new AssertionError("the live run ended early, exit " + live.exitValue());
            }
            if (!query(database, "SELECT pid FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND query LIKE 'SELECT pg_sleep%' AND state = 'active'").isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the live run never reached its changeset");
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
