package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import liquibase.ext.fdw.nodes.PostgresNode;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.topology.testrollback.RollbackNotRestoredException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * updateTestingRollback on real nodes (two databases of one server per major, the coordinator depending on the
 * shard): a changelog whose rollbacks restore everything passes and ends updated; a rollback that leaves a table
 * behind and one that leaves rows behind fail naming the node, the object and what differs, as PostgreSQL reports it.
 */
class UpdateTestingRollbackIT {
    private static final String SHARD = """
            databaseChangeLog:
              - changeSet:
                  id: items
                  author: it
                  changes:
                    - createTable: { tableName: items, columns: [ { column: { name: id, type: int } }, { column: { name: note, type: text } } ] }
                    - createIndex: { tableName: items, indexName: items_id, columns: [ { column: { name: id } } ] }
              - changeSet:
                  id: rows
                  author: it
                  changes:
                    - sql: INSERT INTO items VALUES (1, 'one'), (2, 'two')
                  rollback:
                    - sql: DELETE FROM items WHERE id IN (1, 2)
            """;
    private static final String COORDINATOR = """
            databaseChangeLog:
              - changeSet:
                  id: reports
                  author: it
                  changes:
                    - sql: CREATE SCHEMA reports
                    - createSequence: { schemaName: reports, sequenceName: report_ids, startValue: 10 }
                    - createView: { schemaName: reports, viewName: recent, selectQuery: "SELECT 1 AS one" }
                  rollback:
                    - dropView: { schemaName: reports, viewName: recent }
                    - dropSequence: { schemaName: reports, sequenceName: report_ids }
                    - sql: DROP SCHEMA reports
            """;

    @TempDir
    Path directory;

