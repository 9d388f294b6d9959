package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.ext.fdw.topology.verify.DriftException;
import liquibase.ext.fdw.topology.verify.Finding;
import liquibase.ext.fdw.topology.verify.VerifyOptions;
import liquibase.ext.fdw.topology.verify.VerifyReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify on real nodes: a coordinator whose partitioned table has a foreign partition on a shard, updated, then each
 * kind of drift introduced on its own with plain SQL, and the finding line asserted word for word. The expected
 * bounds are PostgreSQL's own renderings (pg_get_expr, pg_get_partition_constraintdef), the shard's CHECK is written
 * as createBoundsCheck writes it.
 */
class VerifyIT {
    private static final String BOUND = "FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')";
    private static final String CONSTRAINT = "CHECK (((reading_date IS NOT NULL) AND (reading_date >= '2017-01-01'::date)"
            + " AND (reading_date < '2018-01-01'::date)))";
    private static final VerifyOptions FULL = new VerifyOptions(false, VerifyOptions.RowCheck.FULL, 1);

    @TempDir
    Path directory;

    private EngineNodes nodes;
    private NodeDefinition coordinator;
    private NodeDefinition shard;

    @BeforeEach
    void update() throws Exception {
        nodes = new EngineNodes(directory, "verify");
        nodes.changelog("shard.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: shard-table
                      author: it
                      changes:
                        - sql: CREATE SCHEMA box2_schema
                        - sql: >-
                            CREATE TABLE box2_schema.temperatures_2017 (reading_date date NOT NULL,
                            city varchar(100), temp numeric)
                        - sql: >-
                            ALTER TABLE box2_schema.temperatures_2017 ADD CONSTRAINT temperatures_2017_fdw_bounds
                            CHECK (reading_date IS NOT NULL AND reading_date >= '2017-01-01' AND reading_date < '2018-01-01')
                """);
        nodes.changelog("coordinator.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: fdw
                      author: it
                      changes:
                        - sql: CREATE EXTENSION IF NOT EXISTS postgres_fdw
                        - sql: >-
                            CREATE SERVER shard FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${fdw.node.shard.host}',
                            port '${fdw.node.shard.port}', dbname '${fdw.node.shard.dbname}')
                        - sql: >-
                            CREATE USER MAPPING FOR CURRENT_USER SERVER shard
                            OPTIONS (user '${fdw.node.shard.username}', password '${fdw.node.shard.password}')
                  - changeSet:
                      id: partitioned
                      author: it
                      changes:
                        - sql: CREATE SCHEMA box1_schema
                        - sql: >-
                            CREATE TABLE box1_schema.temperatures (reading_date date NOT NULL, city varchar(100),
                            temp numeric) PARTITION BY RANGE (reading_date)
                        - sql: CREATE TABLE box1_schema.temps_default PARTITION OF box1_schema.temperatures DEFAULT
                        - sql: >-
                            IMPORT FOREIGN SCHEMA box2_schema LIMIT TO (temperatures_2017) FROM SERVER shard
                            INTO box1_schema
                        - sql: >-
                            ALTER TABLE box1_schema.temperatures ATTACH PARTITION box1_schema.temperatures_2017
                            FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')
                        - sql: INSERT INTO box1_schema.temperatures VALUES ('2017-02-11', 'Oslo', 21)
                """);
        shard = nodes.node("shard", "shard.yaml");
        coordinator = nodes.node("coordinator", "coordinator.yaml", "shard");
        RunReport report = nodes.run(nodes.request(Goal.UPDATE, all()).build());
        assertFalse(report.failed(), report::firstFailure);
    }

    @AfterEach
    void drop() throws Exception {
        nodes.execute("coordinator", "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'verify_reader') THEN"
                + " DROP OWNED BY verify_reader; DROP ROLE verify_reader; END IF; END $$");
        nodes.close();
    }

    private List<NodeDefinition> all() {
        return List.of(shard, coordinator);
    }

    private VerifyReport verify(VerifyOptions options) {
        return verify(options, all());
    }

