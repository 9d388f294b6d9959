package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * YAML and JSON changelogs on a real server, in the JVM zone of the run (the build runs this class under UTC and
 * under America/New_York): unquoted dates and numbers are refused before any SQL, quoted ones give exactly the bound
 * plain SQL gives; unknown attributes, unresolved properties and over-long names are refused with nothing created;
 * nested secret options stay out of SQL output and checksums; names holding {@code "} work where the extension or
 * Liquibase quote them correctly.
 */
@Tag("timezone")
class ChangelogInputIT {
    @TempDir
    Path dir;

    private ChangelogRunner yaml(String name, String... changeSets) throws Exception {
        StringBuilder text = new StringBuilder("databaseChangeLog:\n");
        int id = 1;
        for (String changes : changeSets) {
            text.append("  - changeSet:\n      id: ").append(id++).append("\n      author: a\n      changes:\n")
                    .append(changes).append('\n');
        }
        Files.writeString(dir.resolve(name), text.toString());
        return new ChangelogRunner(dir, name);
    }

    private ChangelogRunner json(String name, String changes) throws Exception {
        Files.writeString(dir.resolve(name), "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\","
                + " \"changes\": [" + changes + "]}}]}");
        return new ChangelogRunner(dir, name);
    }

    private static String bound(TestDatabase db, String table) throws SQLException {
        return db.scalar("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = '" + table + "'");
    }

    /** Runs update, expects it to fail, checks nothing changed, and returns the failure's whole message chain. */
    private static String refused(TestDatabase db, ChangelogRunner runner) throws Exception {
        List<String> before = Catalogs.snapshot(db);
        Exception e = assertThrows(Exception.class, () -> runner.update(db));
        assertEquals(before, Catalogs.snapshot(db), "the refused changelog changed the catalog");
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getMessage()).append('\n');
        }
        return chain.toString();
    }

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void unquotedScalarsAreRefusedAndQuotedOnesGiveThePlainSqlBound(int major) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "input")) {
            db.execute("CREATE TABLE t (d date) PARTITION BY RANGE (d)", "CREATE TABLE l (k int) PARTITION BY LIST (k)",
                    "CREATE TABLE x (k text) PARTITION BY LIST (k)",
                    "CREATE TABLE t_ref (d date) PARTITION BY RANGE (d)", "CREATE TABLE l_ref (k int) PARTITION BY LIST (k)",
                    "CREATE TABLE x_ref (k text) PARTITION BY LIST (k)",
                    "CREATE TABLE t_sql PARTITION OF t_ref FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')",
                    "CREATE TABLE l_sql PARTITION OF l_ref FOR VALUES IN ('010')",
                    "CREATE TABLE x_sql PARTITION OF x_ref FOR VALUES IN ('0x1F', '1.10', 'yes')");

            String failure = refused(db, yaml("dates.yaml",
                    "        - createPartition: { tableName: t_2016, parentTableName: t, from: 2016-01-01, to: 2017-01-01 }"));
            assertTrue(failure.contains("createPartition in dates.yaml::1::a: attribute 'from' holds the unquoted date"
                    + " 2016-01-01 as the YAML/JSON parser read it, which Liquibase turns into text in the JVM's time zone"
                    + " (a day earlier west of UTC); quote the value, e.g. from: '2016-01-01'."), failure);
            failure = refused(db, yaml("octal.yaml",
                    "        - createPartition: { tableName: l_10, parentTableName: l, values: 010 }"));
            assertTrue(failure.contains("createPartition in octal.yaml::1::a: attribute 'values' holds the unquoted number 8"),
                    failure);
            failure = refused(db, json("numbers.json",
                    "{\"createPartition\": {\"tableName\": \"x_n\", \"parentTableName\": \"x\", \"values\": 1.10}}"));
            assertTrue(failure.contains("createPartition in numbers.json::1::a: attribute 'values' holds the unquoted"
                    + " number 1.1"), failure);

            yaml("quoted.yaml", String.join("\n",
                    "        - createPartition: { tableName: t_2016, parentTableName: t, from: '2016-01-01', to: '2017-01-01' }",
                    "        - createPartition: { tableName: l_10, parentTableName: l, values: '010' }",
                    "        - createPartition: { tableName: x_n, parentTableName: x, values: \"0x1F, 1.10, yes\" }"))
                    .update(db);
            assertEquals(bound(db, "t_sql"), bound(db, "t_2016"));
            assertEquals(bound(db, "l_sql"), bound(db, "l_10"));
            assertEquals(bound(db, "x_sql"), bound(db, "x_n"));
            db.execute("DROP TABLE t_2016", "DROP TABLE l_10", "DROP TABLE x_n");

            json("quoted.json", "{\"createPartition\": {\"tableName\": \"t_2016\", \"parentTableName\": \"t\","
                    + " \"from\": \"2016-01-01\", \"to\": \"2017-01-01\"}}").update(db);
            assertEquals(bound(db, "t_sql"), bound(db, "t_2016"));
        }
    }

    /**
     * An unquoted timestamp would reach the server as the text Liquibase's parser rewrote (no fraction, shifted in a
     * DST gap under America/New_York): it is refused with nothing created; quoted, the bound is the one plain SQL
     * gives in the same session zone.
     */
    @Test
    void unquotedTimestampsAreRefusedAndQuotedOnesGiveThePlainSqlBound() throws Exception {
        try (TestDatabase db = TestDatabase.create("input")) {
            db.execute("CREATE TABLE ts (t timestamp) PARTITION BY RANGE (t)",
                    "CREATE TABLE ts_ref (t timestamp) PARTITION BY RANGE (t)",
                    "CREATE TABLE ts_sql PARTITION OF ts_ref FOR VALUES FROM ('2020-01-01 10:00:00.5')"
                            + " TO ('2020-03-08 02:30:00')");
            String failure = refused(db, yaml("stamps.yaml", "        - createPartition: { tableName: ts_p,"
                    + " parentTableName: ts, from: 2020-01-01 10:00:00.5, to: 2020-03-08 02:30:00 }"));
            assertTrue(failure.contains("createPartition in stamps.yaml::1::a: attribute 'from' holds the unquoted"
                    + " timestamp 2020-01-01 10:00:00.5, which Liquibase's YAML parser rewrites in the JVM's time zone"
                    + " (dropping fractions of a second and any offset); quote the value, e.g. from: '2020-01-01"
                    + " 10:00:00.5'."), failure);
            assertTrue(failure.contains("attribute 'to' holds the unquoted timestamp 2020-03-08 02:30:00,"), failure);
            yaml("quoted-stamps.yaml", "        - createPartition: { tableName: ts_p, parentTableName: ts,"
                    + " from: '2020-01-01 10:00:00.5', to: '2020-03-08 02:30:00' }").update(db);
            assertEquals(bound(db, "ts_sql"), bound(db, "ts_p"));
        }
    }

    /** Option entries whose first key is not {@code name} change the server exactly as the same ALTER in plain SQL. */
    @Test
    void optionEntriesInAnyKeyOrderAlterTheServerAsPlainSqlDoes() throws Exception {
        try (TestDatabase db = TestDatabase.create("input")) {
            db.execute("CREATE EXTENSION postgres_fdw",
                    "CREATE SERVER s_yaml FOREIGN DATA WRAPPER postgres_fdw OPTIONS (batch_size '10')",
                    "CREATE SERVER s_json FOREIGN DATA WRAPPER postgres_fdw OPTIONS (batch_size '10')",
                    "CREATE SERVER s_sql FOREIGN DATA WRAPPER postgres_fdw OPTIONS (batch_size '10')",
                    "ALTER SERVER s_sql OPTIONS (ADD fetch_size '500', DROP batch_size, ADD keep_connections 'off')");
            yaml("alter.yaml", "        - alterForeignServer: { serverName: s_yaml, options: [{name: fetch_size,"
                    + " value: '500'}, {action: drop, name: batch_size}, {value: 'off', name: keep_connections}] }")
                    .update(db);
            json("alter.json", "{\"alterForeignServer\": {\"serverName\": \"s_json\", \"options\": [{\"name\":"
                    + " \"fetch_size\", \"value\": \"500\"}, {\"action\": \"drop\", \"name\": \"batch_size\"},"
                    + " {\"value\": \"off\", \"name\": \"keep_connections\"}]}}").update(db);
            String options = "SELECT array_to_string(srvoptions, ',') FROM pg_foreign_server WHERE srvname = ";
            assertEquals("fetch_size=500,keep_connections=off", db.scalar(options + "'s_sql'"));
            assertEquals(db.scalar(options + "'s_sql'"), db.scalar(options + "'s_yaml'"));
            assertEquals(db.scalar(options + "'s_sql'"), db.scalar(options + "'s_json'"));
        }
    }

    @Test
    void unknownAttributesUnresolvedPropertiesAndLongNamesAreRefusedBeforeAnySql() throws Exception {
        try (TestDatabase db = TestDatabase.create("input")) {
            db.execute("CREATE EXTENSION postgres_fdw");
            String failure = refused(db, yaml("typo.yaml", String.join("\n",
                    "        - createForeignServer: { serverName: srv, hots: box2 }")));
            assertTrue(failure.contains("createForeignServer in typo.yaml::1::a: attribute 'hots' is unknown to"
                    + " createForeignServer; did you mean 'host'?"), failure);

            // The first changeset is valid: nothing of it may run while the second is refused.
            failure = refused(db, yaml("property.yaml",
                    "        - createForeignServer: { serverName: ok, host: localhost }",
                    "        - createForeignServer: { serverName: 'srv_${shard.year}' }"));
            assertTrue(failure.contains("createForeignServer in property.yaml::2::a: attribute 'serverName' holds"
                    + " ${shard.year}, but no property 'shard.year' is defined; define it with <property>, -D or a"
                    + " properties file"), failure);

            Files.writeString(dir.resolve("property.xml"), String.join("\n",
                    "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                    "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                    "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                            + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                    "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                    "  <changeSet id=\"1\" author=\"a\">",
                    "    <fdw:createForeignServer serverName=\"srv\">",
                    "      <fdw:option name=\"dbname\" value=\"db_${shard.year}\"/>",
                    "    </fdw:createForeignServer>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            failure = refused(db, new ChangelogRunner(dir, "property.xml"));
            assertTrue(failure.contains("createForeignServer in property.xml::1::a: option 'dbname': attribute 'value'"
                    + " holds ${shard.year}, but no property 'shard.year' is defined"), failure);
            failure = refused(db, json("typo.json", "{\"createForeignServer\": {\"serverName\": \"srv\", \"hots\": \"b\"}}"));
            assertTrue(failure.contains("createForeignServer in typo.json::1::a: attribute 'hots' is unknown to"
                    + " createForeignServer; did you mean 'host'?"), failure);

            // PostgreSQL itself cuts a 64-byte name to 63 bytes, so two such names are one object.
            String longName = "s".repeat(63);
            db.execute("CREATE SERVER " + longName + "x FOREIGN DATA WRAPPER postgres_fdw");
            assertEquals(longName, db.scalar("SELECT srvname FROM pg_foreign_server"));
            db.execute("DROP SERVER " + longName);
            failure = refused(db, yaml("long.yaml", "        - createForeignServer: { serverName: " + longName + "y }"));
            assertTrue(failure.contains("createForeignServer in long.yaml::1::a: attribute 'serverName' is '" + longName
                    + "y', 64 bytes in UTF-8; PostgreSQL keeps only the first 63 bytes of a name"), failure);
        }
    }

    /**
     * Names the extension generates are held to PostgreSQL's 63 bytes like written ones: cut by the server, two daily
     * default names become one and the second CREATE fails half-way through the series; the change is refused before
     * any SQL. A precondition's name attributes get the same check while the changelog is parsed.
     */
    @Test
    void generatedAndPreconditionNamesOver63BytesAreRefusedBeforeAnySql() throws Exception {
        try (TestDatabase db = TestDatabase.create("input")) {
            String parent = "e".repeat(54);
            db.execute("CREATE TABLE " + parent + " (d date) PARTITION BY RANGE (d)",
                    "CREATE TABLE " + parent + "_p20200101 PARTITION OF " + parent
                            + " FOR VALUES FROM ('2020-01-01') TO ('2020-01-02')");
            assertEquals(parent + "_p2020010", db.scalar("SELECT relname FROM pg_class WHERE relname LIKE 'eee%_p%'"));
            SQLException clash = assertThrows(SQLException.class, () -> db.execute("CREATE TABLE " + parent
                    + "_p20200102 PARTITION OF " + parent + " FOR VALUES FROM ('2020-01-02') TO ('2020-01-03')"));
            assertEquals("42P07", clash.getSQLState());
            db.execute("DROP TABLE " + parent + "_p2020010");

            String failure = refused(db, yaml("daily.yaml", "        - createRangePartitions: { tableName: " + parent
                    + ", from: '2020-01-01', to: '2020-01-03', interval: 1 day }"));
            assertTrue(failure.contains("createRangePartitions in daily.yaml::1::a: the default name <tableName>_p<start>"
                    + " of the slice from 2020-01-01 is '" + parent + "_p20200101', 64 bytes in UTF-8; PostgreSQL keeps"
                    + " only the first 63 bytes of a name, so it would be cut short and could collide with another"
                    + " name; use a name of at most 63 bytes."), failure);
            String pattern = "\u00f8".repeat(30) + "_{yyyy}";
            failure = refused(db, yaml("pattern.yaml", "        - createRangePartitions: { tableName: " + parent
                    + ", from: '2020-01-01', to: '2022-01-01', interval: 1 year, namePattern: '" + pattern + "' }"));
            assertTrue(failure.contains("createRangePartitions in pattern.yaml::1::a: the name namePattern '" + pattern
                    + "' gives of the slice from 2020-01-01 is '" + "\u00f8".repeat(30) + "_2020', 65 bytes"), failure);

            Files.writeString(dir.resolve("precondition.yaml"), String.join("\n", "databaseChangeLog:",
                    "  - changeSet:", "      id: 1", "      author: a", "      preConditions:",
                    "        - partitionExists: { tableName: " + parent + ", partitionName: " + parent + "_p20200101 }",
                    "      changes:", "        - sql: { sql: CREATE TABLE never (id int) }", ""));
            failure = refused(db, new ChangelogRunner(dir, "precondition.yaml"));
            assertTrue(failure.contains("partitionExists: attribute 'partitionName' is '" + parent + "_p20200101', 64"
                    + " bytes in UTF-8; PostgreSQL keeps only the first 63 bytes of a name"), failure);
        }
    }

    @Test
    void nestedSecretOptionsAreMaskedAndLeftOutOfTheChecksum() throws Exception {
        try (TestDatabase first = TestDatabase.create("input"); TestDatabase second = TestDatabase.create("input")) {
            String changes = String.join("\n",
                    "        - createUserMapping:",
                    "            userName: CURRENT_USER",
                    "            serverName: box2",
                    "            options:",
                    "              - { name: user, value: u }",
                    "              - { name: Password, value: '${pw}' }",
                    "              - { name: sslpassword, value: '${pw}-ssl' }");
            for (TestDatabase db : List.of(first, second)) {
                db.execute("CREATE EXTENSION postgres_fdw", "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw");
            }
            // PostgreSQL takes option names as written; a quoted "Password" is refused before any SQL, value unsaid.
            String failure = refused(first, yaml("upper.yaml", changes).parameter("pw", "Secret-One"));
            assertTrue(failure.contains("createUserMapping in upper.yaml::1::a: option 'Password' is not a postgres_fdw"
                    + " user mapping option"), failure);
            assertFalse(failure.contains("Secret-One"), failure);

            String valid = changes.replace("Password", "password");
            String sql = yaml("secret.yaml", valid).parameter("pw", "Secret-One").updateSql(first);
            assertTrue(sql.contains("CREATE USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (user 'u',"
                    + " password '********', sslpassword '********')"), sql);
            assertFalse(sql.contains("Secret-One"), sql);

            yaml("secret.yaml", valid).parameter("pw", "Secret-One").update(first);
            yaml("secret.yaml", valid).parameter("pw", "Secret-Two").update(second);
            assertEquals("user=u,password=Secret-One,sslpassword=Secret-One-ssl",
                    first.scalar("SELECT array_to_string(umoptions, ',') FROM pg_user_mappings"));
            assertEquals(first.scalar("SELECT md5sum FROM databasechangelog"),
                    second.scalar("SELECT md5sum FROM databasechangelog"));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void doubleQuotesInNamesAreDoubledOrRefusedWhereLiquibaseCannot(int major) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "input")) {
            db.execute("CREATE EXTENSION postgres_fdw");
            // Liquibase's own createTable breaks on a mixed-case name holding a quote: the reason for the refusal.
            String failure = refused(db, yaml("core.yaml",
                    "        - createTable: { tableName: 'Mixed\"Case', columns: [{column: {name: c, type: int}}] }"));
            assertTrue(failure.contains("CREATE TABLE public.\"Mixed\"Case\""), failure);
            failure = refused(db, yaml("mixed.yaml", String.join("\n",
                    "        - createPartitionedTable:",
                    "            tableName: 'Mixed\"Case'",
                    "            partitionStrategy: LIST",
                    "            partitionKey: c",
                    "            columns: [{column: {name: c, type: int}}]")));
            assertTrue(failure.contains("createPartitionedTable in mixed.yaml::1::a: attribute 'tableName' is"
                    + " 'Mixed\"Case', a mixed-case name holding a double quote, which Liquibase's CREATE/DROP TABLE"
                    + " rendering does not double; write the name in one case or without \"."), failure);

            List<String> before = Catalogs.snapshot(db);
            ChangelogRunner quoted = yaml("quoted.yaml", String.join("\n",
                    "        - createPartitionedTable:",
                    "            tableName: 'lower\"case'",
                    "            partitionStrategy: LIST",
                    "            partitionKey: c",
                    "            columns: [{column: {name: c, type: int}}]",
                    "        - createPartition: { tableName: 'part\"1', parentTableName: 'lower\"case', values: '1' }",
                    "        - createForeignServer: { serverName: 'Srv\"One' }"));
            quoted.update(db);
            assertEquals("FOR VALUES IN (1)", db.scalar("SELECT pg_get_expr(relpartbound, oid) FROM pg_class"
                    + " WHERE relname = 'part\"1'"));
            assertEquals("Srv\"One", db.scalar("SELECT srvname FROM pg_foreign_server"));
            quoted.rollbackCount(db, 1);
            assertEquals(before, Catalogs.snapshot(db));
        }
    }
}
