package liquibase.ext.fdw.change;

import static liquibase.ext.fdw.change.FdwChangesTest.changeSetSql;
import static liquibase.ext.fdw.change.FdwChangesTest.parse;
import static liquibase.ext.fdw.change.FdwChangesTest.postgres;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partitioning change types give the same SQL and checksums from XML, YAML and JSON. */
class PartitionChangesFormatTest {

    @Test
    void xmlYamlAndJsonGiveTheSameSqlAndChecksums(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.xml"), String.join("\n",
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                "  <changeSet id=\"1\" author=\"a\">",
                "    <fdw:createPartitionedTable tableName=\"t\" partitionStrategy=\"LIST\" partitionKey=\"city\">",
                "      <column name=\"city\" type=\"text\"><constraints nullable=\"false\"/></column>",
                "    </fdw:createPartitionedTable>",
                "    <fdw:createPartition tableName=\"t_a\" parentTableName=\"t\" values=\"'a,b', NULL\"/>",
                "    <fdw:attachListPartition tableName=\"t\" partitionName=\"t_c\" values=\"c\"/>",
                "    <fdw:attachHashPartition tableName=\"h\" partitionName=\"h_0\" modulus=\"2\" remainder=\"0\"/>",
                "    <fdw:attachDefaultPartition tableName=\"t\" partitionName=\"t_d\"/>",
                "    <fdw:detachPartition tableName=\"t\" partitionName=\"t_c\" values=\"c\"/>",
                "    <fdw:createRangePartitions tableName=\"r\" from=\"0\" to=\"20\" interval=\"10\" namePattern=\"r_{n}\"/>",
                "    <fdw:attachRangePartition tableName=\"r\" partitionName=\"r_x\" from=\"20\" to=\"MAXVALUE\"/>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: 1",
                "      author: a",
                "      changes:",
                "        - createPartitionedTable:",
                "            tableName: t",
                "            partitionStrategy: LIST",
                "            partitionKey: city",
                "            columns:",
                "              - column: { name: city, type: text, constraints: { nullable: false } }",
                "        - createPartition: { tableName: t_a, parentTableName: t, values: \"'a,b', NULL\" }",
                "        - attachListPartition: { tableName: t, partitionName: t_c, values: c }",
                "        - attachHashPartition: { tableName: h, partitionName: h_0, modulus: 2, remainder: 0 }",
                "        - attachDefaultPartition: { tableName: t, partitionName: t_d }",
                "        - detachPartition: { tableName: t, partitionName: t_c, values: c }",
                "        - createRangePartitions: { tableName: r, from: 0, to: 20, interval: 10, namePattern: \"r_{n}\" }",
                "        - attachRangePartition: { tableName: r, partitionName: r_x, from: 20, to: MAXVALUE }",
                ""));
        Files.writeString(dir.resolve("c.json"), String.join("\n",
                "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": [",
                "  {\"createPartitionedTable\": {\"tableName\": \"t\", \"partitionStrategy\": \"LIST\", \"partitionKey\": \"city\",",
                "    \"columns\": [{\"column\": {\"name\": \"city\", \"type\": \"text\", \"constraints\": {\"nullable\": false}}}]}},",
                "  {\"createPartition\": {\"tableName\": \"t_a\", \"parentTableName\": \"t\", \"values\": \"'a,b', NULL\"}},",
                "  {\"attachListPartition\": {\"tableName\": \"t\", \"partitionName\": \"t_c\", \"values\": \"c\"}},",
                "  {\"attachHashPartition\": {\"tableName\": \"h\", \"partitionName\": \"h_0\", \"modulus\": \"2\", \"remainder\": \"0\"}},",
                "  {\"attachDefaultPartition\": {\"tableName\": \"t\", \"partitionName\": \"t_d\"}},",
                "  {\"detachPartition\": {\"tableName\": \"t\", \"partitionName\": \"t_c\", \"values\": \"c\"}},",
                "  {\"createRangePartitions\": {\"tableName\": \"r\", \"from\": \"0\", \"to\": \"20\", \"interval\": \"10\", \"namePattern\": \"r_{n}\"}},",
                "  {\"attachRangePartition\": {\"tableName\": \"r\", \"partitionName\": \"r_x\", \"from\": \"20\", \"to\": \"MAXVALUE\"}}",
                "]}}]}", ""));
        Database database = postgres(17);
        ChangeSet xml = parse(dir, "c.xml", database, "unused");
        List<String> expected = List.of(
                "CREATE TABLE t (city TEXT NOT NULL) PARTITION BY LIST (city)",
                "CREATE TABLE t_a PARTITION OF t FOR VALUES IN ('a,b', NULL)",
                "ALTER TABLE t ATTACH PARTITION t_c FOR VALUES IN ('c')",
                "ALTER TABLE h ATTACH PARTITION h_0 FOR VALUES WITH (MODULUS 2, REMAINDER 0)",
                "ALTER TABLE t ATTACH PARTITION t_d DEFAULT",
                "ALTER TABLE t DETACH PARTITION t_c",
                "CREATE TABLE r_1 PARTITION OF r FOR VALUES FROM ('0') TO ('10')",
                "CREATE TABLE r_2 PARTITION OF r FOR VALUES FROM ('10') TO ('20')",
                "ALTER TABLE r ATTACH PARTITION r_x FOR VALUES FROM ('20') TO (MAXVALUE)");
        assertEquals(expected, changeSetSql(xml, database));
        for (String other : new String[] {"c.yaml", "c.json"}) {
            ChangeSet parsed = parse(dir, other, database, "unused");
            assertEquals(expected, changeSetSql(parsed, database), other);
            assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), parsed.generateCheckSum(ChecksumVersion.latest()), other);
        }
    }
}
