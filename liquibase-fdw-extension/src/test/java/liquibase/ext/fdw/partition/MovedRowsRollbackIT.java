package liquibase.ext.fdw.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rolling back moveRowsFromDefault puts back exactly the rows the change moved, with their multiplicity: on a
 * coordinator with a shard, rows sit in the DEFAULT partition before (duplicates included) and rows identical to
 * some of them sit on the shard already; attach (foreign), createPartition (foreign and local), createRangePartitions
 * and a list attach move rows, and the rollback gives back the parent's rows, each partition's rows, the shard's rows
 * and the catalog exactly as before. update-testing-rollback leaves no duplicates; a rollback refuses, naming the
 * change, when a moved row changed on the shard, when the record is missing, or when dropping would lose rows.
 */
class MovedRowsRollbackIT {
    private static final String HEADER = Changelogs.XML_OPEN + "\n";
    private static final String COLUMNS = String.join("\n",
            "      <column name='reading_date' type='date'><constraints nullable='false'/></column>",
            "      <column name='city' type='text'/>",
            "      <column name='temp' type='numeric'/>");

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void rollbackPutsBackExactlyTheMovedRows(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "shard");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            String remoteUser = "m_" + shard.name();
            shard.execute("DROP ROLE IF EXISTS " + remoteUser, "CREATE ROLE " + remoteUser + " LOGIN PASSWORD 'pw-secret'",
                    "CREATE SCHEMA box2_schema AUTHORIZATION " + remoteUser,
                    "CREATE TABLE box2_schema.temperatures_2017 (reading_date date NOT NULL, city text, temp numeric)",
                    "CREATE TABLE box2_schema.temperatures_2018 (reading_date date NOT NULL, city text, temp numeric)",
                    "ALTER TABLE box2_schema.temperatures_2017 OWNER TO " + remoteUser,
                    "ALTER TABLE box2_schema.temperatures_2018 OWNER TO " + remoteUser,
                    // Rows already on the shard, two of them identical to rows the coordinator will move there.
                    "INSERT INTO box2_schema.temperatures_2017 VALUES ('2017-03-03', 'Oslo', 21), ('2017-08-08', 'Bergen', 3)",
                    "INSERT INTO box2_schema.temperatures_2018 VALUES ('2018-01-01', 'Lima', 7), ('2018-06-06', 'Quito', 8)");
            coordinator.execute("CREATE SCHEMA \"Box One\"");
            Files.writeString(dir.resolve("setup.xml"), HEADER + String.join("\n",
                    "  <changeSet id='fdw' author='a'>",
                    "    <fdw:createExtension name='postgres_fdw'/>",
                    "    <fdw:createForeignServer serverName='shard' host='127.0.0.1' port='${port}' dbname='${db}'/>",
                    "    <fdw:createUserMapping userName='CURRENT_USER' serverName='shard' user='${user}' password='pw-secret'/>",
                    "  </changeSet>",
                    "  <changeSet id='tables' author='a'>",
                    "    <fdw:createPartitionedTable schemaName='Box One' tableName='temps' partitionStrategy='RANGE' partitionKey='reading_date'>",
                    COLUMNS,
                    "    </fdw:createPartitionedTable>",
                    "    <fdw:createPartition schemaName='Box One' tableName='temps default' parentTableName='temps' isDefault='true'/>",
                    "    <fdw:createForeignTable schemaName='Box One' tableName='temps_2017' serverName='shard'",
                    "        remoteSchemaName='box2_schema' remoteTableName='temperatures_2017'>",
                    COLUMNS,
                    "    </fdw:createForeignTable>",
                    "    <fdw:createPartitionedTable tableName='cities' partitionStrategy='LIST' partitionKey='name'>",
                    "      <column name='name' type='text'/>",
                    "      <column name='n' type='int'/>",
                    "    </fdw:createPartitionedTable>",
                    "    <fdw:createPartition tableName='cities_default' parentTableName='cities' isDefault='true'/>",
                    "    <sql>CREATE TABLE cities_nordic (name text, n int); INSERT INTO cities_nordic VALUES ('Oslo', 1)</sql>",
                    "    <rollback><sql>DROP TABLE cities_nordic</sql></rollback>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Files.writeString(dir.resolve("moves.xml"), HEADER + String.join("\n",
                    "  <changeSet id='attach-2017' author='a'>",
                    "    <fdw:attachRangePartition schemaName='Box One' tableName='temps' partitionName='temps_2017'",
                    "        from='2017-01-01' to='2018-01-01' moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='foreign-2018' author='a'>",
                    "    <fdw:createPartition schemaName='Box One' tableName='temps_2018' parentTableName='temps' serverName='shard'",
                    "        remoteSchemaName='box2_schema' remoteTableName='temperatures_2018' from='2018-01-01' to='2019-01-01'",
                    "        moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='local-2016' author='a'>",
                    "    <fdw:createPartition schemaName='Box One' tableName='temps_2016' parentTableName='temps'",
                    "        from='2016-01-01' to='2017-01-01' moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='series-2020' author='a'>",
                    "    <fdw:createRangePartitions schemaName='Box One' tableName='temps' from='2020-01-01' to='2020-03-01'",
                    "        interval='1 month' namePattern='temps_{yyyy}_{MM}' moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='list' author='a'>",
                    "    <fdw:attachListPartition tableName='cities' partitionName='cities_nordic' values='Oslo, Bergen'",
                    "        moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            new ChangelogRunner(dir, "setup.xml").parameter("port", shard.node().port()).parameter("db", shard.name())
                    .parameter("user", remoteUser).update(coordinator);
            coordinator.execute("INSERT INTO \"Box One\".temps VALUES ('2016-02-02', 'London', 5), ('2016-02-02', 'London', 5),"
                    + " ('2017-03-03', 'Oslo', 21), ('2017-03-03', 'Oslo', 21), ('2017-05-05', 'Rome', 1.10),"
                    + " ('2018-06-06', 'Quito', 8), ('2018-06-06', 'Quito', 8), ('2020-01-15', 'Paris', -1),"
                    + " ('2020-02-29', 'Paris', NULL), ('2021-01-01', 'Lima', 0)",
                    "INSERT INTO cities VALUES ('Oslo', 1), ('Oslo', 1), ('Bergen', 2), ('Rome', 3)");
            List<String> before = state(coordinator, shard);
            List<String> catalogBefore = Catalogs.snapshot(coordinator);
            ChangelogRunner moves = new ChangelogRunner(dir, "moves.xml");

            moves.update(coordinator);
            List<String> after = state(coordinator, shard);
            // Moved exactly the rows of each range; the shard kept its own rows beside the moved ones.
            assertEquals(List.of(
                    "2017|Bergen 2017-08-08 3", "2017|Oslo 2017-03-03 21", "2017|Oslo 2017-03-03 21", "2017|Oslo 2017-03-03 21",
                    "2017|Rome 2017-05-05 1.10",
                    "2018|Lima 2018-01-01 7", "2018|Quito 2018-06-06 8", "2018|Quito 2018-06-06 8", "2018|Quito 2018-06-06 8"),
                    shard.query("SELECT right(tableoid::regclass::text, 4) || '|' || city || ' ' || reading_date || ' ' || coalesce(temp::text, '-')"
                            + " FROM (SELECT tableoid, * FROM box2_schema.temperatures_2017 UNION ALL SELECT tableoid, * FROM box2_schema.temperatures_2018) t ORDER BY 1"));
            assertEquals(List.of("\"Box One\".\"temps default\"|(2021-01-01,Lima,0)",
                    "\"Box One\".temps_2016|(2016-02-02,London,5)", "\"Box One\".temps_2016|(2016-02-02,London,5)",
                    "\"Box One\".temps_2020_01|(2020-01-15,Paris,-1)", "\"Box One\".temps_2020_02|(2020-02-29,Paris,)"), coordinator.query(
                    "SELECT tableoid::regclass::text || '|' || t::text FROM \"Box One\".temps t"
                            + " WHERE reading_date < '2017-01-01' OR reading_date >= '2019-01-01'").stream().sorted().toList());
            assertEquals(List.of("cities_default|(Rome,3)", "cities_nordic|(Bergen,2)", "cities_nordic|(Oslo,1)",
                    "cities_nordic|(Oslo,1)", "cities_nordic|(Oslo,1)"), coordinator.query(
                    "SELECT tableoid::regclass::text || '|' || t::text FROM cities t").stream().sorted().toList());

            String rollbackSql = moves.rollbackCountSql(coordinator, 5);
            assertTrue(rollbackSql.contains("DELETE FROM %s WHERE (tableoid, ctid) IN"), rollbackSql);
            assertTrue(rollbackSql.contains("SELECT sum(copies) FROM %s WHERE id = $1 AND author = $2"
                    + " AND partition = $3 AND row_data IS NULL', 'public.fdw_moved_rows')"), rollbackSql);

            moves.rollbackCount(coordinator, 5);
            assertEquals(before, state(coordinator, shard));
            assertEquals(catalogBefore, Catalogs.snapshot(coordinator));

            // update-testing-rollback: update, roll back, update again; no row twice.
            moves.run(coordinator, "updateTestingRollback", Map.of());
            assertEquals(after, state(coordinator, shard));

            // A row the change did not move, in a local partition the rollback would drop: refused, nothing lost.
            coordinator.execute("INSERT INTO \"Box One\".temps VALUES ('2016-12-12', 'Extra', 0)");
            Exception refused = assertThrows(Exception.class, () -> moves.rollbackCount(coordinator, 3));
            assertContains(refused, "createPartition in moves.xml::local-2016::a: cannot roll back the rows moved into"
                    + " \"Box One\".temps_2016 from the DEFAULT partition of \"Box One\".temps: the partition holds 1 rows the"
                    + " change did not move (inserted since), which dropping it would delete; move them elsewhere or delete"
                    + " them, then roll back again.");
            assertEquals("1", coordinator.scalar("SELECT count(*) FROM \"Box One\".temps WHERE city = 'Extra'"));
            coordinator.execute("DELETE FROM \"Box One\".temps WHERE city = 'Extra'");

            // A moved row changed on the shard since: refused; rows elsewhere on the shard count for nothing.
            shard.execute("UPDATE box2_schema.temperatures_2017 SET temp = 2 WHERE city = 'Rome'");
            refused = assertThrows(Exception.class, () -> moves.rollbackCount(coordinator, 3));
            assertContains(refused, "attachRangePartition in moves.xml::attach-2017::a: cannot roll back the rows moved into"
                    + " \"Box One\".temps_2017 from the DEFAULT partition of \"Box One\".temps: 1 of the 3 rows it moved are"
                    + " no longer there unchanged (updated or deleted since). Put them back as they were moved"
                    + " (public.fdw_moved_rows holds them as JSON), or give the changeset an explicit <rollback>.");
            shard.execute("UPDATE box2_schema.temperatures_2017 SET temp = 1.10 WHERE city = 'Rome'");

            // No record (a change applied before moved rows were recorded): refused, naming the way out.
            coordinator.execute("CREATE TABLE saved AS SELECT * FROM fdw_moved_rows", "DELETE FROM fdw_moved_rows");
            refused = assertThrows(Exception.class, () -> moves.rollbackCount(coordinator, 1));
            assertContains(refused, "attachRangePartition in moves.xml::attach-2017::a: cannot roll back the rows moved into"
                    + " \"Box One\".temps_2017 from the DEFAULT partition of \"Box One\".temps: there is no record of which"
                    + " rows the change moved (public.fdw_moved_rows holds none for changeset id 'attach-2017' by 'a';"
                    + " the change ran before liquibase-fdw recorded moved rows, or the record was deleted). Move the rows"
                    + " back yourself and give the changeset an explicit <rollback>.");
            assertNotEquals(before, state(coordinator, shard));
            coordinator.execute("INSERT INTO fdw_moved_rows SELECT * FROM saved", "DROP TABLE saved");

            moves.rollbackCount(coordinator, 1);
            assertEquals(before, state(coordinator, shard));
            assertEquals(catalogBefore, Catalogs.snapshot(coordinator));
            shard.execute("DROP SCHEMA box2_schema CASCADE", "DROP ROLE " + remoteUser);
        }
    }

    private static void assertContains(Exception e, String expected) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(expected), messages.toString());
    }

    /**
     * Everything a user sees of the rows: count and checksum of the full rows through each parent, each row with the
     * partition holding it, and the shard's tables.
     */
    private static List<String> state(TestDatabase coordinator, TestDatabase shard) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String parent : List.of("\"Box One\".temps", "cities")) {
            lines.add(parent + " " + coordinator.scalar("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, '|'"
                    + " ORDER BY t::text), '')) FROM " + parent + " t"));
            lines.addAll(coordinator.query("SELECT tableoid::regclass::text || '|' || t::text FROM " + parent + " t")
                    .stream().sorted().toList());
        }
        lines.addAll(shard.query("SELECT 'shard 2017|' || t::text FROM box2_schema.temperatures_2017 t").stream().sorted().toList());
        lines.addAll(shard.query("SELECT 'shard 2018|' || t::text FROM box2_schema.temperatures_2018 t").stream().sorted().toList());
        return lines;
    }
}