    static List<Integer> majors() {
        return SharedNodes.testMajors();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void passesWhenEveryRollbackRestoresTheNodesAndEndsUpdated(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "utr_good")) {
            nodes.changelog("shard.yaml", SHARD);
            nodes.changelog("coordinator.yaml", COORDINATOR);
            List<NodeDefinition> topology = List.of(nodes.node("shard", "shard.yaml"),
                    nodes.node("coordinator", "coordinator.yaml", "shard"));

            RunReport report = nodes.run(nodes.request(Goal.UPDATE_TESTING_ROLLBACK, topology).build());

            assertFalse(report.failed(), report.firstFailure());
            assertEquals(List.of("shard 2", "coordinator 1"), report.results().stream()
                    .map(r -> r.node() + " " + r.applied()).toList());
            // Dependents are rolled back first, then the nodes they read from.
            List<String> rollbacks = nodes.log.stream().filter(l -> l.contains("rolling back the")).toList();
            assertEquals(List.of("INFO updateTestingRollback: [coordinator] rolling back the 1 changeset(s) this update applied",
                    "INFO updateTestingRollback: [shard] rolling back the 2 changeset(s) this update applied"), rollbacks);
            assertTrue(nodes.log.contains("INFO updateTestingRollback: after the rollback every node's catalogs and rows are"
                    + " as before the update; updating again"), String.join("\n", nodes.log));
            assertEquals(List.of("2"), nodes.query("shard", "SELECT count(*) FROM items"));
            assertEquals(List.of("items", "rows"), nodes.query("shard", "SELECT id FROM databasechangelog ORDER BY orderexecuted"));
            assertEquals(List.of("1"), nodes.query("coordinator", "SELECT count(*) FROM reports.recent"));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void failsNamingTheTableARollbackLeavesBehind(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "utr_table")) {
            nodes.changelog("shard.yaml", SHARD + """
                      - changeSet:
                          id: leftover
                          author: it
                          changes:
                            - sql: CREATE TABLE leftover (id int)
                          rollback:
                            - sql: SELECT 1
                    """);
            List<NodeDefinition> topology = List.of(nodes.node("shard", "shard.yaml"));
            String owner = nodes.query("shard", "SELECT current_user").get(0);

            RollbackNotRestoredException e = assertThrows(RollbackNotRestoredException.class,
                    () -> nodes.run(nodes.request(Goal.UPDATE_TESTING_ROLLBACK, topology).build()));

            assertEquals("updateTestingRollback: rolling back this run's changesets did not restore what was there before"
                    + " the update (2 difference(s)); fix the rollback of the changesets that create or change these"
                    + " objects; the nodes are left as the rollback left them:\n"
                    + "  [shard] column public.leftover.id: left behind by the rollback (integer, position 1)\n"
                    + "  [shard] relation public.leftover: left behind by the rollback (table, owner " + owner + ")",
                    e.getMessage());
            // PostgreSQL agrees: the table is there, the other changesets' objects are gone.
            assertEquals(List.of("leftover"), nodes.query("shard", "SELECT relname FROM pg_class WHERE relname IN"
                    + " ('leftover', 'items', 'items_id')"));
            assertEquals(List.of("0"), nodes.query("shard", "SELECT count(*) FROM databasechangelog"));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void failsNamingTheTableWhoseRowsARollbackLeavesBehind(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "utr_rows")) {
            nodes.changelog("shard.yaml", SHARD.replace("DELETE FROM items WHERE id IN (1, 2)", "DELETE FROM items"));
            List<NodeDefinition> topology = List.of(nodes.node("shard", "shard.yaml"));
            assertFalse(nodes.run(nodes.request(Goal.UPDATE, topology).build()).failed());
            // The next changeset's custom rollback forgets one of its rows.
            nodes.changelog("shard.yaml", SHARD.replace("DELETE FROM items WHERE id IN (1, 2)", "DELETE FROM items") + """
                      - changeSet:
                          id: more-rows
                          author: it
                          changes:
                            - sql: INSERT INTO items VALUES (3, 'three'), (4, 'four')
                          rollback:
                            - sql: DELETE FROM items WHERE id = 3
                    """);
            List<String> before = nodes.query("shard", "SELECT sum(hashtextextended(t::text, 0)::numeric) FROM items t");

            RollbackNotRestoredException e = assertThrows(RollbackNotRestoredException.class,
                    () -> nodes.run(nodes.request(Goal.UPDATE_TESTING_ROLLBACK, topology).build()));

            // The checksum is PostgreSQL's hash of each row's text, summed: before, (1,one) and (2,two); after, also (4,four).
            String after = nodes.query("shard", "SELECT " + before.get(0) + " + hashtextextended('(4,four)', 0)").get(0);
            assertEquals("updateTestingRollback: rolling back this run's changesets did not restore what was there before"
                    + " the update (1 difference(s)); fix the rollback of the changesets that create or change these"
                    + " objects; the nodes are left as the rollback left them:\n"
                    + "  [shard] rows of public.items: before the update 2 row(s), checksum " + before.get(0)
                    + "; after the rollback 3 row(s), checksum " + after, e.getMessage());
            assertEquals(List.of("1:one", "2:two", "4:four"), nodes.query("shard", "SELECT id || ':' || note FROM items ORDER BY id"));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void aRollbackThatFailsEndsTheRunWithTheNodeFailedAndTheNodesItReadsFromLeft(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "utr_norollback")) {
            nodes.changelog("shard.yaml", SHARD);
            nodes.changelog("coordinator.yaml", """
                    databaseChangeLog:
                      - changeSet:
                          id: no-inverse
                          author: it
                          changes:
                            - sql: CREATE TABLE report (id int)
                    """);
            List<NodeDefinition> topology = List.of(nodes.node("shard", "shard.yaml"),
                    nodes.node("coordinator", "coordinator.yaml", "shard"));

            RunReport report = nodes.run(nodes.request(Goal.UPDATE_TESTING_ROLLBACK, topology).build());

            assertEquals(List.of("coordinator FAILED", "shard NOT_RUN"), report.results().stream()
                    .map(r -> r.node() + " " + r.status()).toList());
            assertTrue(report.firstFailure().startsWith("node 'coordinator': rolling back changeset"
                    + " coordinator.yaml::no-inverse::it failed: "), report.firstFailure());
            assertTrue(report.firstFailure().endsWith("; give that changeset a rollback block"), report.firstFailure());
            assertTrue(nodes.log.contains("ERROR updateTestingRollback: the rollback failed; the nodes are left as it left"
                    + " them"), String.join("\n", nodes.log));
            // The shard keeps this update's changesets: rolling it back would break what the coordinator still holds.
            assertEquals(List.of("items", "rows"), nodes.query("shard", "SELECT id FROM databasechangelog ORDER BY orderexecuted"));
            assertEquals(List.of("no-inverse"), nodes.query("coordinator", "SELECT id FROM databasechangelog"));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void namesAUserMappingWhosePasswordARollbackDidNotRestoreWithoutShowingIt(int major) throws Exception {
        try (EngineNodes nodes = nodes(major, "utr_secret")) {
            String mapping = """
                    databaseChangeLog:
                      - changeSet:
                          id: mapping
                          author: it
                          changes:
                            - sql: CREATE EXTENSION IF NOT EXISTS postgres_fdw
                            - sql: CREATE SERVER archive FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'archive')
                            - sql: CREATE USER MAPPING FOR CURRENT_USER SERVER archive OPTIONS (user 'reader', password 'old-Secret-1')
                          rollback:
                            - sql: DROP SERVER archive CASCADE
                            - sql: DROP EXTENSION postgres_fdw
                    """;
            nodes.changelog("shard.yaml", mapping);
            List<NodeDefinition> topology = List.of(nodes.node("shard", "shard.yaml"));
            assertFalse(nodes.run(nodes.request(Goal.UPDATE, topology).build()).failed());
            nodes.changelog("shard.yaml", mapping + """
                      - changeSet:
                          id: rotate
                          author: it
                          changes:
                            - sql: ALTER USER MAPPING FOR CURRENT_USER SERVER archive OPTIONS (SET password 'new-Secret-2')
                          rollback:
                            - sql: SELECT 1
                    """);
            String user = nodes.query("shard", "SELECT current_user").get(0);

            RollbackNotRestoredException e = assertThrows(RollbackNotRestoredException.class,
                    () -> nodes.run(nodes.request(Goal.UPDATE_TESTING_ROLLBACK, topology).build()));

            assertEquals(List.of("[shard] user mapping for " + user + " server archive: a password or sslpassword option"
                    + " differs after the rollback (values not shown)"), e.differences());
            // PostgreSQL holds the new password: the rollback did not restore it.
            assertEquals(List.of("password=new-Secret-2"), nodes.query("shard", "SELECT o FROM pg_user_mappings,"
                    + " unnest(umoptions) o WHERE o LIKE 'password=%'"));
            String everything = e.getMessage() + String.join("\n", nodes.log);
            assertFalse(everything.contains("Secret-"), everything);
        }
    }

    private EngineNodes nodes(int major, String prefix) {
        PostgresNode server = SharedNodes.node(major, "engine");
        return new EngineNodes(directory, prefix, server);
    }
}
