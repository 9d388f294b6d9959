package liquibase.ext.fdw.change.addshard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * addShard on a coordinator and a shard: the server, mapping, imported table and partition it creates, the rows it
 * moves out of the DEFAULT partition onto the shard, the masked password in updateSQL, and a rollback that moves
 * exactly those rows back and leaves the coordinator's catalog as before.
 */
class AddShardIT {
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
    void addsAShardAndRemovesItExactly(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "shard");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            String remoteUser = "s_" + shard.name();
            shard.execute("DROP ROLE IF EXISTS " + remoteUser, "CREATE ROLE " + remoteUser + " LOGIN PASSWORD 'pw-secret'",
                    "CREATE SCHEMA box2_schema AUTHORIZATION " + remoteUser,
                    "CREATE TABLE box2_schema.temperatures_2018 (reading_date date NOT NULL, city varchar(100), temp decimal)",
                    "ALTER TABLE box2_schema.temperatures_2018 OWNER TO " + remoteUser,
                    "INSERT INTO box2_schema.temperatures_2018 VALUES ('2018-09-09', 'Kyiv', 12)",
                    "CREATE TABLE box2_schema.other (x int)");
            coordinator.execute("CREATE EXTENSION postgres_fdw", "CREATE SCHEMA box1_schema",
                    "CREATE TABLE box1_schema.temperatures (reading_date date NOT NULL, city varchar(100), temp decimal)"
                            + " PARTITION BY RANGE (reading_date)",
                    "CREATE TABLE box1_schema.temps_default PARTITION OF box1_schema.temperatures DEFAULT",
                    "INSERT INTO box1_schema.temperatures VALUES ('2018-01-05', 'Rome', 50), ('2019-07-07', 'Lima', 70)");
            List<String> before = Catalogs.snapshot(coordinator);

            Files.writeString(dir.resolve("changelog.xml"), HEADER + String.join("\n",
                    "  <changeSet id='shard3' author='a'>",
                    "    <fdw:addShard serverName='shard3' host='127.0.0.1' port='${port}' dbname='${db}' user='${user}' password='${pw}'",
                    "        remoteSchema='box2_schema' schemaName='box1_schema' tableName='temperatures' partitionName='temperatures_2018'",
                    "        from='2018-01-01' to='2019-01-01' moveRowsFromDefault='true'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "changelog.xml").parameter("port", shard.node().port())
                    .parameter("db", shard.name()).parameter("user", remoteUser).parameter("pw", "pw-secret");
            String updateSql = runner.updateSql(coordinator);
            assertFalse(updateSql.contains("pw-secret"), updateSql);
            assertTrue(updateSql.contains("password '********'"), updateSql);

            runner.update(coordinator);
            assertEquals(List.of("box1_schema.temperatures_2018|f|FOR VALUES FROM ('2018-01-01') TO ('2019-01-01')"),
                    coordinator.query("SELECT c.oid::regclass, c.relkind, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c"
                            + " WHERE c.relname = 'temperatures_2018'"));
            assertEquals(List.of("shard3|host=127.0.0.1,port=" + shard.node().port() + ",dbname=" + shard.name()),
                    coordinator.query("SELECT srvname, array_to_string(srvoptions, ',') FROM pg_foreign_server"));
            assertEquals(List.of(), coordinator.query("SELECT relname FROM pg_class WHERE relname = 'other'"));
            // Rome moved from the DEFAULT partition onto the shard; Kyiv was there already.
            assertEquals(List.of("Kyiv", "Rome"), shard.query("SELECT city FROM box2_schema.temperatures_2018 ORDER BY 1"));
            assertEquals(List.of("Lima"), coordinator.query("SELECT city FROM box1_schema.temps_default"));
            coordinator.execute("INSERT INTO box1_schema.temperatures VALUES ('2018-12-31', 'Oslo', 1)");
            assertEquals(List.of("Kyiv", "Oslo", "Rome"), shard.query("SELECT city FROM box2_schema.temperatures_2018 ORDER BY 1"));

            runner.rollbackCount(coordinator, 1);
            assertEquals(before, Catalogs.snapshot(coordinator));
            assertEquals(List.of("Lima", "Rome"), coordinator.query("SELECT city FROM box1_schema.temps_default ORDER BY 1"));
            // Only the row the change moved went back; rows written to the shard otherwise stay there.
            assertEquals(List.of("Kyiv", "Oslo"), shard.query("SELECT city FROM box2_schema.temperatures_2018 ORDER BY 1"));
            shard.execute("DROP SCHEMA box2_schema CASCADE", "DROP ROLE " + remoteUser);
        }
    }
}
