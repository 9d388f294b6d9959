package liquibase.ext.fdw.change.addshard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.ext.fdw.test.GoldenSql;
import liquibase.ext.fdw.test.Offline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** addShard without a server: the composed SQL, its reverse, validation, the secret password and format parity. */
class AddShardTest {
    private static final Database PG = GoldenSql.offlinePostgres(17);

    private static AddShardChange change() {
        AddShardChange change = new AddShardChange();
        change.setServerName("shard3");
        change.setHost("box3");
        change.setPort("5432");
        change.setDbname("shard3");
        change.setUser("user3");
        change.setPassword("s3cret");
        change.setRemoteSchema("box2_schema");
        change.setSchemaName("box1_schema");
        change.setTableName("temperatures");
        change.setPartitionName("temperatures_2018");
        change.setFrom("2018-01-01");
        change.setTo("2019-01-01");
        return change;
    }

    @Test
    void serverMappingImportAndAttachThenTheirReverse() throws Exception {
        AddShardChange change = change();
        assertEquals(List.of(
                "CREATE SERVER shard3 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'box3', port '5432', dbname 'shard3')",
                "CREATE USER MAPPING FOR CURRENT_USER SERVER shard3 OPTIONS (user 'user3', password 's3cret')",
                "IMPORT FOREIGN SCHEMA box2_schema LIMIT TO (temperatures_2018) FROM SERVER shard3 INTO box1_schema",
                "ALTER TABLE box1_schema.temperatures ATTACH PARTITION box1_schema.temperatures_2018 FOR VALUES FROM"
                        + " ('2018-01-01') TO ('2019-01-01')"), Offline.sql(change, PG));
        List<String> rollback = Offline.rollbackSql(change, PG);
        assertEquals(4, rollback.size());
        assertEquals("ALTER TABLE box1_schema.temperatures DETACH PARTITION box1_schema.temperatures_2018", rollback.get(0));
        assertTrue(rollback.get(1).contains("AND s.srvname = 'shard3' AND 'schema_name=box2_schema' = ANY (ft.ftoptions)"
                + " AND ARRAY['table_name=temperatures_2018']::text[] && ft.ftoptions"), rollback.get(1));
        assertEquals(List.of("DROP USER MAPPING FOR CURRENT_USER SERVER shard3", "DROP SERVER shard3"), rollback.subList(2, 4));
        String readme = Files.readString(Path.of("..", "README.md"));
        String shown = String.join(";\n", Offline.sql(change, PG)).replace("'s3cret'", "'********'") + ";\n-- rollback\n"
                + rollback.get(0) + ";\n";
        assertTrue(readme.contains(shown), shown);
        change.setMoveRowsFromDefault(true);
        assertTrue(Offline.rollbackSql(change, PG).get(0).startsWith("DO $fdw$"));
    }

    @Test
    void validationNamesAttributeValueAndFix() {
        AddShardChange change = new AddShardChange();
        change.setPort("54x");
        assertEquals(List.of(
                "addShard: attribute 'serverName' is required; set serverName to the name of the foreign server to create for the shard.",
                "addShard: attribute 'remoteSchema' is required; set remoteSchema to the shard's schema holding the partition's table.",
                "addShard: attribute 'tableName' is required; set tableName to the partitioned table that gets the shard's partition.",
                "addShard: attribute 'partitionName' is required; set partitionName to the shard's table, imported under that name.",
                "addShard: attribute 'schemaName' is required; set schemaName (or partitionSchemaName) to the local schema the"
                        + " shard's table is imported into.",
                "addShard: attribute 'port' is '54x', not a port number; set port to an integer between 1 and 65535.",
                "addShard: no bound; set from and to (range), values (list), modulus and remainder (hash) or isDefault=\"true\"."),
                change.validate(PG).getErrorMessages());
    }

    @Test
    void formatsAgreeAndThePasswordIsOutOfTheChecksum(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.xml"), String.join("\n",
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                "  <changeSet id=\"1\" author=\"a\">",
                "    <fdw:addShard serverName=\"shard3\" host=\"box3\" port=\"5432\" dbname=\"shard3\" user=\"user3\" password=\"${pw}\"",
                "        remoteSchema=\"box2_schema\" schemaName=\"box1_schema\" tableName=\"temperatures\" partitionName=\"temperatures_2018\"",
                "        from=\"2018-01-01\" to=\"2019-01-01\"/>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: 1",
                "      author: a",
                "      changes:",
                "        - addShard:",
                "            serverName: shard3",
                "            host: box3",
                "            port: 5432",
                "            dbname: shard3",
                "            user: user3",
                "            password: \"${pw}\"",
                "            remoteSchema: box2_schema",
                "            schemaName: box1_schema",
                "            tableName: temperatures",
                "            partitionName: temperatures_2018",
                "            from: \"2018-01-01\"",
                "            to: \"2019-01-01\"",
                ""));
        Files.writeString(dir.resolve("c.json"), String.join("\n",
                "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": [",
                "  {\"addShard\": {\"serverName\": \"shard3\", \"host\": \"box3\", \"port\": \"5432\", \"dbname\": \"shard3\","
                        + " \"user\": \"user3\", \"password\": \"${pw}\", \"remoteSchema\": \"box2_schema\", \"schemaName\": \"box1_schema\","
                        + " \"tableName\": \"temperatures\", \"partitionName\": \"temperatures_2018\", \"from\": \"2018-01-01\", \"to\": \"2019-01-01\"}}",
                "]}}]}", ""));
        ChangeSet xml = Offline.parse(dir, "c.xml", PG, Map.of("pw", "first")).get(0);
        List<String> sql = Offline.sql(xml, PG);
        assertEquals("CREATE USER MAPPING FOR CURRENT_USER SERVER shard3 OPTIONS (user 'user3', password 'first')", sql.get(1));
        assertEquals("9:8e4f9003af9bcb07bf1e012f28d0bce8", xml.generateCheckSum(ChecksumVersion.latest()).toString());
        for (String other : List.of("c.yaml", "c.json")) {
            ChangeSet parsed = Offline.parse(dir, other, PG, Map.of("pw", "first")).get(0);
            assertEquals(sql, Offline.sql(parsed, PG), other);
            assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), parsed.generateCheckSum(ChecksumVersion.latest()), other);
        }
        ChangeSet rotated = Offline.parse(dir, "c.xml", PG, Map.of("pw", "second")).get(0);
        assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), rotated.generateCheckSum(ChecksumVersion.latest()));
        assertTrue(!xml.getDescription().contains("first"), xml.getDescription());
    }
}
