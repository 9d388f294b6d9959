package liquibase.ext.fdw.change.droppartitionsolderthan;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dropPartitionsOlderThan on real servers, with local and foreign partitions and a DEFAULT partition: which
 * partitions each cutoff retires, what detach, moveToSchema and drop leave in the catalog, rows read through the
 * parent, the newest partition kept, and rollbacks that restore the catalogs and rows exactly (or refuse, for drop).
 */
@Tag("timezone")
class DropPartitionsOlderThanIT {
    private static final String HEADER = String.join("\n",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
            "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
            "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">", "");
    private static final String PARTITIONS = "SELECT c.oid::regclass::text || ' ' || pg_get_expr(c.relpartbound, c.oid)"
            + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'box1.temperatures'::regclass ORDER BY 1";

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void retiresOldPartitionsAndRollsBack(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "shard");
                TestDatabase db = TestDatabase.create(major, "coordinator")) {
            String remoteUser = "r_" + shard.name();
            shard.execute("DROP ROLE IF EXISTS " + remoteUser, "CREATE ROLE " + remoteUser + " LOGIN PASSWORD 'pw'",
                    "CREATE TABLE t2017 (reading_date date NOT NULL, city text)", "ALTER TABLE t2017 OWNER TO " + remoteUser,
                    "INSERT INTO t2017 VALUES ('2017-03-03', 'Oslo')");
            db.execute("CREATE SCHEMA box1", "CREATE SCHEMA archive", "CREATE EXTENSION postgres_fdw",
                    "CREATE SERVER shard FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '"
                            + shard.node().port() + "', dbname '" + shard.name() + "')",
                    "CREATE USER MAPPING FOR CURRENT_USER SERVER shard OPTIONS (user '" + remoteUser + "', password 'pw')",
                    "CREATE TABLE box1.temperatures (reading_date date NOT NULL, city text) PARTITION BY RANGE (reading_date)",
                    "CREATE TABLE box1.\"Temps 2016\" PARTITION OF box1.temperatures FOR VALUES FROM (MINVALUE) TO ('2017-01-01')",
                    "CREATE FOREIGN TABLE box1.t2017 PARTITION OF box1.temperatures FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')"
                            + " SERVER shard OPTIONS (schema_name 'public', table_name 't2017')",
                    "CREATE TABLE box1.t2100 PARTITION OF box1.temperatures FOR VALUES FROM ('2100-01-01') TO (MAXVALUE)",
                    "CREATE TABLE box1.t_default PARTITION OF box1.temperatures DEFAULT",
                    "INSERT INTO box1.temperatures VALUES ('2016-05-01', 'London'), ('2019-07-07', 'Lima'), ('2100-02-02', 'Mars')",
                    "CREATE TABLE ids (id int) PARTITION BY RANGE (id)",
                    "CREATE TABLE ids_0 PARTITION OF ids FOR VALUES FROM (0) TO (10)",
                    "CREATE TABLE ids_10 PARTITION OF ids FOR VALUES FROM (10) TO (20)");
            List<String> before = Catalogs.snapshot(db);
            List<String> rows = db.query("SELECT * FROM box1.temperatures ORDER BY 1");
            assertEquals(4, rows.size());

            Files.writeString(dir.resolve("changelog.xml"), HEADER + String.join("\n",
                    "  <changeSet id='detach' author='a'>",
                    "    <fdw:dropPartitionsOlderThan schemaName='box1' tableName='temperatures' olderThan='2 years'/>",
                    "  </changeSet>",
                    "  <changeSet id='ids' author='a'>",
                    "    <fdw:dropPartitionsOlderThan tableName='ids' olderThan='100' mode='detach'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "changelog.xml");
            runner.update(db);
            // Both past partitions (upper bound at or before now - 2 years) are detached, the local one and the foreign
            // one; the future one and the DEFAULT partition stay.
            assertEquals(List.of("box1.t2100 FOR VALUES FROM ('2100-01-01') TO (MAXVALUE)", "box1.t_default DEFAULT"),
                    db.query(PARTITIONS));
            assertEquals(List.of("box1.\"Temps 2016\"|r", "box1.t2017|f"), db.query("SELECT c.oid::regclass, c.relkind FROM"
                    + " pg_class c WHERE c.relnamespace = 'box1'::regnamespace AND c.relname IN ('Temps 2016', 't2017')"
                    + " AND NOT c.relispartition ORDER BY 1"));
            assertEquals(List.of("2019-07-07|Lima", "2100-02-02|Mars"), db.query("SELECT * FROM box1.temperatures ORDER BY 1"));
            // Every partition of ids is past 100, but the newest is kept.
            assertEquals(List.of("ids_10"), db.query("SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'ids'::regclass"));

            runner.rollbackCount(db, 2);
            assertEquals(before, Catalogs.snapshot(db));
            assertEquals(rows, db.query("SELECT * FROM box1.temperatures ORDER BY 1"));

            Files.writeString(dir.resolve("archive.xml"), HEADER + String.join("\n",
                    "  <changeSet id='archive' author='a'>",
                    "    <fdw:dropPartitionsOlderThan schemaName='box1' tableName='temperatures' olderThan='2018-01-01'",
                    "        mode='moveToSchema' retentionSchema='archive'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner archive = new ChangelogRunner(dir, "archive.xml");
            archive.update(db);
            assertEquals(List.of("archive.\"Temps 2016\"|r", "archive.t2017|f"), db.query("SELECT c.oid::regclass, c.relkind"
                    + " FROM pg_class c WHERE c.relnamespace = 'archive'::regnamespace ORDER BY 1"));
            assertEquals(List.of("box1.t2100 FOR VALUES FROM ('2100-01-01') TO (MAXVALUE)", "box1.t_default DEFAULT"),
                    db.query(PARTITIONS));
            assertEquals(List.of("2017-03-03|Oslo"), db.query("SELECT * FROM archive.t2017"));
            archive.rollbackCount(db, 1);
            assertEquals(before, Catalogs.snapshot(db));
            assertEquals(rows, db.query("SELECT * FROM box1.temperatures ORDER BY 1"));

            Files.writeString(dir.resolve("drop.xml"), HEADER + String.join("\n",
                    "  <changeSet id='drop' author='a'>",
                    "    <fdw:dropPartitionsOlderThan schemaName='box1' tableName='temperatures' olderThan='2017-12-31' mode='drop'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner drop = new ChangelogRunner(dir, "drop.xml");
            drop.update(db);
            // Only the partition ending on 2017-01-01 is at or before the cutoff; 2017's ends after it.
            assertEquals(List.of("box1.t2017 FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')",
                    "box1.t2100 FOR VALUES FROM ('2100-01-01') TO (MAXVALUE)", "box1.t_default DEFAULT"), db.query(PARTITIONS));
            assertEquals(List.of(), db.query("SELECT relname FROM pg_class WHERE relname = 'Temps 2016'"));
            Exception refused = assertThrows(Exception.class, () -> drop.rollbackCount(db, 1));
            String message = String.valueOf(refused.getMessage()) + " " + String.valueOf(refused.getCause());
            assertTrue(message.contains("dropPartitionsOlderThan in drop.xml::drop::a: mode=\"drop\" dropped the partitions and"
                    + " their rows, so there is no automatic rollback; give the changeset an explicit <rollback>"), message);

            Files.writeString(dir.resolve("wrong.xml"), HEADER + String.join("\n",
                    "  <changeSet id='wrong' author='a'>",
                    "    <fdw:dropPartitionsOlderThan tableName='ids' olderThan='2 years'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Exception wrong = assertThrows(Exception.class, () -> new ChangelogRunner(dir, "wrong.xml").update(db));
            assertTrue(String.valueOf(wrong.getMessage()).contains("dropPartitionsOlderThan in wrong.xml::wrong::a:"
                    + " olderThan=\"2 years\" is an interval before now, but the partition key of ids is integer; give a value"
                    + " of the key instead, e.g. olderThan=\"1000\"."), wrong.getMessage());
            shard.execute("DROP TABLE t2017", "DROP ROLE " + remoteUser);
        }
    }
}
