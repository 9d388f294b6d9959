package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * alterForeignServer, alterUserMapping, createForeignTable and dropForeignTable on two real nodes per PostgreSQL
 * major: effects read back from the catalogs, a row written through the new foreign table lands on the shard, and
 * rolling everything back leaves the coordinator's catalog exactly as before.
 */
class FdwAlterAndTableChangesIT {

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void alterAndForeignTableChangesApplyAndRollBack(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "shard");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            String remoteUser = "box2_" + shard.name();
            shard.execute("DROP ROLE IF EXISTS " + remoteUser,
                    "CREATE ROLE " + remoteUser + " LOGIN PASSWORD 'first-pw'",
                    "CREATE SCHEMA \"Remote Schema\" AUTHORIZATION " + remoteUser,
                    "CREATE TABLE \"Remote Schema\".\"Odd \"\"Temps\"\"\" (\"Reading Date\" date, city text, temp numeric)",
                    "ALTER TABLE \"Remote Schema\".\"Odd \"\"Temps\"\"\" OWNER TO " + remoteUser);
            coordinator.execute("CREATE SCHEMA \"Mixed Case\"", "CREATE EXTENSION postgres_fdw",
                    "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '"
                            + shard.node().port() + "', dbname '" + shard.name() + "')",
                    "CREATE USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (user '" + remoteUser + "', password 'first-pw')",
                    "CREATE FOREIGN TABLE \"Mixed Case\".by_hand (id int) SERVER box2");
            List<String> before = Catalogs.snapshot(coordinator);

            Files.writeString(dir.resolve("changelog.xml"), String.join("\n",
                    "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                    "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                    "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                    "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                    "  <changeSet id=\"server-options\" author=\"alice\">",
                    "    <fdw:alterForeignServer serverName=\"box2\">",
                    "      <fdw:option name=\"fetch_size\" value=\"250\"/>",
                    "      <fdw:option name=\"application_name\" value=\"it's; \\ ü\" action=\"add\"/>",
                    "    </fdw:alterForeignServer>",
                    "  </changeSet>",
                    "  <changeSet id=\"rotate\" author=\"alice\">",
                    "    <fdw:alterUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" password=\"${new.password}\"/>",
                    "    <rollback>",
                    "      <fdw:alterUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" password=\"first-pw\"/>",
                    "    </rollback>",
                    "  </changeSet>",
                    "  <changeSet id=\"table\" author=\"alice\">",
                    "    <fdw:createForeignTable schemaName=\"Mixed Case\" tableName=\"Temps &quot;2016&quot;\" serverName=\"box2\"",
                    "        remoteSchemaName=\"Remote Schema\" remoteTableName=\"Odd &quot;Temps&quot;\">",
                    "      <column name=\"Reading Date\" type=\"date\"><constraints nullable=\"false\"/></column>",
                    "      <column name=\"city\" type=\"text\" defaultValue=\"O'Hare; \\ ü\"/>",
                    "      <column name=\"temp\" type=\"numeric\"/>",
                    "      <fdw:option name=\"use_remote_estimate\" value=\"true\"/>",
                    "    </fdw:createForeignTable>",
                    "  </changeSet>",
                    "  <changeSet id=\"drop-by-hand\" author=\"alice\">",
                    "    <fdw:dropForeignTable schemaName=\"Mixed Case\" tableName=\"by_hand\"/>",
                    "    <rollback>",
                    "      <fdw:createForeignTable schemaName=\"Mixed Case\" tableName=\"by_hand\" serverName=\"box2\">",
                    "        <column name=\"id\" type=\"int\"/>",
                    "      </fdw:createForeignTable>",
                    "    </rollback>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "changelog.xml").parameter("new.password", "sec'ond;\\pw ü");
            // The shard's password changes first; the rotate changeset follows it on the coordinator.
            shard.execute("ALTER ROLE " + remoteUser + " PASSWORD 'sec''ond;\\pw ü'");
            runner.update(coordinator);

            assertEquals("{host=127.0.0.1,port=" + shard.node().port() + ",dbname=" + shard.name()
                    + ",fetch_size=250,\"application_name=it's; \\\\ ü\"}",
                    coordinator.scalar("SELECT srvoptions FROM pg_foreign_server WHERE srvname = 'box2'"));
            assertEquals("{user=" + remoteUser + ",\"password=sec'ond;\\\\pw ü\"}",
                    coordinator.scalar("SELECT umoptions FROM pg_user_mappings WHERE srvname = 'box2'"));
            assertEquals("\"Mixed Case\".\"Temps \"\"2016\"\"\"|box2|{\"schema_name=Remote Schema\",\"table_name=Odd \\\"Temps\\\"\",use_remote_estimate=true}",
                    coordinator.scalar("SELECT ft.ftrelid::regclass, s.srvname, ft.ftoptions FROM pg_foreign_table ft"
                            + " JOIN pg_foreign_server s ON s.oid = ft.ftserver"));
            assertEquals(List.of("Reading Date|date|t|null", "city|text|f|'O''Hare; \\ ü'::text", "temp|numeric|f|null"),
                    coordinator.query("SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                            + " pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d"
                            + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid ="
                            + " '\"Mixed Case\".\"Temps \"\"2016\"\"\"'::regclass AND a.attnum > 0 ORDER BY a.attnum"));

            // Through the foreign table (and the rotated password), with the column default, onto the shard.
            coordinator.execute("INSERT INTO \"Mixed Case\".\"Temps \"\"2016\"\"\" (\"Reading Date\", temp)"
                    + " VALUES ('2016-08-03', 63)");
            assertEquals("2016-08-03|O'Hare; \\ ü|63", shard.scalar("SELECT * FROM \"Remote Schema\".\"Odd \"\"Temps\"\"\""));
            assertFalse(String.join("\n", coordinator.query("SELECT * FROM databasechangelog")).contains("sec'ond"));

            runner.rollbackCount(coordinator, 4);
            assertEquals(before, Catalogs.snapshot(coordinator));
            shard.execute("DROP SCHEMA \"Remote Schema\" CASCADE", "DROP ROLE " + remoteUser);
        }
    }
}
