package liquibase.ext.fdw.change.movepartition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import liquibase.ext.fdw.transfer.NodeConnections;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * movePartition on a coordinator with two shards: a foreign partition moves from shard A to shard B (the table created
 * there), a local partition moves to shard B and a partition moves from shard B to a local table; rows through the
 * parent are the same (count and checksum of full rows) after each step and after the rollback, which moves every
 * partition back and leaves the catalogs as before, on the coordinator and on shard B (the table the first move
 * created there is dropped once the rollback committed). A mover killed mid-copy (pg_terminate_backend of its
 * coordinator session while its INSERT or COPY waits on the target) leaves the old layout serving every row and the
 * target empty, and a re-run finishes. Every scenario runs through postgres_fdw and by COPY between the nodes.
 */
class MovePartitionIT {
    private static final String HEADER = String.join("\n",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
            "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
            "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">", "");
    private static final String COLUMNS = String.join("\n",
            "      <column name='reading_date' type='date'><constraints nullable='false'/></column>",
            "      <column name='city' type='text'/>",
            "      <column name='temp' type='numeric'/>");

    /** The changeset of the two servers and their user mappings, parameters filled by {@link #setUp}. */
    private static final String SERVERS = String.join("\n",
            "  <changeSet id='fdw' author='a'>",
            "    <fdw:createExtension name='postgres_fdw'/>",
            "    <fdw:createForeignServer serverName='a' host='127.0.0.1' port='${portA}' dbname='${dbA}'>",
            "      <fdw:option name='batch_size' value='1000'/>",
            "    </fdw:createForeignServer>",
            "    <fdw:createUserMapping userName='CURRENT_USER' serverName='a' user='${user}' password='${passwordA}'/>",
            "    <fdw:createForeignServer serverName='b' host='127.0.0.1' port='${portB}' dbname='${dbB}'>",
            "      <fdw:option name='batch_size' value='1000'/>",
            "    </fdw:createForeignServer>",
            "    <fdw:createUserMapping userName='CURRENT_USER' serverName='b' user='${user}' password='${passwordB}'/>",
            "  </changeSet>");

    static Stream<Arguments> majors() {
        return SharedNodes.testMajors().stream().flatMap(major -> Stream.of(Arguments.of(major, false),
                Arguments.of(major, true)));
    }

    /**
     * Each step runs through postgres_fdw (plain Liquibase) or, with {@code copy}, with node connections in the scope
     * as the topology engine offers them: the rows then go by COPY between the nodes.
     */
    @ParameterizedTest(name = "PostgreSQL {0}, COPY between nodes: {1}")
    @MethodSource("majors")
    void movesThereAndBackWithEveryRow(int major, boolean copy, @TempDir Path dir) throws Exception {
        try (TestDatabase shardA = TestDatabase.create(major, "shard_a");
                TestDatabase shardB = TestDatabase.create(major, "shard_b");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            List<String> opened = new CopyOnWriteArrayList<>();
            NodeConnections nodes = nodes(opened, shardA, shardB);
            Runner moves = new Runner(new ChangelogRunner(dir, "moves.xml"), copy ? nodes : null);
            shardA.execute("CREATE SCHEMA box_a",
                    "CREATE TABLE box_a.t2017 (reading_date date NOT NULL, city text, temp numeric)",
                    "INSERT INTO box_a.t2017 SELECT date '2017-01-01' + (i % 365), 'city ' || (i % 7), i / 3.0"
                            + " FROM generate_series(1, 3000) i",
                    "INSERT INTO box_a.t2017 VALUES ('2017-03-03', 'Oslo', 21), ('2017-03-03', 'Oslo', 21), ('2017-04-04', NULL, NULL)");
            shardB.execute("CREATE SCHEMA box_b");
            coordinator.execute("CREATE EXTENSION dblink");
            Files.writeString(dir.resolve("setup.xml"), HEADER + String.join("\n",
                    SERVERS,
                    "  <changeSet id='tables' author='a'>",
                    "    <fdw:createPartitionedTable tableName='temps' partitionStrategy='RANGE' partitionKey='reading_date'>",
                    COLUMNS,
                    "    </fdw:createPartitionedTable>",
                    "    <fdw:createPartition tableName='temps_default' parentTableName='temps' isDefault='true'/>",
                    "    <fdw:createPartition tableName='temps_2016' parentTableName='temps' from='2016-01-01' to='2017-01-01'/>",
                    "    <fdw:createPartition tableName='temps_2017' parentTableName='temps' from='2017-01-01' to='2018-01-01'",
                    "        serverName='a' remoteSchemaName='box_a' remoteTableName='t2017'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Files.writeString(dir.resolve("moves.xml"), HEADER + String.join("\n",
                    "  <changeSet id='2017-to-b' author='a'>",
                    "    <fdw:movePartition tableName='temps' partitionName='temps_2017' toServerName='b'",
                    "        toRemoteSchemaName='box_b' toRemoteTableName='t2017' createRemoteTable='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='2016-to-b' author='a'>",
                    "    <fdw:movePartition tableName='temps' partitionName='temps_2016' toServerName='b'",
                    "        toRemoteSchemaName='box_b' toRemoteTableName='t2016' createRemoteTable='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='2017-home' author='a'>",
                    "    <fdw:movePartition tableName='temps' partitionName='temps_2017' toLocal='true'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            setUp(dir, coordinator, shardA, shardB);
            coordinator.execute("INSERT INTO temps SELECT date '2016-01-01' + (i % 366), 'town ' || (i % 5), -i"
                    + " FROM generate_series(1, 2000) i",
                    "INSERT INTO temps VALUES ('2016-02-02', 'London', 5), ('2016-02-02', 'London', 5), ('2021-01-01', 'Lima', 0)");
            List<String> rows = rows(coordinator);
            List<String> catalogBefore = Catalogs.snapshot(coordinator);
            List<String> layoutBefore = layout(coordinator);
            List<String> catalogB;

            // A mover killed while its INSERT waits on shard B: the old layout serves every row; a re-run finishes.
            CompletableFuture<Void> mover;
            try (Connection blocker = shardB.connect(); Statement s = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                s.execute("CREATE TABLE box_b.t2016 (reading_date date NOT NULL, city text, temp numeric)");
                blocker.commit();
                catalogB = Catalogs.snapshot(shardB);
                s.execute("LOCK TABLE box_b.t2016 IN SHARE MODE"); // reads pass, the copy's INSERT (or COPY) waits
                mover = CompletableFuture.runAsync(() -> {
                    try {
                        moves.update(coordinator);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                while (!"1".equals(shardB.scalar("SELECT count(*) FROM pg_locks WHERE NOT granted"
                        + " AND relation = 'box_b.t2016'::regclass"))) {
                    assertTrue(!mover.isDone(), "the mover ended before its INSERT reached shard b");
                    Thread.sleep(50);
                }
                // The mover's coordinator session: in its block, or (COPY path) sending the partition's rows.
                assertEquals("1", coordinator.scalar("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND (query LIKE"
                        + " 'DO $fdw$%part regclass := ''temps_2016''::regclass%' OR query LIKE 'COPY (SELECT % FROM public.temps_2016 t) TO STDOUT%')"));
                blocker.commit();
                assertThrows(ExecutionException.class, mover::get);
            }
            // The killed session could not release Liquibase's lock (as after any killed update: release-locks).
            coordinator.execute("UPDATE databasechangeloglock SET locked = false, lockgranted = NULL, lockedby = NULL");
            assertEquals(rows, rows(coordinator));
            assertEquals(List.of("temps_2016 r", "temps_2017 f b box_b.t2017", "temps_default r"), layout(coordinator));
            assertEquals("0", shardB.scalar("SELECT count(*) FROM box_b.t2016"));

            moves.update(coordinator);
            assertEquals(rows, rows(coordinator));
            assertEquals(List.of("temps_2016 f b box_b.t2016", "temps_2017 r", "temps_default r"), layout(coordinator));
            assertEquals("0", shardA.scalar("SELECT count(*) FROM box_a.t2017"));
            assertEquals("2002", shardB.scalar("SELECT count(*) FROM box_b.t2016"));
            assertEquals("0", shardB.scalar("SELECT count(*) FROM box_b.t2017"));
            assertEquals("3", coordinator.scalar("SELECT count(*) FROM fdw_moved_partitions"));
            // One connection per node end of each move (the killed one included): a source's rows are hashed in the
            // scan that copies them.
            assertEquals(copy ? List.of("a", "b", "b", "b", "b") : List.of(), opened.stream().sorted().toList());

            String rollbackSql = moves.rollbackCountSql(coordinator, 3);
            assertTrue(rollbackSql.contains("SELECT from_local, from_server, from_schema, from_table, from_options,"
                    + " coalesce((to_jsonb(l) ->> ''created_table'')::boolean, false) FROM %s l WHERE id = $1 AND author = $2"
                    + " AND partition = $3', 'public.fdw_moved_partitions')"), rollbackSql);
            moves.rollbackCount(coordinator, 3);
            assertEquals(rows, rows(coordinator));
            assertEquals(layoutBefore, layout(coordinator));
            assertEquals(catalogBefore, Catalogs.snapshot(coordinator));
            assertEquals("3003", shardA.scalar("SELECT count(*) FROM box_a.t2017"));
            assertEquals("0", shardB.scalar("SELECT count(*) FROM box_b.t2016"));
            // box_b.t2017, created by the move, goes once the rollback committed (a session on shard b waits for that).
            for (int i = 0; !"0".equals(shardB.scalar("SELECT count(*) FROM pg_class WHERE oid = to_regclass('box_b.t2017')")); i++) {
                assertTrue(i < 600, "box_b.t2017 is still there");
                Thread.sleep(50);
            }
            assertEquals(catalogB, Catalogs.snapshot(shardB));

            // A target that holds rows is refused, naming it; nothing changes.
            shardB.execute("CREATE TABLE box_b.t2017 (reading_date date NOT NULL, city text, temp numeric)",
                    "INSERT INTO box_b.t2017 VALUES ('2017-01-01', 'Stray', 1)");
            Exception refused = assertThrows(Exception.class, () -> moves.update(coordinator));
            assertContains(refused, "movePartition in moves.xml::2017-to-b::a: cannot move temps_2017: the target table"
                    + " box_b.t2017 on server b holds rows already; the move needs it empty (delete them, or name another table).");
            assertEquals(rows, rows(coordinator));
            assertEquals(layoutBefore, layout(coordinator));
            assertNotEquals(List.of(), catalogBefore);
        }
    }

    static Stream<Integer> testMajors() {
        return SharedNodes.testMajors().stream();
    }

    /**
     * The COPY path's other formats and its check, on a parent with a {@code point} column (no hash function: rows are
     * hashed by their text): a move into a created table (binary COPY), a move into a table whose column types differ
     * (text COPY, values with tabs, newlines, backslashes and quotes), and a move into a table whose trigger changes
     * one row, refused by the checksum with the old layout and an empty target left. The rollback restores rows and
     * catalogs.
     */
    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("testMajors")
    void copyPathChecksWhatTheTargetHolds(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shardA = TestDatabase.create(major, "shard_a");
                TestDatabase shardB = TestDatabase.create(major, "shard_b");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            NodeConnections nodes = nodes(new CopyOnWriteArrayList<>(), shardA, shardB);
            Runner moves = new Runner(new ChangelogRunner(dir, "moves.xml"), nodes);
            String columns = "(reading_date date NOT NULL, city text, temp numeric, spot point)";
            shardA.execute("CREATE SCHEMA box_a", "CREATE TABLE box_a.t2017 " + columns,
                    "INSERT INTO box_a.t2017 SELECT date '2017-01-01' + (i % 365), 'city ' || (i % 7), i / 3.0,"
                            + " point(i, -i) FROM generate_series(1, 3000) i",
                    "INSERT INTO box_a.t2017 VALUES ('2017-04-04', NULL, NULL, NULL)");
            shardB.execute("CREATE SCHEMA box_b",
                    "CREATE TABLE box_b.t2016 (reading_date date NOT NULL, city varchar(100), temp numeric, spot point)",
                    "CREATE TABLE box_b.t2018 " + columns,
                    "CREATE FUNCTION box_b.warm() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.city = 'Lima' THEN"
                            + " NEW.temp := NEW.temp + 1; END IF; RETURN NEW; END $$",
                    "CREATE TRIGGER warm BEFORE INSERT ON box_b.t2018 FOR EACH ROW EXECUTE FUNCTION box_b.warm()");
            coordinator.execute("CREATE EXTENSION dblink");
            Files.writeString(dir.resolve("setup.xml"), HEADER + String.join("\n",
                    SERVERS,
                    "  <changeSet id='tables' author='a'>",
                    "    <sql>CREATE TABLE temps " + columns + " PARTITION BY RANGE (reading_date)</sql>",
                    "    <fdw:createPartition tableName='temps_default' parentTableName='temps' isDefault='true'/>",
                    "    <fdw:createPartition tableName='temps_2016' parentTableName='temps' from='2016-01-01' to='2017-01-01'/>",
                    "    <fdw:createPartition tableName='temps_2017' parentTableName='temps' from='2017-01-01' to='2018-01-01'",
                    "        serverName='a' remoteSchemaName='box_a' remoteTableName='t2017'/>",
                    "    <fdw:createPartition tableName='temps_2018' parentTableName='temps' from='2018-01-01' to='2019-01-01'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Files.writeString(dir.resolve("moves.xml"), HEADER + String.join("\n",
                    "  <changeSet id='2017-to-b' author='a'>",
                    "    <fdw:movePartition tableName='temps' partitionName='temps_2017' toServerName='b'",
                    "        toRemoteSchemaName='box_b' toRemoteTableName='t2017' createRemoteTable='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='2016-to-b' author='a'>",
                    "    <fdw:movePartition tableName='temps' partitionName='temps_2016' toServerName='b'",
                    "        toRemoteSchemaName='box_b' toRemoteTableName='t2016'/>",
                    "  </changeSet>",
                    "  <changeSet id='2018-to-b' author='a'>",
                    "    <fdw:movePartition tableName='temps' partitionName='temps_2018' toServerName='b'",
                    "        toRemoteSchemaName='box_b' toRemoteTableName='t2018'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            setUp(dir, coordinator, shardA, shardB);
            coordinator.execute("INSERT INTO temps SELECT date '2016-01-01' + (i % 366), 'town ' || (i % 5), -i, point(i, i)"
                    + " FROM generate_series(1, 2000) i",
                    "INSERT INTO temps VALUES ('2016-02-02', E'tab\\there', 1, NULL), ('2016-02-03', E'two\\nlines', 2, NULL),"
                            + " ('2016-02-04', E'back\\\\slash \"quoted\" ''single''', 3, point(1.5, 2.25)),"
                            + " ('2016-02-05', E'\\u00e9t\\u00e9 \\u2603', NULL, NULL), ('2016-02-06', '', 4, NULL),"
                            + " ('2018-05-05', 'Lima', 20, NULL), ('2018-05-06', 'Oslo', 21, NULL)");
            List<String> rows = rows(coordinator);
            List<String> catalogBefore = Catalogs.snapshot(coordinator);
            List<String> layoutBefore = layout(coordinator);

            Exception refused = assertThrows(Exception.class, () -> moves.update(coordinator));
            // The sums PostgreSQL computes itself over the partition and over what the trigger made of it on shard b.
            String partition = coordinator.scalar("SELECT sum(hashtextextended(ROW(t.reading_date, t.city, t.temp, t.spot)::text,"
                    + " 0)) FROM temps_2018 t");
            String copied = coordinator.scalar("SELECT sum(hashtextextended(ROW(t.reading_date, t.city, t.temp + CASE WHEN"
                    + " t.city = 'Lima' THEN 1 ELSE 0 END, t.spot)::text, 0)) FROM temps_2018 t");
            assertContains(refused, "movePartition in moves.xml::2018-to-b::a: cannot move temps_2018: the copy does not"
                    + " match: 2 rows with checksum " + partition + " in the partition, 2 rows with checksum " + copied
                    + " in the copy; nothing changed.");
            assertEquals(rows, rows(coordinator));
            assertEquals(List.of("temps_2016 f b box_b.t2016", "temps_2017 f b box_b.t2017", "temps_2018 r", "temps_default r"),
                    layout(coordinator));
            assertEquals("0", shardB.scalar("SELECT count(*) FROM box_b.t2018"));
            assertEquals("2005", shardB.scalar("SELECT count(*) FROM box_b.t2016"));
            assertEquals("3001", shardB.scalar("SELECT count(*) FROM box_b.t2017"));
            assertEquals("0", shardA.scalar("SELECT count(*) FROM box_a.t2017"));
            assertEquals(shardB.query("SELECT t::text FROM box_b.t2016 t ORDER BY 1"),
                    coordinator.query("SELECT t::text FROM temps t WHERE reading_date < '2017-01-01' ORDER BY 1"));

            moves.rollbackCount(coordinator, 2);
            assertEquals(rows, rows(coordinator));
            assertEquals(layoutBefore, layout(coordinator));
            assertEquals(catalogBefore, Catalogs.snapshot(coordinator));
            assertEquals("3001", shardA.scalar("SELECT count(*) FROM box_a.t2017"));
            assertEquals("0", shardB.scalar("SELECT count(*) FROM box_b.t2016"));
        }
    }

    /** Node connections as the engine offers them, to the shard a server points to; each server asked is noted. */
    private static NodeConnections nodes(List<String> opened, TestDatabase... shards) {
        return server -> {
            opened.add(server.get(NodeConnections.SERVER));
            for (TestDatabase shard : shards) {
                if (server.get("port").equals(String.valueOf(shard.node().port())) && server.get("dbname").equals(shard.name())) {
                    return shard.connect();
                }
            }
            return null;
        };
    }

    /** Runs setup.xml on the coordinator with the shards' addresses and credentials as changelog parameters. */
    private static void setUp(Path dir, TestDatabase coordinator, TestDatabase shardA, TestDatabase shardB) throws Exception {
        new ChangelogRunner(dir, "setup.xml").parameter("portA", shardA.node().port())
                .parameter("portB", shardB.node().port()).parameter("dbA", shardA.name()).parameter("dbB", shardB.name())
                .parameter("user", shardA.node().username()).parameter("passwordA", shardA.node().password())
                .parameter("passwordB", shardB.node().password()).update(coordinator);
    }

    /** Runs the moves, with {@code nodes} in Liquibase's scope when given. */
    private record Runner(ChangelogRunner changelog, NodeConnections nodes) {
        void update(TestDatabase db) throws Exception {
            inScope(() -> changelog.update(db));
        }

        String rollbackCountSql(TestDatabase db, int count) throws Exception {
            return changelog.rollbackCountSql(db, count);
        }

        void rollbackCount(TestDatabase db, int count) throws Exception {
            inScope(() -> changelog.rollbackCount(db, count));
        }

        private void inScope(Work work) throws Exception {
            Scope.child(nodes == null ? Map.<String, Object>of() : Map.<String, Object>of(NodeConnections.SCOPE_KEY, nodes),
                    () -> work.run());
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void assertContains(Exception e, String expected) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(expected), messages.toString());
    }

    /** Count and checksum of the full rows through the parent, and every row sorted. */
    private static List<String> rows(TestDatabase coordinator) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(coordinator.scalar("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                + " FROM temps t"));
        lines.addAll(coordinator.query("SELECT t::text FROM temps t ORDER BY 1"));
        return lines;
    }

    /** Each partition: kind, and for a foreign one its server and remote table. */
    private static List<String> layout(TestDatabase coordinator) throws Exception {
        return coordinator.query("SELECT c.relname || ' ' || c.relkind::text || coalesce(' ' || s.srvname || ' '"
                + " || (SELECT string_agg(split_part(o, '=', 2), '.' ORDER BY o) FROM unnest(ft.ftoptions) o), '')"
                + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid"
                + " LEFT JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE i.inhparent = 'temps'::regclass ORDER BY 1");
    }
}
