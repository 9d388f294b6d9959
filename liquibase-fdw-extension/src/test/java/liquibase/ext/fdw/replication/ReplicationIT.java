package liquibase.ext.fdw.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.NodeLauncher;
import liquibase.ext.fdw.nodes.NodeSpec;
import liquibase.ext.fdw.nodes.PostgresNode;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A shard table replicated to a replica node with createPublication on the shard (a node started with
 * wal_level=logical) and createSubscription on the replica: the rows are read back on the replica, later inserts
 * follow, the password is masked in updateSQL, a subscription in a transactional changeset is refused, and rollbacks
 * remove the subscription (and its slot on the shard) and the publication.
 */
class ReplicationIT {
    private static final String HEADER = String.join("\n",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
            "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
            "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">", "");
    private static final String TABLE = "CREATE TABLE box2_schema.temperatures_2016 (reading_date date PRIMARY KEY, city text)";

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void replicaFollowsTheShard(int major, @TempDir Path dir) throws Exception {
        PostgresNode publisher = NodeLauncher.start(NodeSpec.builder("logical", dir.resolve("node")).major(major)
                .setting("wal_level", "logical").build());
        try (TestDatabase shard = TestDatabase.create(publisher); TestDatabase replica = TestDatabase.create(major, "replica")) {
            assertEquals("logical", shard.scalar("SHOW wal_level"));
            shard.execute("CREATE SCHEMA box2_schema", TABLE,
                    "INSERT INTO box2_schema.temperatures_2016 VALUES ('2016-05-01', 'London'), ('2016-06-01', 'Oslo')");
            replica.execute("CREATE SCHEMA box2_schema", TABLE);
            List<String> shardBefore = Catalogs.snapshot(shard);
            List<String> replicaBefore = Catalogs.snapshot(replica);

            Files.writeString(dir.resolve("shard.xml"), HEADER + String.join("\n",
                    "  <changeSet id='pub' author='a'>",
                    "    <fdw:createPublication name='shard_pub' tables='box2_schema.temperatures_2016' publish='insert, update, delete'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner shardRunner = new ChangelogRunner(dir, "shard.xml");
            shardRunner.update(shard);
            assertEquals(List.of("shard_pub|t|t|t|f"), shard.query("SELECT pubname, pubinsert, pubupdate, pubdelete, pubtruncate"
                    + " FROM pg_publication"));
            assertEquals(List.of("box2_schema|temperatures_2016"), shard.query("SELECT schemaname, tablename FROM pg_publication_tables"));

            // alterPublication adds a table and its rollback removes it again.
            shard.execute("CREATE TABLE box2_schema.temperatures_2017 (reading_date date PRIMARY KEY, city text)");
            Files.writeString(dir.resolve("alter.xml"), HEADER + String.join("\n",
                    "  <changeSet id='add' author='a'>",
                    "    <fdw:alterPublication name='shard_pub' addTables='box2_schema.temperatures_2017'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner alter = new ChangelogRunner(dir, "alter.xml");
            alter.update(shard);
            assertEquals(List.of("box2_schema|temperatures_2016", "box2_schema|temperatures_2017"),
                    shard.query("SELECT schemaname, tablename FROM pg_publication_tables ORDER BY 2"));
            alter.rollbackCount(shard, 1);
            assertEquals(List.of("box2_schema|temperatures_2016"), shard.query("SELECT schemaname, tablename FROM pg_publication_tables"));
            shard.execute("DROP TABLE box2_schema.temperatures_2017");

            Files.writeString(dir.resolve("replica.xml"), HEADER + String.join("\n",
                    "  <changeSet id='sub' author='a' runInTransaction='false'>",
                    "    <fdw:createSubscription name='shard_replica' host='127.0.0.1' port='${port}' dbname='${db}' user='${user}'",
                    "        password='${pw}' publications='shard_pub'>",
                    "      <fdw:option name='copy_data' value='true'/>",
                    "    </fdw:createSubscription>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner replicaRunner = new ChangelogRunner(dir, "replica.xml").parameter("port", publisher.port())
                    .parameter("db", shard.name()).parameter("user", publisher.username()).parameter("pw", publisher.password());
            String updateSql = replicaRunner.updateSql(replica);
            assertFalse(updateSql.contains(publisher.password()), updateSql);
            assertTrue(updateSql.contains("user=" + publisher.username() + " password=********' PUBLICATION shard_pub"), updateSql);

            replicaRunner.update(replica);
            assertEquals(List.of("2016-05-01|London", "2016-06-01|Oslo"),
                    waitFor(replica, "SELECT * FROM box2_schema.temperatures_2016 ORDER BY 1", 2));
            shard.execute("INSERT INTO box2_schema.temperatures_2016 VALUES ('2016-07-01', 'Rome')");
            assertEquals(List.of("2016-05-01|London", "2016-06-01|Oslo", "2016-07-01|Rome"),
                    waitFor(replica, "SELECT * FROM box2_schema.temperatures_2016 ORDER BY 1", 3));

            Files.writeString(dir.resolve("in-tx.xml"), HEADER + String.join("\n",
                    "  <changeSet id='sub-in-tx' author='a'>",
                    "    <fdw:createSubscription name='other' host='127.0.0.1' dbname='x' publications='shard_pub'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Exception refused = assertThrows(Exception.class, () -> new ChangelogRunner(dir, "in-tx.xml").update(replica));
            assertTrue(String.valueOf(refused.getMessage()).contains("createSubscription in in-tx.xml::sub-in-tx::a: CREATE"
                    + " SUBSCRIPTION cannot run inside a transaction block; set runInTransaction=\"false\" on its changeset"),
                    refused.getMessage());

            replicaRunner.rollbackCount(replica, 1);
            assertEquals(List.of(), replica.query("SELECT subname FROM pg_subscription"));
            assertEquals(List.of(), shard.query("SELECT slot_name FROM pg_replication_slots"));
            replica.execute("DELETE FROM box2_schema.temperatures_2016");
            assertEquals(replicaBefore, Catalogs.snapshot(replica));
            shardRunner.rollbackCount(shard, 1);
            assertEquals(List.of(), shard.query("SELECT pubname FROM pg_publication"));
            assertEquals(shardBefore, Catalogs.snapshot(shard));
        } finally {
            publisher.stop();
        }
    }

    /** The rows of {@code sql} once there are {@code count} of them: replication applies asynchronously. */
    private static List<String> waitFor(TestDatabase db, String sql, int count) throws SQLException, InterruptedException {
        List<String> rows = db.query(sql);
        for (int i = 0; i < 600 && rows.size() < count; i++) {
            Thread.sleep(100);
            rows = db.query(sql);
        }
        return rows;
    }
}
