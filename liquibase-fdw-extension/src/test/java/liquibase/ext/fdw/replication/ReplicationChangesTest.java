package liquibase.ext.fdw.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.ext.fdw.change.alterpublication.AlterPublicationChange;
import liquibase.ext.fdw.change.altersubscription.AlterSubscriptionChange;
import liquibase.ext.fdw.change.createpublication.CreatePublicationChange;
import liquibase.ext.fdw.change.createsubscription.CreateSubscriptionChange;
import liquibase.ext.fdw.change.dropsubscription.DropSubscriptionChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.test.GoldenSql;
import liquibase.ext.fdw.test.Offline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publication and subscription change types without a server: SQL, inverses, validation, secrets and formats. */
class ReplicationChangesTest {
    private static final Database PG = GoldenSql.offlinePostgres(17);

    @Test
    void publicationsAndTheirInverses() throws Exception {
        CreatePublicationChange create = new CreatePublicationChange();
        create.setName("shard1_pub");
        create.setTables("box2_schema.temperatures_2016, Other");
        create.setPublish("INSERT,update");
        create.setPublishViaPartitionRoot(true);
        assertEquals(List.of("CREATE PUBLICATION shard1_pub FOR TABLE box2_schema.temperatures_2016, \"Other\" WITH"
                + " (publish = 'insert, update', publish_via_partition_root = true)"), Offline.sql(create, PG));
        assertEquals(List.of("DROP PUBLICATION shard1_pub"), Offline.rollbackSql(create, PG));
        CreatePublicationChange all = new CreatePublicationChange();
        all.setName("everything");
        all.setAllTables(true);
        assertEquals(List.of("CREATE PUBLICATION everything FOR ALL TABLES"), Offline.sql(all, PG));

        AlterPublicationChange alter = new AlterPublicationChange();
        alter.setName("shard1_pub");
        alter.setAddTables("t2017");
        alter.setDropTables("t2015");
        assertEquals(List.of("ALTER PUBLICATION shard1_pub ADD TABLE t2017", "ALTER PUBLICATION shard1_pub DROP TABLE t2015"),
                Offline.sql(alter, PG));
        assertEquals(List.of("ALTER PUBLICATION shard1_pub ADD TABLE t2015", "ALTER PUBLICATION shard1_pub DROP TABLE t2017"),
                Offline.rollbackSql(alter, PG));
        AlterPublicationChange publish = new AlterPublicationChange();
        publish.setName("shard1_pub");
        publish.setPublish("insert");
        assertEquals(List.of("ALTER PUBLICATION shard1_pub SET (publish = 'insert')"), Offline.sql(publish, PG));
        assertTrue(!publish.supportsRollback(PG));
    }

    @Test
    void subscriptionsQuoteTheConnectionAndOptions() throws Exception {
        CreateSubscriptionChange create = new CreateSubscriptionChange();
        create.setName("replica");
        create.setHost("box2");
        create.setPort("5432");
        create.setDbname("shard 1");
        create.setUser("rep");
        create.setPassword("it's");
        create.setPublications("shard1_pub, more");
        create.setOptions(List.of(new FdwOption("copy_data", "true"), new FdwOption("slot_name", "replica_slot")));
        assertEquals(List.of("CREATE SUBSCRIPTION replica CONNECTION E'host=box2 port=5432 dbname=''shard 1'' user=rep"
                + " password=''it\\\\''s''' PUBLICATION shard1_pub, more WITH (copy_data = 'true', slot_name = 'replica_slot')"),
                Offline.sql(create, PG));
        assertEquals(List.of("DROP SUBSCRIPTION replica"), Offline.rollbackSql(create, PG));

        AlterSubscriptionChange alter = new AlterSubscriptionChange();
        alter.setName("replica");
        alter.setEnabled(false);
        alter.setPublications("p2");
        alter.setOptions(List.of(new FdwOption("binary", "true")));
        assertEquals(List.of("ALTER SUBSCRIPTION replica SET (binary = 'true')", "ALTER SUBSCRIPTION replica SET PUBLICATION p2",
                "ALTER SUBSCRIPTION replica DISABLE"), Offline.sql(alter, PG));
    }

