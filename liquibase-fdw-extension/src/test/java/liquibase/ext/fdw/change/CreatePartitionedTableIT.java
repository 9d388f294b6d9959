package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.Changelogs;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * createPartitionedTable builds its own statement: a default holding " TABLESPACE " stays a default, the tablespace
 * name is quoted, and the table equals the one plain SQL creates (columns, defaults, constraints, key, tablespace).
 */
class CreatePartitionedTableIT {
    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    private static List<String> table(TestDatabase db, String name) throws Exception {
        String oid = "'\"Box One\"." + name + "'::regclass";
        return List.of(
                String.join(", ", db.query("SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                        + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                        + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                        + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE a.attrelid = " + oid + " AND a.attnum > 0 ORDER BY a.attnum")),
                String.join(", ", db.query("SELECT contype::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE conrelid = " + oid + " ORDER BY 1")),
                db.scalar("SELECT pg_get_partkeydef(" + oid + ")"),
                db.scalar("SELECT coalesce(t.spcname, '-') FROM pg_class c LEFT JOIN pg_tablespace t ON t.oid = c.reltablespace"
                        + " WHERE c.oid = " + oid));
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void tablespaceInADefaultAndAQuotedTablespaceGiveThePlainSqlTable(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "partitioned")) {
            String tablespace = "Fast SSD " + db.name();
            // an in-place tablespace needs no directory owned by the server's user
            db.execute("SET allow_in_place_tablespaces = true", "CREATE TABLESPACE \"" + tablespace + "\" LOCATION ''");
            try {
                db.execute("CREATE SCHEMA \"Box One\"",
                        "CREATE TABLE \"Box One\".plain (id int NOT NULL, city text DEFAULT 'x TABLESPACE y',"
                                + " note varchar(20) DEFAULT 'it''s', CONSTRAINT plain_pkey PRIMARY KEY (id, city))"
                                + " PARTITION BY LIST (city) TABLESPACE \"" + tablespace + "\"");
                Files.writeString(dir.resolve("c.xml"), String.join("\n",
                        Changelogs.XML_OPEN,
                        "  <changeSet id='t' author='a'>",
                        "    <fdw:createPartitionedTable schemaName='Box One' tableName='ours' partitionStrategy='LIST' partitionKey='city'",
                        "        tablespace='" + tablespace + "'>",
                        "      <column name='id' type='int'><constraints primaryKey='true' primaryKeyName='ours_pkey'/></column>",
                        "      <column name='city' type='text' defaultValue='x TABLESPACE y'><constraints primaryKey='true' primaryKeyName='ours_pkey'/></column>",
                        "      <column name='note' type='varchar(20)' defaultValue=\"it's\"/>",
                        "    </fdw:createPartitionedTable>",
                        "  </changeSet>",
                        "</databaseChangeLog>", ""));
                ChangelogRunner runner = new ChangelogRunner(dir, "c.xml");
                runner.update(db);
                List<String> plain = table(db, "plain");
                assertEquals(plain.toString().replace("plain_pkey", "ours_pkey"), table(db, "ours").toString());
                assertFalse(plain.get(0).contains("PARTITION"), plain.get(0));
                runner.rollbackCount(db, 1);
                assertEquals(List.of(), db.query("SELECT relname FROM pg_class WHERE relname = 'ours'"));
            } finally {
                db.execute("DROP SCHEMA IF EXISTS \"Box One\" CASCADE", "DROP TABLESPACE \"" + tablespace + "\"");
            }
        }
    }
}
