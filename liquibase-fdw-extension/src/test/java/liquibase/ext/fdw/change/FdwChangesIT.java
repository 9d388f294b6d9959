package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * The FDW half of the seed scenario on two real nodes per PostgreSQL major: extension, server, a non-superuser
 * user mapping with a password, an import; rows written through the coordinator land on the shard; rollback
 * restores both catalogs exactly and spares foreign tables the import did not create.
 */
class FdwChangesIT {

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void seedScenarioFdwHalfAppliesWorksAndRollsBack(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "shard");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            String remoteUser = "box2_" + shard.name();
            String localUser = "box1_" + coordinator.name();
            String remotePassword = "it's;a\\secret ü";
            shard.execute("DROP ROLE IF EXISTS " + remoteUser,
                    "CREATE ROLE " + remoteUser + " LOGIN PASSWORD 'it''s;a\\secret ü'",
                    "CREATE SCHEMA box2_schema AUTHORIZATION " + remoteUser,
                    "CREATE TABLE box2_schema.temperatures_2016 (reading_date date, city varchar(100), temp decimal)",
                    "CREATE TABLE box2_schema.temperatures_2017 (reading_date date, city varchar(100), temp decimal)",
                    "ALTER TABLE box2_schema.temperatures_2016 OWNER TO " + remoteUser,
                    "ALTER TABLE box2_schema.temperatures_2017 OWNER TO " + remoteUser);
            coordinator.execute("DROP ROLE IF EXISTS " + localUser,
                    "CREATE ROLE " + localUser + " LOGIN PASSWORD 'local-pw'",
                    "CREATE SCHEMA box1_schema");
            List<String> before = Catalogs.snapshot(coordinator);

            Files.writeString(dir.resolve("changelog.xml"), String.join("\n",
                    "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                    "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                    "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                    "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                    "  <changeSet id=\"fdw-1\" author=\"alice\">",
                    "    <fdw:createExtension name=\"postgres_fdw\" ifNotExists=\"true\"/>",
                    "  </changeSet>",
                    "  <changeSet id=\"fdw-2\" author=\"alice\">",
                    "    <fdw:createForeignServer serverName=\"box2\" host=\"${box2.host}\" port=\"${box2.port}\" dbname=\"${box2.db}\">",
                    "      <fdw:option name=\"fetch_size\" value=\"500\"/>",
                    "      <fdw:option name=\"batch_size\" value=\"1000\"/>",
                    "      <fdw:option name=\"application_name\" value=\"it's; \\ ü\"/>",
                    "    </fdw:createForeignServer>",
                    "    <fdw:createUserMapping userName=\"${local.user}\" serverName=\"box2\" user=\"${remote.user}\" password=\"${box2.password}\"/>",
                    "    <fdw:createUserMapping userName=\"current_user\" serverName=\"box2\" user=\"${remote.user}\" password=\"${box2.password}\"/>",
                    "  </changeSet>",
                    "  <changeSet id=\"fdw-3\" author=\"alice\">",
                    "    <fdw:importForeignSchema serverName=\"box2\" remoteSchema=\"box2_schema\" localSchema=\"box1_schema\"",
                    "        limitTo=\"temperatures_2016, temperatures_2017\"/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "changelog.xml")
                    .parameter("box2.host", shard.node().host())
                    .parameter("box2.port", shard.node().port())
                    .parameter("box2.db", shard.name())
                    .parameter("box2.password", remotePassword)
                    .parameter("local.user", localUser)
                    .parameter("remote.user", remoteUser);
            // Secrets: masked in SQL output, real when executed, never in the changelog table.
            String preview = runner.updateSql(coordinator);
            assertTrue(preview.contains("password '********'"), preview);
            assertFalse(preview.contains("secret"), preview);
            runner.update(coordinator);
            assertFalse(String.join("\n", coordinator.query("SELECT * FROM databasechangelog")).contains("secret"));

            assertEquals("postgres_fdw", coordinator.scalar("SELECT extname FROM pg_extension WHERE extname = 'postgres_fdw'"));
            assertEquals("box2|postgres_fdw|{host=127.0.0.1,port=" + shard.node().port() + ",dbname=" + shard.name()
                    + ",fetch_size=500,batch_size=1000,\"application_name=it's; \\\\ ü\"}",
                    coordinator.scalar("SELECT s.srvname, w.fdwname, s.srvoptions FROM pg_foreign_server s"
                            + " JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw"));
            String credentials = "|box2|{user=" + remoteUser + ",\"password=it's;a\\\\secret ü\"}";
            assertEquals(List.of(localUser + credentials, "postgres" + credentials),
                    coordinator.query("SELECT usename, srvname, umoptions FROM pg_user_mappings ORDER BY 1"));
            assertEquals(List.of("temperatures_2016|{schema_name=box2_schema,table_name=temperatures_2016}",
                    "temperatures_2017|{schema_name=box2_schema,table_name=temperatures_2017}"),
                    coordinator.query("SELECT c.relname, ft.ftoptions FROM pg_foreign_table ft JOIN pg_class c"
                            + " ON c.oid = ft.ftrelid ORDER BY 1"));

            // A non-superuser writes through the coordinator with its own mapping; the row lands on the shard.
            coordinator.execute("GRANT USAGE ON SCHEMA box1_schema TO " + localUser,
                    "GRANT SELECT, INSERT ON box1_schema.temperatures_2016 TO " + localUser);
            try (Connection c = coordinator.node().connect(coordinator.name(), localUser, "local-pw");
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO box1_schema.temperatures_2016 VALUES ('2016-08-03', 'London', 63)");
            }
            assertEquals("2016-08-03|London|63", shard.scalar("SELECT * FROM box2_schema.temperatures_2016"));
            coordinator.execute("REVOKE ALL ON box1_schema.temperatures_2016 FROM " + localUser,
                    "REVOKE ALL ON SCHEMA box1_schema FROM " + localUser);

            // A foreign table made by hand on the same server, from another remote schema, survives the rollback.
            coordinator.execute("CREATE FOREIGN TABLE box1_schema.by_hand (id int) SERVER box2"
                    + " OPTIONS (schema_name 'public', table_name 'by_hand')");
            runner.rollbackCount(coordinator, 1);
            assertEquals(List.of("by_hand"), coordinator.query("SELECT c.relname FROM pg_foreign_table ft"
                    + " JOIN pg_class c ON c.oid = ft.ftrelid"));
            coordinator.execute("DROP FOREIGN TABLE box1_schema.by_hand");

            runner.rollbackCount(coordinator, 2);
            assertEquals(before, Catalogs.snapshot(coordinator));
            shard.execute("DROP SCHEMA box2_schema CASCADE", "DROP ROLE " + remoteUser);
            coordinator.execute("DROP ROLE " + localUser);
            assertTrue(coordinator.query("SELECT 1 FROM pg_user_mappings").isEmpty());
        }
    }
}
