package liquibase.ext.fdw.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five preconditions in XML and YAML changelogs on a real node: those that hold let their changeset run, those
 * that do not mark it ran (onFail MARK_RAN) or stop the update with a message saying what is missing (HALT).
 */
class PreconditionsIT {
    @TempDir
    Path dir;

    private static void setUp(TestDatabase db) throws Exception {
        db.execute("CREATE EXTENSION postgres_fdw",
                "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw",
                "CREATE USER MAPPING FOR CURRENT_USER SERVER box2",
                "CREATE SCHEMA \"Box One\"",
                "CREATE FOREIGN TABLE \"Box One\".remote_t (id int) SERVER box2",
                "CREATE TABLE \"Box One\".temps (at date, city text) PARTITION BY RANGE (at)",
                "CREATE TABLE \"Box One\".temps_2016 PARTITION OF \"Box One\".temps FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')",
                "CREATE TABLE cities (name text) PARTITION BY LIST (name)",
                "CREATE TABLE cities_a PARTITION OF cities FOR VALUES IN ('Oslo', NULL, 'O''Hare')");
    }

    @Test
    void xmlPreconditionsDecideWhichChangesetsRun() throws Exception {
        try (TestDatabase db = TestDatabase.create("preconditions")) {
            setUp(db);
            Files.writeString(dir.resolve("c.xml"), String.join("\n",
                    "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                    "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                    "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                    "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                    "  <changeSet id=\"all-hold\" author=\"a\">",
                    "    <preConditions onFail=\"HALT\">",
                    "      <fdw:extensionExists name=\"postgres_fdw\"/>",
                    "      <fdw:foreignServerExists serverName=\"box2\"/>",
                    "      <fdw:userMappingExists serverName=\"box2\" userName=\"CURRENT_USER\"/>",
                    "      <fdw:foreignTableExists schemaName=\"Box One\" tableName=\"remote_t\"/>",
                    "      <fdw:partitionExists schemaName=\"Box One\" tableName=\"temps\" partitionName=\"temps_2016\" from=\"2016-01-01\" to=\"2017-01-01\"/>",
                    "      <fdw:partitionExists tableName=\"cities\" partitionName=\"cities_a\" values=\"'O''Hare', NULL, Oslo\"/>",
                    "    </preConditions>",
                    "    <sql>CREATE TABLE ran_all_hold (id int)</sql>",
                    "  </changeSet>",
                    "  <changeSet id=\"no-server\" author=\"a\">",
                    "    <preConditions onFail=\"MARK_RAN\"><fdw:foreignServerExists serverName=\"nope\"/></preConditions>",
                    "    <sql>CREATE TABLE ran_no_server (id int)</sql>",
                    "  </changeSet>",
                    "  <changeSet id=\"other-bounds\" author=\"a\">",
                    "    <preConditions onFail=\"MARK_RAN\">",
                    "      <fdw:partitionExists schemaName=\"Box One\" tableName=\"temps\" partitionName=\"temps_2016\" from=\"2016-01-01\" to=\"2018-01-01\"/>",
                    "    </preConditions>",
                    "    <sql>CREATE TABLE ran_other_bounds (id int)</sql>",
                    "  </changeSet>",
                    "  <changeSet id=\"not-a-mapping\" author=\"a\">",
                    "    <preConditions onFail=\"MARK_RAN\"><not><fdw:userMappingExists serverName=\"box2\" userName=\"PUBLIC\"/></not></preConditions>",
                    "    <sql>CREATE TABLE ran_no_public_mapping (id int)</sql>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            new ChangelogRunner(dir, "c.xml").update(db);
            assertEquals(List.of("ran_all_hold", "ran_no_public_mapping"),
                    db.query("SELECT relname FROM pg_class WHERE relname LIKE 'ran\\_%' ORDER BY 1"));
            assertEquals(List.of("all-hold|EXECUTED", "no-server|MARK_RAN", "other-bounds|MARK_RAN", "not-a-mapping|EXECUTED"),
                    db.query("SELECT id, exectype FROM databasechangelog ORDER BY orderexecuted"));
        }
    }

    @Test
    void yamlPreconditionsHaltWithWhatIsMissing() throws Exception {
        try (TestDatabase db = TestDatabase.create("preconditions")) {
            setUp(db);
            Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                    "databaseChangeLog:",
                    "  - changeSet:",
                    "      id: holds",
                    "      author: a",
                    "      preConditions:",
                    "        - onFail: HALT",
                    "        - extensionExists: { name: postgres_fdw }",
                    "        - foreignTableExists: { schemaName: Box One, tableName: remote_t }",
                    "        - partitionExists: { schemaName: Box One, tableName: temps, partitionName: temps_2016 }",
                    "      changes:",
                    "        - sql: CREATE TABLE ran_yaml (id int)",
                    "  - changeSet:",
                    "      id: halts",
                    "      author: a",
                    "      preConditions:",
                    "        - onFail: HALT",
                    "        - partitionExists: { schemaName: Box One, tableName: temps, partitionName: temps_2016, from: '2015-01-01', to: '2016-01-01' }",
                    "      changes:",
                    "        - sql: CREATE TABLE never (id int)",
                    ""));
            Exception halted = assertThrows(Exception.class, () -> new ChangelogRunner(dir, "c.yaml").update(db));
            assertTrue(String.valueOf(halted.getMessage()).contains("temps_2016 is a partition of Box One.temps FOR VALUES FROM"
                    + " ('2016-01-01') TO ('2017-01-01'), not FOR VALUES FROM ('2015-01-01') TO ('2016-01-01')"), halted.getMessage());
            assertEquals(List.of("ran_yaml"), db.query("SELECT relname FROM pg_class WHERE relname IN ('ran_yaml', 'never')"));
        }
    }
}
