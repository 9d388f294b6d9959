package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The partitioning change types on a coordinator and a shard per PostgreSQL major: range, list and hash parents with
 * local and foreign partitions, rows moved out of the DEFAULT partition into local and foreign partitions, inserts
 * through the parent landing in the right partition or on the shard, the explained error without
 * moveRowsFromDefault, and a rollback that leaves the coordinator's catalog exactly as before.
 */
class PartitionChangesIT {
    private static final String HEADER = String.join("\n",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
            "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
            "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">", "");

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void partitionsApplyRouteRowsAndRollBack(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "shard");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            String remoteUser = "p_" + shard.name();
            shard.execute("DROP ROLE IF EXISTS " + remoteUser, "CREATE ROLE " + remoteUser + " LOGIN PASSWORD 'pw-secret'",
                    "CREATE SCHEMA box2_schema AUTHORIZATION " + remoteUser,
                    "CREATE TABLE box2_schema.temperatures_2017 (reading_date date NOT NULL, city text, temp numeric)",
                    "ALTER TABLE box2_schema.temperatures_2017 OWNER TO " + remoteUser);
            coordinator.execute("CREATE SCHEMA \"Box One\"");
            List<String> before = Catalogs.snapshot(coordinator);

            Files.writeString(dir.resolve("changelog.xml"), HEADER + String.join("\n",
                    "  <changeSet id='fdw' author='a'>",
                    "    <fdw:createExtension name='postgres_fdw'/>",
                    "    <fdw:createForeignServer serverName='shard' host='127.0.0.1' port='${port}' dbname='${db}'/>",
                    "    <fdw:createUserMapping userName='CURRENT_USER' serverName='shard' user='${user}' password='pw-secret'/>",
                    "  </changeSet>",
                    "  <changeSet id='parent' author='a'>",
                    "    <fdw:createPartitionedTable schemaName='Box One' tableName='Temperatures' partitionStrategy='RANGE' partitionKey='reading_date'>",
                    "      <column name='reading_date' type='date'><constraints nullable='false'/></column>",
                    "      <column name='city' type='text'/>",
                    "      <column name='temp' type='numeric'/>",
                    "    </fdw:createPartitionedTable>",
                    "    <fdw:createPartition schemaName='Box One' tableName='temps default' parentTableName='Temperatures' isDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='rows' author='a'>",
                    "    <sql>INSERT INTO \"Box One\".\"Temperatures\" VALUES ('2016-05-01', 'London', 63), ('2017-03-03', 'Oslo', 21),"
                            + " ('2018-01-05', 'Rome', 50), ('2019-07-07', 'Lima', 70)</sql>",
                    "    <rollback><sql>DELETE FROM \"Box One\".\"Temperatures\"</sql></rollback>",
                    "  </changeSet>",
                    "  <changeSet id='local' author='a'>",
                    "    <fdw:createPartition schemaName='Box One' tableName='Temps 2016' parentTableName='Temperatures'",
                    "        from='2016-01-01' to='2017-01-01' moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='foreign' author='a'>",
                    "    <fdw:createForeignTable schemaName='Box One' tableName='temperatures_2017' serverName='shard'",
                    "        remoteSchemaName='box2_schema' remoteTableName='temperatures_2017'>",
                    "      <column name='reading_date' type='date'><constraints nullable='false'/></column>",
                    "      <column name='city' type='text'/>",
                    "      <column name='temp' type='numeric'/>",
                    "    </fdw:createForeignTable>",
                    "    <fdw:attachRangePartition schemaName='Box One' tableName='Temperatures' partitionName='temperatures_2017'",
                    "        from='2017-01-01' to='2018-01-01' moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='series' author='a'>",
                    "    <fdw:createRangePartitions schemaName='Box One' tableName='Temperatures' from='2018-01-01' to='2018-04-01'",
                    "        interval='1 month' namePattern='t_{yyyy}_{MM}' moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='list-and-hash' author='a'>",
                    "    <fdw:createPartitionedTable tableName='cities' partitionStrategy='LIST' partitionKey='name'>",
                    "      <column name='name' type='text'/>",
                    "    </fdw:createPartitionedTable>",
                    "    <fdw:createPartition tableName='cities_odd' parentTableName='cities' values=\"'O''Hare, IL', 'a;b\\c', NULL\"/>",
                    "    <sql>CREATE TABLE cities_nordic (name text)</sql>",
                    "    <fdw:attachListPartition tableName='cities' partitionName='cities_nordic' values='Oslo, Malmö'/>",
                    "    <sql>CREATE TABLE cities_other (name text)</sql>",
                    "    <fdw:attachDefaultPartition tableName='cities' partitionName='cities_other'/>",
                    "    <fdw:createPartitionedTable tableName='hashed' partitionStrategy='HASH' partitionKey='id'>",
                    "      <column name='id' type='int'/>",
                    "    </fdw:createPartitionedTable>",
                    "    <fdw:createPartition tableName='hashed_0' parentTableName='hashed' modulus='2' remainder='0'/>",
                    "    <sql>CREATE TABLE hashed_1 (id int)</sql>",
                    "    <fdw:attachHashPartition tableName='hashed' partitionName='hashed_1' modulus='2' remainder='1'/>",
                    "    <rollback>",
                    "      <sql>DROP TABLE hashed</sql>",
                    "      <sql>DROP TABLE cities</sql>",
                    "    </rollback>",
                    "  </changeSet>",
                    "  <changeSet id='detach' author='a'>",
                    "    <fdw:detachPartition schemaName='Box One' tableName='Temperatures' partitionName='t_2018_03' from='2018-03-01' to='2018-04-01'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "changelog.xml").parameter("port", shard.node().port())
                    .parameter("db", shard.name()).parameter("user", remoteUser);
            runner.update(coordinator);

            assertEquals(List.of("\"Box One\".\"Temperatures\"|r", "cities|l", "hashed|h"), coordinator.query(
                    "SELECT partrelid::regclass, partstrat FROM pg_partitioned_table").stream().sorted().toList());
            assertEquals(List.of(
                    "\"Box One\".\"Temps 2016\"|FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')",
                    "\"Box One\".\"temps default\"|DEFAULT",
                    "\"Box One\".t_2018_01|FOR VALUES FROM ('2018-01-01') TO ('2018-02-01')",
                    "\"Box One\".t_2018_02|FOR VALUES FROM ('2018-02-01') TO ('2018-03-01')",
                    "\"Box One\".temperatures_2017|FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')",
                    "cities_nordic|FOR VALUES IN ('Oslo', 'Malmö')",
                    "cities_other|DEFAULT",
                    "cities_odd|FOR VALUES IN ('O''Hare, IL', 'a;b\\c', NULL)",
                    "hashed_0|FOR VALUES WITH (modulus 2, remainder 0)",
                    "hashed_1|FOR VALUES WITH (modulus 2, remainder 1)").stream().sorted().toList(), coordinator.query(
                    "SELECT c.oid::regclass, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c"
                            + " ON c.oid = i.inhrelid").stream().sorted().toList());
            // t_2018_03 was detached by the last changeset and is a table of its own.
            assertEquals("r", coordinator.scalar("SELECT relkind FROM pg_class WHERE relname = 't_2018_03' AND NOT relispartition"));

            // The rows moved out of the default partition: locally, to the shard, into the series.
            assertEquals(List.of("Temps 2016|London", "t_2018_01|Rome", "temperatures_2017|Oslo", "temps default|Lima"),
                    coordinator.query("SELECT tableoid::regclass::text, city FROM \"Box One\".\"Temperatures\" ORDER BY 2")
                            .stream().map(r -> r.replace("\"Box One\".", "").replace("\"", "")).sorted().toList());
            assertEquals("2017-03-03|Oslo|21", shard.scalar("SELECT * FROM box2_schema.temperatures_2017"));
            coordinator.execute("INSERT INTO \"Box One\".\"Temperatures\" VALUES ('2017-12-31', 'Bergen', 5)");
            assertEquals(List.of("Bergen", "Oslo"), shard.query("SELECT city FROM box2_schema.temperatures_2017 ORDER BY 1"));

            // Without moveRowsFromDefault, PostgreSQL's refusal comes back naming the change, the range and the option.
            Files.writeString(dir.resolve("strict.xml"), HEADER + String.join("\n",
                    "  <changeSet id=\"2019\" author=\"a\">",
                    "    <fdw:createPartition schemaName=\"Box One\" tableName=\"t_2019\" parentTableName=\"Temperatures\""
                            + " from=\"2019-01-01\" to=\"2020-01-01\"/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Exception refused = assertThrows(Exception.class, () -> new ChangelogRunner(dir, "strict.xml").update(coordinator));
            String message = String.valueOf(refused.getMessage());
            assertTrue(message.contains("createPartition in strict.xml::2019::a: rows of Box One.t_2019's range (FOR VALUES"
                    + " FROM ('2019-01-01') TO ('2020-01-01')) sit in the DEFAULT partition of Box One.Temperatures, so"
                    + " PostgreSQL refuses the new partition; add moveRowsFromDefault=\"true\" to move them into"
                    + " Box One.t_2019 in the same transaction, or move them yourself first."), message);
            assertEquals(List.of(), coordinator.query("SELECT relname FROM pg_class WHERE relname = 't_2019'"));

            // Rolling back the series puts Rome back into the DEFAULT partition before its partition is dropped;
            // rolling back the local partition does the same for London, and rolling back the attached shard table
            // brings back Oslo, the row it moved there, while Bergen, written to the shard afterwards, stays there.
            runner.rollbackCount(coordinator, 3);
            assertEquals(List.of("Lima", "Rome"), coordinator.query("SELECT city FROM \"Box One\".\"temps default\" ORDER BY 1"));
            runner.rollbackCount(coordinator, 2);
            assertEquals(List.of("Lima", "London", "Oslo", "Rome"),
                    coordinator.query("SELECT city FROM \"Box One\".\"temps default\" ORDER BY 1"));
            assertEquals(List.of("Bergen"), shard.query("SELECT city FROM box2_schema.temperatures_2017"));
            runner.rollbackCount(coordinator, 3);
            assertEquals(before, Catalogs.snapshot(coordinator));
            shard.execute("DROP SCHEMA box2_schema CASCADE", "DROP ROLE " + remoteUser);
        }
    }
}
