package liquibase.ext.fdw.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    /**
     * partitionExists with bounds holds exactly when PostgreSQL would store the given bound for that parent as the
     * partition's bound: case and commas inside values count, list order does not, and spellings PostgreSQL
     * normalises (unpadded dates, yes for true, offsets naming the same instant, expressions) match.
     */
    @Tag("timezone")
    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void partitionExistsComparesBoundsAsPostgresqlStoresThem(int major) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "preconditions")) {
            db.execute("CREATE TABLE c1 (city text) PARTITION BY LIST (city)",
                    "CREATE TABLE c1_p PARTITION OF c1 FOR VALUES IN ('Oslo')",
                    "CREATE TABLE c2 (v text) PARTITION BY LIST (v)",
                    "CREATE TABLE c2_p PARTITION OF c2 FOR VALUES IN ('a, b', 'c')",
                    "CREATE TABLE d (at date) PARTITION BY RANGE (at)",
                    "CREATE TABLE d_p PARTITION OF d FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')",
                    "CREATE TABLE b (flag bool) PARTITION BY LIST (flag)",
                    "CREATE TABLE b_p PARTITION OF b FOR VALUES IN (true)",
                    "CREATE TABLE t (at timestamptz) PARTITION BY RANGE (at)",
                    "CREATE TABLE t_p PARTITION OF t FOR VALUES FROM ('2020-01-01 00:00:00+00') TO (MAXVALUE)",
                    "CREATE TABLE h (id int) PARTITION BY HASH (id)",
                    "CREATE TABLE h_p PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 1)",
                    "CREATE TABLE c1_d PARTITION OF c1 DEFAULT");
            String[][] cases = {
                {"oslo-upper", "tableName='c1' partitionName='c1_p' values=\"'OSLO'\"", "false"},
                {"oslo", "tableName='c1' partitionName='c1_p' values='Oslo'", "true"},
                {"split-elsewhere", "tableName='c2' partitionName='c2_p' values=\"'a', 'b, c'\"", "false"},
                {"other-order", "tableName='c2' partitionName='c2_p' values=\"c, 'a, b'\"", "true"},
                {"subset", "tableName='c2' partitionName='c2_p' values=\"'a, b'\"", "false"},
                {"superset", "tableName='c2' partitionName='c2_p' values=\"'a, b', c, d\"", "false"},
                {"unpadded-date", "tableName='d' partitionName='d_p' from='2016-1-1' to='2017-1-1'", "true"},
                {"date-expressions", "tableName='d' partitionName='d_p' fromExpression=\"'2016-01-01'::date\""
                        + " toExpression='make_date(2017, 1, 1)'", "true"},
                {"other-date", "tableName='d' partitionName='d_p' from='2016-01-01' to='2017-01-02'", "false"},
                {"yes-is-true", "tableName='b' partitionName='b_p' values='yes'", "true"},
                {"false", "tableName='b' partitionName='b_p' values='false'", "false"},
                {"same-instant", "tableName='t' partitionName='t_p' from='2020-01-01 01:00:00+01' to='MAXVALUE'", "true"},
                {"other-instant", "tableName='t' partitionName='t_p' from='2020-01-01 00:00:00+01' to='MAXVALUE'", "false"},
                {"hash", "tableName='h' partitionName='h_p' modulus='4' remainder='1'", "true"},
                {"other-hash", "tableName='h' partitionName='h_p' modulus='4' remainder='2'", "false"},
                {"default", "tableName='c1' partitionName='c1_d' isDefault='true'", "true"},
                {"not-default", "tableName='c1' partitionName='c1_p' isDefault='true'", "false"},
            };
            StringBuilder xml = new StringBuilder(String.join("\n",
                    "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                    "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                    "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                    "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">", ""));
            for (String[] c : cases) {
                xml.append("  <changeSet id='").append(c[0]).append("' author='a'>\n")
                        .append("    <preConditions onFail='MARK_RAN'><fdw:partitionExists ").append(c[1]).append("/></preConditions>\n")
                        .append("    <sql>SELECT 1</sql>\n  </changeSet>\n");
            }
            xml.append("</databaseChangeLog>\n");
            Files.writeString(dir.resolve("exact.xml"), xml.toString());
            new ChangelogRunner(dir, "exact.xml").update(db);
            StringBuilder expected = new StringBuilder();
            for (String[] c : cases) {
                expected.append(c[0]).append('|').append(c[2].equals("true") ? "EXECUTED" : "MARK_RAN").append('\n');
            }
            assertEquals(expected.toString(), String.join("\n", db.query("SELECT id, exectype FROM databasechangelog"
                    + " ORDER BY orderexecuted")) + "\n");
            assertEquals(List.of("c1_p", "c2_p"), db.query("SELECT relname FROM pg_class WHERE relname IN ('c1_p', 'c2_p')"
                    + " AND relispartition ORDER BY 1"), "the probe leaves nothing behind");
            assertEquals("0", db.scalar("SELECT count(*) FROM pg_class WHERE relname LIKE 'lbfdw%'"));
        }
    }
}
