package liquibase.ext.fdw.change.createboundscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
 * createBoundsCheck on real servers: the CHECK it adds is PostgreSQL's own partition constraint for the same bound
 * (compared with pg_get_partition_constraintdef of a partition created by plain SQL, and row by row on probe rows),
 * it stops a key UPDATE through the coordinator's foreign partition that would leave a row in the wrong shard, and
 * its rollback leaves the catalogs as before.
 */
class CreateBoundsCheckIT {
    private static final String HEADER = String.join("\n",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
            "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
            "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">", "");

    /** One bound: the partition key, the bound as plain SQL, and the same bound as createBoundsCheck attributes. */
    private record Case(String strategy, String key, String sqlBound, String attributes) {
    }

    private static final List<Case> CASES = List.of(
            new Case("RANGE", "a, b", "FROM (1, '2016-01-01') TO (3, '2017-01-01')", "from=\"1, 2016-01-01\" to=\"3, 2017-01-01\""),
            new Case("RANGE", "a, b", "FROM (3, '2017-01-01') TO (3, '2018-01-01')", "from=\"3, 2017-01-01\" to=\"3, 2018-01-01\""),
            new Case("RANGE", "a, b", "FROM (MINVALUE, MINVALUE) TO (0, MAXVALUE)", "from=\"MINVALUE, MINVALUE\" to=\"0, MAXVALUE\""),
            new Case("RANGE", "a, b", "FROM (10, MINVALUE) TO (MAXVALUE, MAXVALUE)", "from=\"10, MINVALUE\" to=\"MAXVALUE, MAXVALUE\""),
            new Case("RANGE", "a, b", "FROM (1, MAXVALUE) TO (3, MINVALUE)", "from=\"1, MAXVALUE\" to=\"3, MINVALUE\""),
            new Case("RANGE", "a, b", "FROM (1, '2016-01-01') TO (1, MAXVALUE)", "from=\"1, 2016-01-01\" to=\"1, MAXVALUE\""),
            new Case("RANGE", "b", "FROM ('2016-01-01') TO ('2017-01-01')", "from=\"2016-01-01\" to=\"2017-01-01\""),
            new Case("RANGE", "b", "FROM (MINVALUE) TO ('2017-01-01')", "from=\"MINVALUE\" to=\"2017-01-01\""),
            new Case("LIST", "c", "IN ('x')", "values=\"x\""),
            new Case("LIST", "c", "IN ('x', 'it''s, y')", "values=\"x, 'it''s, y'\""),
            new Case("LIST", "c", "IN (NULL)", "values=\"NULL\""),
            new Case("LIST", "c", "IN (NULL, 'x', 'z')", "values=\"NULL, x, z\""),
            new Case("LIST", "v", "IN ('x', 'z')", "values=\"x, z\""));

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void checkIsPostgresPartitionConstraint(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "bounds")) {
            StringBuilder changes = new StringBuilder();
            for (int k = 0; k < CASES.size(); k++) {
                Case c = CASES.get(k);
                db.execute("CREATE TABLE p" + k + " (a int, b date, c text, v varchar(10)) PARTITION BY " + c.strategy()
                                + " (" + c.key() + ")",
                        "CREATE TABLE p" + k + "_part PARTITION OF p" + k + " FOR VALUES " + c.sqlBound(),
                        "CREATE TABLE t" + k + " (a int, b date, c text, v varchar(10))");
                changes.append("    <fdw:createBoundsCheck tableName=\"t").append(k).append("\" columnNames=\"")
                        .append(c.key()).append("\" ").append(c.attributes()).append("/>\n");
            }
            List<String> before = Catalogs.snapshot(db);
            Files.writeString(dir.resolve("changelog.xml"), HEADER + "  <changeSet id=\"checks\" author=\"a\">\n" + changes
                    + "  </changeSet>\n</databaseChangeLog>\n");
            ChangelogRunner runner = new ChangelogRunner(dir, "changelog.xml");
            runner.update(db);

            for (int k = 0; k < CASES.size(); k++) {
                String partition = db.scalar("SELECT pg_get_partition_constraintdef('p" + k + "_part'::regclass)");
                String check = db.scalar("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 't" + k
                        + "'::regclass AND conname = 't" + k + "_fdw_bounds'");
                // A varchar list key deparses with other casts (the partition stores varchar(10) constants, the CHECK
                // casts its array to text[]); there the probe rows below are the comparison.
                if (!CASES.get(k).key().equals("v")) {
                    assertEquals("CHECK (" + partition + ")", check, CASES.get(k).toString());
                }
                assertEquals(accepted(db, "p" + k + "_part"), accepted(db, "t" + k), CASES.get(k).toString());
            }

            runner.rollbackCount(db, 1);
            assertEquals(before, Catalogs.snapshot(db));
        }
    }

    /** The probe rows that {@code table} accepts: a partition checks its partition constraint on a direct INSERT. */
    private static List<String> accepted(TestDatabase db, String table) throws SQLException {
        List<String> ints = List.of("NULL", "-1", "0", "1", "2", "3", "4", "10", "11");
        List<String> dates = List.of("NULL", "'2015-12-31'", "'2016-01-01'", "'2016-06-01'", "'2017-01-01'", "'2017-06-01'",
                "'2018-01-01'");
        List<String> texts = List.of("NULL", "'x'", "'y'", "'z'", "'it''s, y'", "''");
        List<String> accepted = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String a : ints) {
                for (String b : dates) {
                    for (String t : texts) {
                        String row = a + ", " + b + ", " + t + ", " + t;
                        try {
                            s.execute("INSERT INTO " + table + " VALUES (" + row + ")");
                            accepted.add(row);
                        } catch (SQLException e) {
                            assertEquals("23514", e.getSQLState(), e.getMessage());
                        }
                    }
                }
            }
        }
        assertTrue(!accepted.isEmpty(), table + " accepts no probe row");
        return accepted;
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void keyUpdateThroughTheCoordinatorThatLeavesTheShardsRangeFails(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "shard");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            String remoteUser = "b_" + shard.name();
            shard.execute("DROP ROLE IF EXISTS " + remoteUser, "CREATE ROLE " + remoteUser + " LOGIN PASSWORD 'pw'",
                    "CREATE SCHEMA box2_schema AUTHORIZATION " + remoteUser);
            for (String year : List.of("2016", "2017")) {
                shard.execute("CREATE TABLE box2_schema.temperatures_" + year
                                + " (reading_date date NOT NULL, city varchar(100), temp decimal)",
                        "ALTER TABLE box2_schema.temperatures_" + year + " OWNER TO " + remoteUser);
            }
            coordinator.execute("CREATE EXTENSION postgres_fdw",
                    "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '"
                            + shard.node().port() + "', dbname '" + shard.name() + "')",
                    "CREATE USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (user '" + remoteUser + "', password 'pw')",
                    "CREATE TABLE temperatures (reading_date date NOT NULL, city varchar(100), temp decimal)"
                            + " PARTITION BY RANGE (reading_date)",
                    "IMPORT FOREIGN SCHEMA box2_schema FROM SERVER box2 INTO public",
                    "ALTER TABLE temperatures ATTACH PARTITION temperatures_2016 FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')",
                    "ALTER TABLE temperatures ATTACH PARTITION temperatures_2017 FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')",
                    "INSERT INTO temperatures VALUES ('2016-05-01', 'London', 63), ('2017-03-03', 'Oslo', 21)");
            List<String> before = Catalogs.snapshot(shard);

            // Without the check, PostgreSQL lets the key leave the foreign partition's range: the row stays on the shard.
            coordinator.execute("UPDATE temperatures SET reading_date = '2019-01-01' WHERE city = 'Oslo'");
            assertEquals("2019-01-01", shard.scalar("SELECT reading_date FROM box2_schema.temperatures_2017"));

            Files.writeString(dir.resolve("shard.xml"), HEADER + String.join("\n",
                    "  <changeSet id=\"bounds\" author=\"a\">",
                    "    <fdw:createBoundsCheck schemaName=\"box2_schema\" tableName=\"temperatures_2016\" columnNames=\"reading_date\"",
                    "        from=\"2016-01-01\" to=\"2017-01-01\"/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "shard.xml");
            runner.update(shard);
            SQLException refused = assertThrows(SQLException.class, () -> coordinator.execute(
                    "UPDATE temperatures SET reading_date = '2017-06-01' WHERE city = 'London'"));
            assertTrue(refused.getMessage().contains("temperatures_2016_fdw_bounds"), refused.getMessage());
            assertEquals("2016-05-01|London", coordinator.scalar("SELECT reading_date, city FROM temperatures_2016"));
            coordinator.execute("UPDATE temperatures SET reading_date = '2016-12-31' WHERE city = 'London'");
            assertEquals("2016-12-31", shard.scalar("SELECT reading_date FROM box2_schema.temperatures_2016"));

            runner.rollbackCount(shard, 1);
            assertEquals(before, Catalogs.snapshot(shard));
            shard.execute("DROP SCHEMA box2_schema CASCADE", "DROP ROLE " + remoteUser);
        }
    }

    /** The range is ordered in the shard table's own key types: empty for dates is refused, '10' < '9' for text is not. */
    @org.junit.jupiter.api.Test
    void rangeIsOrderedByTheKeyColumnsTypes(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create("bounds")) {
            db.execute("CREATE TABLE t (b date, c text)");
            List<String> before = Catalogs.snapshot(db);
            Files.writeString(dir.resolve("empty.xml"), HEADER + "  <changeSet id=\"empty\" author=\"a\">\n"
                    + "    <fdw:createBoundsCheck tableName=\"t\" columnNames=\"b\" from=\"2017-01-01\" to=\"2016-1-1\"/>\n"
                    + "  </changeSet>\n</databaseChangeLog>\n");
            Exception refused = assertThrows(Exception.class, () -> new ChangelogRunner(dir, "empty.xml").update(db));
            assertTrue(refused.getMessage().contains("createBoundsCheck in empty.xml::empty::a: from ('2017-01-01') is not"
                    + " below to ('2016-1-1') in the order of t's partition key"), refused.getMessage());
            assertEquals(before, Catalogs.snapshot(db));

            Files.writeString(dir.resolve("text.xml"), HEADER + "  <changeSet id=\"text\" author=\"a\">\n"
                    + "    <fdw:createBoundsCheck tableName=\"t\" columnNames=\"c\" from=\"10\" to=\"9\"/>\n"
                    + "  </changeSet>\n</databaseChangeLog>\n");
            new ChangelogRunner(dir, "text.xml").update(db);
            assertEquals("1", db.scalar("SELECT count(*) FROM pg_constraint WHERE conname = 't_fdw_bounds'"));
        }
    }
}
