package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine from the Liquibase CLI: {@code liquibase fdw update|status|rollback} run by Liquibase's own command
 * line ({@code LiquibaseCommandLine}) in a JVM of its own, over a coordinator and two shards.
 */
class FdwCommandLineIT {
    private static final String TABLE = """
            databaseChangeLog:
              - changeSet:
                  id: %1$s
                  author: it
                  changes:
                    - createTable: { tableName: %1$s, columns: [ { column: { name: id, type: int } } ] }
            """;

    @TempDir
    Path directory;

    private EngineNodes nodes;

    @BeforeEach
    void nodes() {
        nodes = new EngineNodes(directory, "cli");
    }

    @AfterEach
    void drop() throws Exception {
        nodes.close();
    }

    @Test
    void updateStatusRollbackThroughTheLiquibaseCommandLine() throws Exception {
        nodes.changelog("shard.yaml", TABLE.formatted("readings"));
        nodes.changelog("coordinator.yaml", TABLE.formatted("report"));
        StringBuilder topology = new StringBuilder("nodes:\n");
        for (NodeDefinition node : List.of(nodes.node("shard1", "shard.yaml"), nodes.node("shard2", "shard.yaml"),
                nodes.node("coordinator", "coordinator.yaml", "shard1", "shard2"))) {
            topology.append("  ").append(node.name()).append(":\n")
                    .append("    url: ").append(node.url()).append('\n')
                    .append("    username: ").append(node.username()).append('\n')
                    .append("    passwordEnv: FDW_CLI_PASSWORD\n")
                    .append("    changeLogFile: ").append(node.changeLogFile()).append('\n')
                    .append("    dependsOn: [").append(String.join(", ", node.dependsOn())).append("]\n");
        }
        Files.writeString(directory.resolve("topology.yaml"), topology, StandardCharsets.UTF_8);

        String update = liquibase("fdw", "update", "--topology-file=topology.yaml", "--atomic");
        assertTrue(update.contains("[coordinator] applied coordinator.yaml::report::it"), update);
        assertTrue(update.indexOf("[shard2] prepared (fdw:") < update.indexOf("[coordinator] decision recorded: commit run")
                && update.indexOf("[coordinator] decision recorded") < update.indexOf("[shard1] committed"), update);
        for (String shard : List.of("shard1", "shard2")) {
            assertTrue(update.indexOf("[" + shard + "] applied shard.yaml::readings::it")
                    < update.indexOf("[coordinator] applied"), update);
            assertEquals(List.of("readings"), nodes.query(shard, "SELECT id FROM databasechangelog"));
        }
        assertEquals(List.of("report"), nodes.query("coordinator", "SELECT id FROM databasechangelog"));
        assertFalse(update.contains(nodes.password()), update);

        String recover = liquibase("fdw", "recover", "--topology-file=topology.yaml");
        assertTrue(recover.contains("[shard1] nothing to recover") && recover.contains("[coordinator] nothing to recover"),
                recover);

        String status = liquibase("fdw", "status", "--topology-file=topology.yaml");
        for (String node : List.of("shard1", "shard2", "coordinator")) {
            assertTrue(status.contains("[" + node + "] up to date"), status);
        }

        String verify = liquibase("fdw", "verify", "--topology-file=topology.yaml");
        assertTrue(verify.contains("[shard1] clean: no drift found") && verify.contains("[coordinator] clean: no drift"
                + " found"), verify);

        String graph = liquibase("fdw", "graph", "--topology-file=topology.yaml");
        for (String file : List.of("topology.svg", "topology.mmd", "report.html")) {
            assertTrue(graph.contains(directory.resolve("fdw").resolve(file).toString())
                    || graph.contains(Path.of("fdw", file).toString()), graph);
            assertTrue(Files.readString(directory.resolve("fdw").resolve(file)).contains("shard2"), file);
        }

        String rollback = liquibase("fdw", "rollback", "--topology-file=topology.yaml", "--count=1");
        assertTrue(rollback.indexOf("[coordinator] rolled back coordinator.yaml::report::it")
                < rollback.indexOf("[shard1] rolled back shard.yaml::readings::it"), rollback);
        for (String node : List.of("shard1", "shard2", "coordinator")) {
            assertEquals(List.of("0"), nodes.query(node, "SELECT count(*) FROM databasechangelog"), node);
            assertEquals(List.of("0"), nodes.query(node, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename NOT LIKE 'databasechangelog%' AND tablename <> 'fdw_atomic_decisions'"), node);
        }

        String drift = liquibaseFailing("fdw", "verify", "--topology-file=topology.yaml");
        String pending = "[coordinator] coordinator.yaml::report::it: changeset-pending: the changeset is in the"
                + " changelog but not applied on coordinator; fix: run the topology's update";
        assertTrue(drift.contains("verify found 3 difference(s) between the topology and its nodes:"), drift);
        assertTrue(drift.contains(pending + "\nFix them and run liquibase fdw verify --topology-file=topology.yaml again"
                + " (--fail-on-drift=false reports drift without failing)."), drift);
        assertTrue(Files.readString(directory.resolve("fdw").resolve("verify.json")).contains("\"kind\":\"changeset-pending\""));
        String reported = liquibase("fdw", "verify", "--topology-file=topology.yaml", "--fail-on-drift=false");
        assertTrue(reported.contains(pending), reported);
    }

    @Test
    void updateTestingRollbackFailsWithANonZeroExitNamingWhatTheRollbackLeft() throws Exception {
        nodes.changelog("shard.yaml", TABLE.formatted("readings") + """
                  - changeSet:
                      id: leftover
                      author: it
                      changes:
                        - sql: CREATE TABLE leftover (id int)
                      rollback:
                        - sql: SELECT 1
                """);
        NodeDefinition shard = nodes.node("shard1", "shard.yaml");
        Files.writeString(directory.resolve("topology.yaml"), "nodes:\n  shard1: { url: '" + shard.url() + "', username: "
                + shard.username() + ", passwordEnv: FDW_CLI_PASSWORD, changeLogFile: shard.yaml }\n", StandardCharsets.UTF_8);

        String output = liquibaseFailing("fdw", "update-testing-rollback", "--topology-file=topology.yaml");

        assertTrue(output.contains("  [shard1] relation public.leftover: left behind by the rollback (table, owner "
                + shard.username() + ")"), output);
        assertTrue(output.indexOf("[shard1] rolled back shard.yaml::leftover::it")
                < output.indexOf("[shard1] rolled back shard.yaml::readings::it"), output);
        assertEquals(List.of("leftover"), nodes.query("shard1", "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename NOT LIKE 'databasechangelog%'"));
        assertFalse(output.contains(nodes.password()), output);
    }

    @Test
    void engineErrorsAreWordedForTheCommandLine() throws Exception {
        nodes.changelog("shard.yaml", TABLE.formatted("readings"));
        Files.writeString(directory.resolve("topology.yaml"), """
                nodes:
                  shard1: { url: 'jdbc:postgresql://127.0.0.1:1/shard1', serverId: box1, changeLogFile: shard.yaml }
                """, StandardCharsets.UTF_8);

        String output = liquibaseFailing("fdw", "update", "--topology-file=topology.yaml");

        assertTrue(output.contains("node 'shard1': serverId 'box1' names a Maven settings.xml server, which only the"
                + " Maven plugin reads; give the node passwordEnv: <VARIABLE> for the Liquibase CLI."), output);
    }

    private String liquibase(String... arguments) throws Exception {
        Run run = run(arguments);
        assertEquals(0, run.exitCode, run.output);
        return run.output;
    }

    private String liquibaseFailing(String... arguments) throws Exception {
        Run run = run(arguments);
        assertTrue(run.exitCode != 0, run.output);
        return run.output;
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "liquibase.integration.commandline.LiquibaseCommandLine"));
        command.addAll(List.of(arguments));
        Path log = directory.resolve("liquibase-" + arguments[1] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("FDW_CLI_PASSWORD", nodes.password());
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("liquibase " + String.join(" ", arguments) + " did not finish: "
                    + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
