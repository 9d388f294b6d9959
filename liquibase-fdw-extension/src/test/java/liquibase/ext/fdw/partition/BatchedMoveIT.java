package liquibase.ext.fdw.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.Changelogs;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * moveRowsFromDefault with moveRowsBatchSize on real servers: a local range partition and a list partition end exactly
 * as the single-transaction move of the same rows into twin tables ends (rows per partition, the bound PostgreSQL
 * records), with one ledger record per batch of the expected size; a foreign range partition whose move is killed
 * between batches serves every row exactly once through the parent, holds the bound of the batches done, and a re-run
 * finishes; the rollback restores rows and catalogs as they were. Tagged {@code timezone}: date keys and bounds.
 */
@Tag("timezone")
class BatchedMoveIT {
    private static final String HEADER = Changelogs.XML_OPEN + "\n";

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void localRangeAndListEndAsTheSingleTransactionMove(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "batched")) {
            db.execute("CREATE SCHEMA \"Box One\"");
            for (String twin : List.of("", "_twin")) {
                db.execute("CREATE TABLE \"Box One\".ids" + twin + " (id int NOT NULL, city text, temp numeric) PARTITION BY RANGE (id)",
                        "CREATE TABLE \"Box One\".\"ids default" + twin + "\" PARTITION OF \"Box One\".ids" + twin + " DEFAULT",
                        "CREATE TABLE \"Box One\".ids_low" + twin + " (id int NOT NULL, city text, temp numeric)",
                        "INSERT INTO \"Box One\".ids_low" + twin + " VALUES (5, 'before', 0)",
                        "INSERT INTO \"Box One\".ids" + twin + " SELECT i, 'c' || i, i / 7.0 FROM generate_series(1, 1000) i",
                        "INSERT INTO \"Box One\".ids" + twin + " VALUES (7, 'c7', 1), (2000, 'out', 1), (0, 'out', 2)",
                        "CREATE TABLE cities" + twin + " (name text, n int) PARTITION BY LIST (name)",
                        "CREATE TABLE cities_default" + twin + " PARTITION OF cities" + twin + " DEFAULT",
                        "CREATE TABLE cities_nordic" + twin + " (name text, n int)",
                        "INSERT INTO cities_nordic" + twin + " VALUES ('Oslo', 9)",
                        "INSERT INTO cities" + twin + " VALUES ('Oslo', 1), ('Oslo', 1), ('Oslo', 2), ('Bergen', 2), ('Bergen', 3),"
                                + " ('Rome', 3), ('Lima', 4), ('Lima', 4), ('Quito', 5), (NULL, 6)");
            }
            Files.writeString(dir.resolve("moves.xml"), HEADER + String.join("\n",
                    "  <changeSet id='ids' author='a' runInTransaction='false'>",
                    "    <fdw:attachRangePartition schemaName='Box One' tableName='ids' partitionName='ids_low'",
                    "        from='1' to='1001' moveRowsFromDefault='true' moveRowsBatchSize='300'/>",
                    "  </changeSet>",
                    "  <changeSet id='cities' author='a' runInTransaction='false'>",
                    "    <fdw:attachListPartition tableName='cities' partitionName='cities_nordic' values='Oslo, Bergen, Lima, Tromsø'",
                    "        moveRowsFromDefault='true' moveRowsBatchSize='2'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Files.writeString(dir.resolve("twins.xml"), HEADER + String.join("\n",
                    "  <changeSet id='twins' author='a'>",
                    "    <fdw:attachRangePartition schemaName='Box One' tableName='ids_twin' partitionName='ids_low_twin'",
                    "        from='1' to='1001' moveRowsFromDefault='true'/>",
                    "    <fdw:attachListPartition tableName='cities_twin' partitionName='cities_nordic_twin' values='Oslo, Bergen, Lima, Tromsø'",
                    "        moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            List<String> before = rows(db, "");
            List<String> catalogBefore = Catalogs.snapshot(db);
            ChangelogRunner moves = new ChangelogRunner(dir, "moves.xml");

            moves.update(db);
            ChangelogRunner twins = new ChangelogRunner(dir, "twins.xml");
            twins.update(db);
            assertEquals(rows(db, "_twin").stream().map(r -> r.replace("_twin", "")).toList(), rows(db, ""));
            assertEquals(List.of("FOR VALUES FROM (1) TO (1001)", "FOR VALUES IN ('Oslo', 'Bergen', 'Lima', 'Tromsø')"),
                    db.query("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname IN ('ids_low_twin', 'cities_nordic_twin') ORDER BY relname DESC"));
            assertEquals(db.query("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname IN ('ids_low_twin', 'cities_nordic_twin') ORDER BY relname DESC"),
                    db.query("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname IN ('ids_low', 'cities_nordic') ORDER BY relname DESC"));
            // One record per batch: the rows in key order cut every 300 rows (id 7 twice); the list values gathered to 2
            // rows, Oslo (which the partition holds already) in the first batch.
            assertEquals(List.of("300", "300", "300", "101"), db.query("SELECT copies FROM fdw_moved_rows WHERE id = 'ids'"
                    + " AND row_data IS NULL ORDER BY moved_at"));
            assertEquals(List.of("5", "2", "0"), db.query("SELECT copies FROM fdw_moved_rows WHERE id = 'cities'"
                    + " AND row_data IS NULL ORDER BY moved_at"));

            twins.rollbackCount(db, 1);
            moves.rollbackCount(db, 2);
            assertEquals(before, rows(db, ""));

            // Attached by someone else, with no record of this changeset: no interrupted move to continue, refused.
            db.execute("DELETE FROM \"Box One\".\"ids default\" WHERE id = 5",
                    "ALTER TABLE \"Box One\".ids ATTACH PARTITION \"Box One\".ids_low FOR VALUES FROM (5) TO (6)");
            Exception refused = assertThrows(Exception.class, () -> moves.update(db));
            assertTrue(messages(refused).contains("attachRangePartition in moves.xml::ids::a: cannot move the rows of"
                    + " \"Box One\".ids_low's range from the DEFAULT partition of \"Box One\".ids in batches: \"Box One\".ids_low"
                    + " is already a partition of \"Box One\".ids and public.fdw_moved_rows holds no rows moved by changeset"
                    + " id 'ids' by 'a', so it is no interrupted batched move to continue; detach it first."), messages(refused));
            db.execute("ALTER TABLE \"Box One\".ids DETACH PARTITION \"Box One\".ids_low",
                    "INSERT INTO \"Box One\".ids VALUES (5, 'c5', 5 / 7.0)");
            assertEquals(before, rows(db, ""));
            db.execute("DROP TABLE \"Box One\".ids_twin, cities_twin, \"Box One\".ids_low_twin, cities_nordic_twin");
            assertEquals(catalogBefore.stream().filter(line -> !line.contains("_twin")).toList(), Catalogs.snapshot(db));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void aKilledMoveServesEveryRowOnceAndARerunFinishes(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "shard");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            String remoteUser = "b_" + shard.name();
            shard.execute("DROP ROLE IF EXISTS " + remoteUser, "CREATE ROLE " + remoteUser + " LOGIN PASSWORD 'pw-secret'",
                    "CREATE SCHEMA box2_schema AUTHORIZATION " + remoteUser,
                    "CREATE TABLE box2_schema.temperatures_2017 (reading_date date NOT NULL, city text, temp numeric)",
                    "ALTER TABLE box2_schema.temperatures_2017 OWNER TO " + remoteUser,
                    "INSERT INTO box2_schema.temperatures_2017 VALUES ('2017-03-03', 'c3', 21)");
            Files.writeString(dir.resolve("setup.xml"), HEADER + String.join("\n",
                    "  <changeSet id='setup' author='a'>",
                    "    <fdw:createExtension name='postgres_fdw'/>",
                    "    <fdw:createForeignServer serverName='shard' host='127.0.0.1' port='${port}' dbname='${db}'/>",
                    "    <fdw:createUserMapping userName='CURRENT_USER' serverName='shard' user='${user}' password='pw-secret'/>",
                    "    <fdw:createPartitionedTable tableName='temps' partitionStrategy='RANGE' partitionKey='reading_date'>",
                    "      <column name='reading_date' type='date'><constraints nullable='false'/></column>",
                    "      <column name='city' type='text'/>",
                    "      <column name='temp' type='numeric'/>",
                    "    </fdw:createPartitionedTable>",
                    "    <fdw:createPartition tableName='temps_default' parentTableName='temps' isDefault='true'/>",
                    "    <fdw:createForeignTable tableName='temps_2017' serverName='shard' remoteSchemaName='box2_schema'",
                    "        remoteTableName='temperatures_2017'>",
                    "      <column name='reading_date' type='date'><constraints nullable='false'/></column>",
                    "      <column name='city' type='text'/>",
                    "      <column name='temp' type='numeric'/>",
                    "    </fdw:createForeignTable>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Files.writeString(dir.resolve("move.xml"), HEADER + String.join("\n",
                    "  <changeSet id='move-2017' author='a' runInTransaction='false'>",
                    "    <fdw:attachRangePartition tableName='temps' partitionName='temps_2017' from='2017-01-01' to='2018-01-01'",
                    "        moveRowsFromDefault='true' moveRowsBatchSize='250'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            new ChangelogRunner(dir, "setup.xml").parameter("port", shard.node().port()).parameter("db", shard.name())
                    .parameter("user", remoteUser).update(coordinator);
            // 1,000 rows of 2017, each day of the year at least twice, one row identical to the shard's; others around.
            coordinator.execute("INSERT INTO temps SELECT date '2017-01-01' + i % 365, 'c' || i % 365, i % 40"
                    + " FROM generate_series(0, 999) i",
                    "INSERT INTO temps VALUES ('2017-03-03', 'c3', 21), ('2016-12-31', 'before', 1), ('2018-01-01', 'after', 2)");
            List<String> before = state(coordinator, shard);
            List<String> catalogBefore = Catalogs.snapshot(coordinator);
            // What the parent serves once the partition is attached: the DEFAULT partition's rows and the shard's.
            String parentRows = coordinator.scalar("SELECT count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY t::text))"
                    + " FROM (SELECT * FROM temps UNION ALL SELECT * FROM temps_2017) t");
            ChangelogRunner move = new ChangelogRunner(dir, "move.xml");
            String sql = move.updateSql(coordinator);
            assertTrue(sql.contains("-- moveRowsFromDefault in batches of about 250 rows: one transaction per batch;"
                    + " run outside a transaction block"), sql);

            coordinator.execute("ALTER DATABASE " + coordinator.name() + " SET " + BatchedDefaultMove.TERMINATE_AFTER_BATCH + " = '2'");
            assertThrows(Exception.class, () -> move.update(coordinator));
            coordinator.execute("ALTER DATABASE " + coordinator.name() + " RESET " + BatchedDefaultMove.TERMINATE_AFTER_BATCH);
            // Two batches committed: every row still visible once through the parent, the partition holds their range.
            assertEquals(parentRows, parentRows(coordinator));
            assertEquals("FOR VALUES FROM ('2017-01-01') TO ('2017-06-16')",
                    coordinator.scalar("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'temps_2017'"));
            // Cut at the 251st and 501st row in key order; a day's rows stay in one batch.
            assertEquals(List.of("250", "249"), coordinator.query("SELECT copies FROM fdw_moved_rows WHERE row_data IS NULL ORDER BY moved_at"));
            assertEquals("500", shard.scalar("SELECT count(*) FROM box2_schema.temperatures_2017"));
            assertEquals("0", coordinator.scalar("SELECT count(*) FROM databasechangelog WHERE id = 'move-2017'"));

            // The killed session could not free Liquibase's lock: release-locks, as after any killed update.
            move.run(coordinator, "releaseLocks", Map.of());
            move.update(coordinator);
            assertEquals(parentRows, parentRows(coordinator));
            assertEquals("FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')",
                    coordinator.scalar("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'temps_2017'"));
            assertEquals(List.of("temps_default|(2016-12-31,before,1)", "temps_default|(2018-01-01,after,2)"),
                    coordinator.query("SELECT tableoid::regclass || '|' || t::text FROM temps_default t ORDER BY 1"));
            assertEquals(List.of("250", "249", "249", "251", "2"),
                    coordinator.query("SELECT copies FROM fdw_moved_rows WHERE row_data IS NULL ORDER BY moved_at"));
            assertEquals("1002", shard.scalar("SELECT count(*) FROM box2_schema.temperatures_2017"));

            move.rollbackCount(coordinator, 1);
            assertEquals(before, state(coordinator, shard));
            assertEquals(catalogBefore, Catalogs.snapshot(coordinator));
            shard.execute("DROP SCHEMA box2_schema CASCADE", "DROP ROLE " + remoteUser);
        }
    }

    private static String messages(Exception e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** Each row through the parents with the partition holding it, sorted. */
    private static List<String> rows(TestDatabase db, String twin) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String parent : List.of("\"Box One\".ids" + twin, "cities" + twin)) {
            lines.addAll(db.query("SELECT tableoid::regclass::text || '|' || t::text FROM " + parent + " t").stream().sorted().toList());
        }
        return lines;
    }

    /** Count and checksum of the full rows through the parent. */
    private static String parentRows(TestDatabase db) throws Exception {
        return db.scalar("SELECT count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM temps t");
    }

    private static List<String> state(TestDatabase coordinator, TestDatabase shard) throws Exception {
        List<String> lines = new ArrayList<>(coordinator.query("SELECT tableoid::regclass::text || '|' || t::text FROM temps t")
                .stream().sorted().toList());
        lines.addAll(shard.query("SELECT t::text FROM box2_schema.temperatures_2017 t").stream().sorted().toList());
        return lines;
    }
}
