package liquibase.ext.fdw.change.createpartition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sub-partitioning on real servers: partitions made partitioned by createPartition, with createPartition and
 * createRangePartitions under them, give the same catalog (keys, bounds, kinds) as the same layout written in plain
 * SQL, route rows to the leaves, and roll back to the catalog before.
 */
@Tag("timezone")
class SubPartitioningIT {
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
    void subPartitionsMatchPlainSqlAndRollBack(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "subparts");
                TestDatabase plain = TestDatabase.create(major, "subparts")) {
            plain.execute("CREATE TABLE temperatures (reading_date date NOT NULL, city text, temp numeric) PARTITION BY RANGE (reading_date)",
                    "CREATE TABLE temperatures_2016 PARTITION OF temperatures FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')"
                            + " PARTITION BY LIST (city)",
                    "CREATE TABLE temperatures_2016_oslo PARTITION OF temperatures_2016 FOR VALUES IN ('Oslo', 'Bergen')",
                    "CREATE TABLE temperatures_2016_other PARTITION OF temperatures_2016 DEFAULT",
                    "CREATE TABLE temperatures_2017 PARTITION OF temperatures FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')"
                            + " PARTITION BY RANGE (reading_date)",
                    "CREATE TABLE temperatures_2017_q1 PARTITION OF temperatures_2017 FOR VALUES FROM ('2017-01-01') TO ('2017-04-01')",
                    "CREATE TABLE temperatures_2017_q2 PARTITION OF temperatures_2017 FOR VALUES FROM ('2017-04-01') TO ('2017-07-01')",
                    "CREATE TABLE temperatures_2018 PARTITION OF temperatures FOR VALUES FROM ('2018-01-01') TO ('2019-01-01')"
                            + " PARTITION BY HASH (city)",
                    "CREATE TABLE temperatures_2018_h0 PARTITION OF temperatures_2018 FOR VALUES WITH (MODULUS 2, REMAINDER 0)",
                    "CREATE TABLE temperatures_2018_h1 PARTITION OF temperatures_2018 FOR VALUES WITH (MODULUS 2, REMAINDER 1)");
            List<String> before = Catalogs.snapshot(db);

            Files.writeString(dir.resolve("changelog.xml"), HEADER + String.join("\n",
                    "  <changeSet id='parent' author='a'>",
                    "    <fdw:createPartitionedTable tableName='temperatures' partitionStrategy='RANGE' partitionKey='reading_date'>",
                    "      <column name='reading_date' type='date'><constraints nullable='false'/></column>",
                    "      <column name='city' type='text'/>",
                    "      <column name='temp' type='numeric'/>",
                    "    </fdw:createPartitionedTable>",
                    "  </changeSet>",
                    "  <changeSet id='2016' author='a'>",
                    "    <fdw:createPartition tableName='temperatures_2016' parentTableName='temperatures' from='2016-01-01'"
                            + " to='2017-01-01' partitionStrategy='LIST' partitionKey='city'/>",
                    "    <fdw:createPartition tableName='temperatures_2016_oslo' parentTableName='temperatures_2016' values='Oslo, Bergen'/>",
                    "    <fdw:createPartition tableName='temperatures_2016_other' parentTableName='temperatures_2016' isDefault='true'/>",
                    "  </changeSet>",
                    "  <changeSet id='2017' author='a'>",
                    "    <fdw:createPartition tableName='temperatures_2017' parentTableName='temperatures' from='2017-01-01'"
                            + " to='2018-01-01' partitionStrategy='range' partitionKey='reading_date'/>",
                    "    <fdw:createRangePartitions tableName='temperatures_2017' from='2017-01-01' to='2017-07-01' interval='3 months'"
                            + " namePattern='temperatures_2017_q{n}'/>",
                    "  </changeSet>",
                    "  <changeSet id='2018' author='a'>",
                    "    <fdw:createPartition tableName='temperatures_2018' parentTableName='temperatures' from='2018-01-01'"
                            + " to='2019-01-01' partitionStrategy='HASH' partitionKey='city'/>",
                    "    <fdw:createPartition tableName='temperatures_2018_h0' parentTableName='temperatures_2018' modulus='2' remainder='0'/>",
                    "    <fdw:createPartition tableName='temperatures_2018_h1' parentTableName='temperatures_2018' modulus='2' remainder='1'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "changelog.xml");
            runner.update(db);
            assertEquals(Catalogs.snapshot(plain), Catalogs.snapshot(db));
            String keys = "SELECT partrelid::regclass::text || ' ' || pg_get_partkeydef(partrelid) FROM pg_partitioned_table ORDER BY 1";
            assertEquals(List.of("temperatures RANGE (reading_date)", "temperatures_2016 LIST (city)",
                    "temperatures_2017 RANGE (reading_date)", "temperatures_2018 HASH (city)"), db.query(keys));
            assertEquals(plain.query(keys), db.query(keys));

            db.execute("INSERT INTO temperatures VALUES ('2016-05-01', 'Oslo', 1), ('2016-06-01', 'Lima', 2),"
                    + " ('2017-05-05', 'Rome', 3), ('2018-02-02', 'Oslo', 4)");
            plain.execute("INSERT INTO temperatures VALUES ('2016-05-01', 'Oslo', 1), ('2016-06-01', 'Lima', 2),"
                    + " ('2017-05-05', 'Rome', 3), ('2018-02-02', 'Oslo', 4)");
            String leaves = "SELECT tableoid::regclass::text, city FROM temperatures ORDER BY 2, 1";
            assertEquals(plain.query(leaves), db.query(leaves));
            assertEquals(List.of("temperatures_2016_other|Lima", "temperatures_2016_oslo|Oslo"),
                    db.query("SELECT tableoid::regclass::text, city FROM temperatures_2016 ORDER BY 2"));
            db.execute("DELETE FROM temperatures");

            runner.rollbackCount(db, 3);
            assertEquals(List.of("temperatures RANGE (reading_date)"), db.query(keys));
            runner.rollbackCount(db, 1);
            assertEquals(before, Catalogs.snapshot(db));
        }
    }
}