    @Test
    void validationNamesAttributeValueAndFix() {
        CreatePublicationChange both = new CreatePublicationChange();
        both.setName("p");
        both.setTables("a,,b");
        both.setAllTables(true);
        both.setPublish("insert, upsert");
        assertEquals(List.of(
                "createPublication: attributes 'tables' and 'allTables' exclude each other; keep tables to publish the listed"
                        + " tables, or allTables=\"true\" for all of them.",
                "createPublication: attribute 'tables' is 'a,,b', which holds an empty name; separate the tables by single commas.",
                "createPublication: attribute 'publish' is 'insert, upsert', and 'upsert' is not an action; use a"
                        + " comma-separated subset of insert, update, delete, truncate."),
                both.validate(PG).getErrorMessages());
        CreateSubscriptionChange sub = new CreateSubscriptionChange();
        sub.setOptions(List.of(new FdwOption("failover", "true"), new FdwOption("copydata", "false")));
        assertEquals(List.of(
                "createSubscription: attribute 'name' is required; set name to the subscription to create.",
                "createSubscription: attribute 'publications' is required; set publications to the publisher's publications,"
                        + " comma-separated.",
                "createSubscription: option 'failover' needs PostgreSQL 17 or later, the database is PostgreSQL 16; remove the"
                        + " option or upgrade the server.",
                "createSubscription: option 'copydata' is not a subscription option; valid options are connect, create_slot,"
                        + " enabled, slot_name, binary, copy_data, streaming, synchronous_commit, two_phase, disable_on_error,"
                        + " origin, password_required, run_as_owner."),
                sub.validate(GoldenSql.offlinePostgres(16)).getErrorMessages());
        AlterSubscriptionChange alter = new AlterSubscriptionChange();
        alter.setName("s");
        alter.setOptions(List.of(new FdwOption("enabled", "false")));
        assertEquals(List.of("alterSubscription: option 'enabled' is only taken by CREATE SUBSCRIPTION; use the attribute enabled."),
                alter.validate(PG).getErrorMessages());
    }

    @Test
    void refusedInATransactionAndThePasswordIsOutOfTheChecksum(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.xml"), String.join("\n",
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                "  <changeSet id=\"sub\" author=\"a\" runInTransaction=\"false\">",
                "    <fdw:createSubscription name=\"replica\" host=\"box2\" port=\"5432\" dbname=\"shard1\" user=\"rep\" password=\"${pw}\"",
                "        publications=\"shard1_pub\">",
                "      <fdw:option name=\"copy_data\" value=\"true\"/>",
                "    </fdw:createSubscription>",
                "  </changeSet>",
                "  <changeSet id=\"in-tx\" author=\"a\">",
                "    <fdw:dropSubscription name=\"replica\"/>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: sub",
                "      author: a",
                "      runInTransaction: false",
                "      changes:",
                "        - createSubscription:",
                "            name: replica",
                "            host: box2",
                "            port: 5432",
                "            dbname: shard1",
                "            user: rep",
                "            password: \"${pw}\"",
                "            publications: shard1_pub",
                "            options: [ { name: copy_data, value: \"true\" } ]",
                ""));
        Files.writeString(dir.resolve("c.json"), String.join("\n",
                "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"sub\", \"author\": \"a\", \"runInTransaction\": false, \"changes\": [",
                "  {\"createSubscription\": {\"name\": \"replica\", \"host\": \"box2\", \"port\": \"5432\", \"dbname\": \"shard1\","
                        + " \"user\": \"rep\", \"password\": \"${pw}\", \"publications\": \"shard1_pub\","
                        + " \"options\": [{\"name\": \"copy_data\", \"value\": \"true\"}]}}",
                "]}}]}", ""));
        List<ChangeSet> xml = Offline.parse(dir, "c.xml", PG, Map.of("pw", "first"));
        assertEquals(List.of("CREATE SUBSCRIPTION replica CONNECTION 'host=box2 port=5432 dbname=shard1 user=rep password=first'"
                + " PUBLICATION shard1_pub WITH (copy_data = 'true')"), Offline.sql(xml.get(0), PG));
        assertTrue(!xml.get(0).getChanges().get(0).validate(PG).hasErrors());
        assertEquals(List.of("dropSubscription in c.xml::in-tx::a: DROP SUBSCRIPTION cannot run inside a transaction block;"
                + " set runInTransaction=\"false\" on its changeset (and keep the change alone in it)."),
                xml.get(1).getChanges().get(0).validate(PG).getErrorMessages());
        assertEquals("9:a990a9f483c2c0fd2a835f4fa8ac36be", xml.get(0).generateCheckSum(ChecksumVersion.latest()).toString());
        for (String other : List.of("c.yaml", "c.json")) {
            ChangeSet parsed = Offline.parse(dir, other, PG, Map.of("pw", "first")).get(0);
            assertEquals(Offline.sql(xml.get(0), PG), Offline.sql(parsed, PG), other);
            assertEquals(xml.get(0).generateCheckSum(ChecksumVersion.latest()), parsed.generateCheckSum(ChecksumVersion.latest()), other);
        }
        ChangeSet rotated = Offline.parse(dir, "c.xml", PG, Map.of("pw", "second")).get(0);
        assertEquals(xml.get(0).generateCheckSum(ChecksumVersion.latest()), rotated.generateCheckSum(ChecksumVersion.latest()));
        assertNull(xml.get(0).getDescription().contains("first") ? "description shows the password" : null);
    }
}