    private VerifyReport verify(VerifyOptions options, List<NodeDefinition> topology) {
        return new TopologyEngine(new TopologyLog() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
                nodes.log.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                nodes.log.add("WARN " + message);
            }

            @Override
            public void error(String message) {
                nodes.log.add("ERROR " + message);
            }
        }).verify(nodes.request(Goal.VERIFY, topology).build(), options);
    }

    private List<String> lines(VerifyOptions options) {
        return verify(options).findings().stream().map(Finding::line).toList();
    }

    @Test
    void aCleanTopologyIsCleanOnEveryNode() throws Exception {
        VerifyReport report = verify(VerifyOptions.DEFAULT);

        assertTrue(report.clean());
        assertEquals(List.of("[shard] clean: no drift found", "[coordinator] clean: no drift found"), report.lines());
        assertTrue(nodes.log.contains("INFO [coordinator] clean: no drift found"), nodes.log::toString);
        String json = Files.readString(directory.resolve("out").resolve("verify.json"), StandardCharsets.UTF_8);
        assertTrue(json.matches("\\{\"goal\":\"verify\",\"finishedAt\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\",\"clean\":true,"
                + "\"nodes\":\\[\\{\"node\":\"shard\",\"clean\":true,\"findings\":\\[]},\\{\"node\":\"coordinator\","
                + "\"clean\":true,\"findings\":\\[]}]}\n"), json);
        // The shard's CHECK, written as createBoundsCheck writes it, is rendered by PostgreSQL exactly as the
        // partition constraint of the coordinator's bound: that equality is what verify relies on.
        assertEquals(List.of(CONSTRAINT), nodes.query("shard", "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conname = 'temperatures_2017_fdw_bounds'"));
        assertEquals(List.of(CONSTRAINT.substring(7, CONSTRAINT.length() - 1), BOUND), List.of(
                nodes.query("coordinator", "SELECT pg_get_partition_constraintdef('box1_schema.temperatures_2017'::regclass)").get(0),
                nodes.query("coordinator", "SELECT pg_get_expr(relpartbound, oid) FROM pg_class"
                        + " WHERE oid = 'box1_schema.temperatures_2017'::regclass").get(0)));
    }

    @Test
    void aShardColumnOfAnotherType() throws Exception {
        nodes.execute("shard", "ALTER TABLE box2_schema.temperatures_2017 ALTER COLUMN temp TYPE integer");

        assertEquals(List.of("[shard] box2_schema.temperatures_2017: column-type: column temp is integer on shard but"
                + " numeric in foreign table box1_schema.temperatures_2017 on coordinator; fix: make them agree: alter the"
                + " column back to numeric in shard's changelog, or ALTER FOREIGN TABLE box1_schema.temperatures_2017"
                + " ALTER COLUMN temp TYPE integer on coordinator"), lines(FULL));
    }

    @Test
    void aShardColumnThatIsNullable() throws Exception {
        nodes.execute("shard", "ALTER TABLE box2_schema.temperatures_2017 DROP CONSTRAINT temperatures_2017_fdw_bounds,"
                + " ALTER COLUMN reading_date DROP NOT NULL, ADD CONSTRAINT temperatures_2017_fdw_bounds CHECK"
                + " (reading_date IS NOT NULL AND reading_date >= '2017-01-01' AND reading_date < '2018-01-01')");

        assertEquals(List.of("[shard] box2_schema.temperatures_2017: column-nullability: column reading_date is nullable"
                + " on shard but NOT NULL in foreign table box1_schema.temperatures_2017 on coordinator; fix: make them"
                + " agree: SET NOT NULL on the column in shard's changelog, or ALTER FOREIGN TABLE"
                + " box1_schema.temperatures_2017 ALTER COLUMN reading_date DROP NOT NULL on coordinator"), lines(FULL));
    }

    @Test
    void aColumnNameOptionPointingNowhere() throws Exception {
        nodes.execute("coordinator", "ALTER FOREIGN TABLE box1_schema.temperatures_2017 ALTER COLUMN city"
                + " OPTIONS (SET column_name 'town')");

        assertEquals(List.of("[shard] box2_schema.temperatures_2017: column-missing: column city of foreign table"
                + " box1_schema.temperatures_2017 on coordinator reads remote column town, which"
                + " box2_schema.temperatures_2017 does not have; fix: add column town in shard's changelog, or set the"
                + " foreign column's column_name option to an existing column"), lines(FULL));
    }

    @Test
    void aMissingRemoteTable() throws Exception {
        nodes.execute("shard", "ALTER TABLE box2_schema.temperatures_2017 RENAME TO temperatures_old");

        assertEquals(List.of("[shard] box2_schema.temperatures_2017: remote-table-missing: foreign table"
                + " box1_schema.temperatures_2017 on coordinator (server shard) reads box2_schema.temperatures_2017, which"
                + " does not exist on shard; fix: create box2_schema.temperatures_2017 in shard's changelog, or point the"
                + " foreign table at an existing table (options schema_name, table_name)"), lines(FULL));
    }

    @Test
    void aDroppedBoundsCheck() throws Exception {
        nodes.execute("shard", "ALTER TABLE box2_schema.temperatures_2017 DROP CONSTRAINT temperatures_2017_fdw_bounds");

        assertEquals(List.of("[shard] box2_schema.temperatures_2017: bounds-check-missing: no CHECK constraint of"
                + " box2_schema.temperatures_2017 matches the bound of foreign partition box1_schema.temperatures_2017 on"
                + " coordinator (" + BOUND + "), " + CONSTRAINT + "; fix: add a createBoundsCheck changeset (schemaName"
                + " box2_schema, tableName temperatures_2017, the partition's bound) in shard's changelog, so no row"
                + " outside the bound can be written there"), lines(FULL));
    }

    @Test
    void aBoundsCheckOfOtherBounds() throws Exception {
        nodes.execute("shard", "ALTER TABLE box2_schema.temperatures_2017 DROP CONSTRAINT temperatures_2017_fdw_bounds,"
                + " ADD CONSTRAINT temperatures_2017_fdw_bounds CHECK (reading_date IS NOT NULL"
                + " AND reading_date >= '2017-01-01' AND reading_date < '2019-01-01')");

        assertEquals(List.of("[shard] box2_schema.temperatures_2017: bounds-check-differs: CHECK constraint"
                + " temperatures_2017_fdw_bounds is CHECK (((reading_date IS NOT NULL) AND (reading_date >="
                + " '2017-01-01'::date) AND (reading_date < '2019-01-01'::date))) but the bound of foreign partition"
                + " box1_schema.temperatures_2017 on coordinator (" + BOUND + ") is " + CONSTRAINT + "; fix: replace it:"
                + " drop constraint temperatures_2017_fdw_bounds and add a createBoundsCheck changeset (schemaName"
                + " box2_schema, tableName temperatures_2017, the partition's bound) in shard's changelog"), lines(FULL));
    }

    @Test
    void rowsOutsideTheBoundsCountedInFullOrSampled() throws Exception {
        nodes.execute("shard", "ALTER TABLE box2_schema.temperatures_2017 DROP CONSTRAINT temperatures_2017_fdw_bounds");
        nodes.execute("shard", "INSERT INTO box2_schema.temperatures_2017 VALUES ('2017-03-01', 'Oslo', 1),"
                + " ('2019-05-05', 'Rome', 20), ('2016-01-01', 'Bergen', 3)");
        String rows = "[shard] box2_schema.temperatures_2017: rows-outside-bounds: %s of box2_schema.temperatures_2017"
                + "%s lie outside the bound of foreign partition box1_schema.temperatures_2017 on coordinator (" + BOUND
                + "); fix: move those rows to the partition their key belongs in (or delete them) on shard, then add a"
                + " createBoundsCheck changeset so it cannot happen again";

        List<String> full = lines(FULL);
        List<String> sampled = lines(new VerifyOptions(false, VerifyOptions.RowCheck.SAMPLE, 3));
        List<String> off = lines(new VerifyOptions(false, VerifyOptions.RowCheck.OFF, 1));

        assertEquals(String.format(rows, "2 row(s)", ""), full.get(1));
        // The first three rows the shard returns: Oslo of the update, then Oslo and Rome inserted here.
        assertEquals(String.format(rows, "1 row(s)", " (among the first 3 read)"), sampled.get(1));
        assertEquals(1, off.size(), off::toString);
        assertTrue(off.get(0).contains("bounds-check-missing"), off::toString);
    }

    @Test
    void aServerPointingAtAnotherPort() throws Exception {
        nodes.execute("coordinator", "ALTER SERVER shard OPTIONS (SET port '1')");
        NodeAddress address = NodeAddress.fromUrl("shard", shard.url(), shard.username(), shard.password());

        List<String> lines = lines(FULL);

        assertEquals("[coordinator] shard: server-address: server shard connects to host " + address.host()
                + " port 1 dbname verify_shard, which is no node of the topology; node shard is at host " + address.host()
                + " port " + address.port() + " dbname verify_shard; fix: point the server at node shard with an"
                + " alterForeignServer changeset on coordinator (set port '" + address.port() + "')", lines.get(0));
        assertTrue(lines.get(1).startsWith("[coordinator] shard: server-unreachable: reading foreign table"
                + " box1_schema.temperatures_2017 through server shard failed: could not connect to server \"shard\""),
                lines.get(1));
        assertTrue(lines.get(1).endsWith("; fix: check the server's host, port and dbname (alterForeignServer) and the"
                + " user mapping's user and password (alterUserMapping) on coordinator, and that the remote node is"
                + " running"), lines.get(1));
        assertEquals(2, lines.size(), lines::toString);
    }

    @Test
    void aRoleThatReadsTheParentWithoutAMapping() throws Exception {
        nodes.execute("coordinator", "CREATE ROLE verify_reader LOGIN");
        nodes.execute("coordinator", "GRANT SELECT ON box1_schema.temperatures TO verify_reader");

        List<String> lines = lines(FULL);
        nodes.execute("coordinator", "REVOKE SELECT ON box1_schema.temperatures FROM verify_reader");

        assertEquals(List.of("[coordinator] verify_reader@shard: user-mapping-missing: role verify_reader can read"
                + " box1_schema.temperatures but has no user mapping for server shard (nor has PUBLIC), so its queries of"
                + " foreign table box1_schema.temperatures_2017 fail; fix: add a createUserMapping changeset (userName"
                + " verify_reader, serverName shard) to coordinator's changelog, or revoke the role's SELECT"), lines);
    }

    @Test
    void aDroppedMappingMakesTheServerUnreachable() throws Exception {
        nodes.execute("coordinator", "DROP USER MAPPING FOR CURRENT_USER SERVER shard");

        List<String> lines = lines(FULL);

        assertEquals(2, lines.size(), lines::toString);
        assertEquals("[coordinator] shard: server-unreachable: reading foreign table box1_schema.temperatures_2017"
                + " through server shard failed: user mapping not found for user \"" + shard.username() + "\", server"
                + " \"shard\"" + "; fix: check the server's host, port and dbname (alterForeignServer) and the user"
                + " mapping's user and password (alterUserMapping) on coordinator, and that the remote node is running",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("[coordinator] " + shard.username() + "@shard: user-mapping-missing: role "
                + shard.username() + " can read box1_schema.temperatures but has no user mapping"), lines.get(1));
    }

    @Test
    void aPendingChangesetAndAChangedChecksumFailTheRun() throws Exception {
        String changelog = Files.readString(directory.resolve("coordinator.yaml"), StandardCharsets.UTF_8);
        nodes.changelog("coordinator.yaml", changelog.replace("VALUES ('2017-02-11', 'Oslo', 21)",
                "VALUES ('2017-02-11', 'Oslo', 22)") + """
                  - changeSet:
                      id: later
                      author: it
                      changes:
                        - sql: SELECT 1
                """);

        DriftException e = assertThrows(DriftException.class, () -> verify(VerifyOptions.DEFAULT));

        List<String> lines = e.report().findings().stream().map(Finding::line).toList();
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("\\[coordinator] coordinator\\.yaml::partitioned::it: checksum-mismatch: the"
                + " changeset was applied with checksum 9:[0-9a-f]{32} but the changelog now gives 9:[0-9a-f]{32}; fix:"
                + " restore the changeset as it was applied and put the change into a new changeset; if the edit is"
                + " meant, add validCheckSum with the new checksum to the changeset"), lines.get(0));
        assertEquals("[coordinator] coordinator.yaml::later::it: changeset-pending: the changeset is in the changelog but"
                + " not applied on coordinator; fix: run the topology's update", lines.get(1));
        assertEquals("verify found 2 difference(s) between the topology and its nodes:\n" + String.join("\n", lines),
                e.getMessage());
        assertTrue(Files.readString(directory.resolve("out").resolve("verify.json")).contains("\"clean\":false"));
        assertFalse(e.getMessage().contains(nodes.password()));
    }

    @Test
    void aNodeNeverUpdatedHasEveryChangesetPendingAndStaysUntouched() throws Exception {
        NodeDefinition spare = nodes.node("spare", "shard.yaml");

        VerifyReport report = verify(FULL, List.of(shard, coordinator, spare));

        assertEquals(List.of("[shard] clean: no drift found", "[coordinator] clean: no drift found",
                "[spare] shard.yaml::shard-table::it: changeset-pending: the changeset is in the changelog but not applied"
                        + " on spare; fix: run the topology's update"), report.lines());
        assertEquals(List.of("0"), nodes.query("spare", "SELECT count(*) FROM pg_class WHERE relname"
                + " IN ('databasechangelog', 'databasechangeloglock')"));
    }

    @Test
    void aServerPointingAtAnotherNode() throws Exception {
        NodeDefinition other = nodes.node("other", "shard.yaml");
        nodes.execute("coordinator", "ALTER SERVER shard OPTIONS (SET dbname 'verify_other')");
        NodeAddress address = NodeAddress.fromUrl("shard", shard.url(), shard.username(), shard.password());

        List<String> lines = verify(FULL, List.of(shard, coordinator, other)).lines();

        assertEquals(List.of("[shard] clean: no drift found",
                "[coordinator] shard: server-address: server shard connects to host " + address.host() + " port "
                        + address.port() + " dbname verify_other, which is node other; node shard is at host "
                        + address.host() + " port " + address.port() + " dbname verify_shard; fix: point the server at"
                        + " node shard with an alterForeignServer changeset on coordinator (set dbname 'verify_shard')",
                "[other] shard.yaml::shard-table::it: changeset-pending: the changeset is in the changelog but not"
                        + " applied on other; fix: run the topology's update",
                "[other] box2_schema.temperatures_2017: remote-table-missing: foreign table box1_schema.temperatures_2017"
                        + " on coordinator (server shard) reads box2_schema.temperatures_2017, which does not exist on"
                        + " other; fix: create box2_schema.temperatures_2017 in other's changelog, or point the foreign"
                        + " table at an existing table (options schema_name, table_name)"), lines);
    }
}
