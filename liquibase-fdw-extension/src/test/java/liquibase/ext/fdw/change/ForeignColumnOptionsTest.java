package liquibase.ext.fdw.change;

import static liquibase.ext.fdw.change.FdwChangesTest.changeSetSql;
import static liquibase.ext.fdw.change.FdwChangesTest.parse;
import static liquibase.ext.fdw.change.FdwChangesTest.postgres;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.change.ColumnConfig;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.ChangeLogParseException;
import liquibase.ext.fdw.change.createforeigntable.CreateForeignTableChange;
import liquibase.ext.fdw.change.createforeigntable.ForeignColumnConfig;
import liquibase.ext.fdw.test.Changelogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A createForeignTable column's remoteColumnName (postgres_fdw's column option column_name): the same SQL and
 * checksum from XML, YAML and JSON, checksums of columns without it unchanged, and refusals that name the column.
 */
class ForeignColumnOptionsTest {
    private static final String XML_HEADER = String.join("\n",
            Changelogs.XML_OPEN,
            "  <changeSet id=\"1\" author=\"a\">", "");
    private static final String XML_FOOTER = "\n  </changeSet>\n</databaseChangeLog>\n";

    @TempDir
    Path dir;

    @Test
    void xmlYamlAndJsonGiveTheSameColumnOptionsSqlAndChecksum() throws Exception {
        Files.writeString(dir.resolve("c.xml"), XML_HEADER + String.join("\n",
                "    <fdw:createForeignTable tableName=\"temps\" serverName=\"box2\">",
                "      <column name=\"town\" type=\"text\" fdw:remoteColumnName=\"City Name\"><constraints nullable=\"false\"/></column>",
                "      <column name=\"temp\" type=\"numeric\" fdw:remoteColumnName=\"it's\"/>",
                "      <column name=\"id\" type=\"int\"/>",
                "    </fdw:createForeignTable>") + XML_FOOTER);
        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: 1",
                "      author: a",
                "      changes:",
                "        - createForeignTable:",
                "            tableName: temps",
                "            serverName: box2",
                "            columns:",
                "              - column: { name: town, type: text, remoteColumnName: City Name, constraints: { nullable: false } }",
                "              - column: { name: temp, type: numeric, remoteColumnName: \"it's\" }",
                "              - column: { name: id, type: int }",
                ""));
        Files.writeString(dir.resolve("c.json"), String.join("\n",
                "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": [",
                "  {\"createForeignTable\": {\"tableName\": \"temps\", \"serverName\": \"box2\", \"columns\": [",
                "    {\"column\": {\"name\": \"town\", \"type\": \"text\", \"remoteColumnName\": \"City Name\", \"constraints\": {\"nullable\": false}}},",
                "    {\"column\": {\"name\": \"temp\", \"type\": \"numeric\", \"remoteColumnName\": \"it's\"}},",
                "    {\"column\": {\"name\": \"id\", \"type\": \"int\"}}]}}",
                "]}}]}", ""));
        Database database = postgres(17);
        List<String> expected = List.of("CREATE FOREIGN TABLE temps (town TEXT OPTIONS (column_name 'City Name') NOT NULL,"
                + " temp numeric OPTIONS (column_name 'it''s'), id INTEGER) SERVER box2");
        ChangeSet xml = parse(dir, "c.xml", database, "");
        assertEquals(expected, changeSetSql(xml, database));
        assertEquals(List.of(), xml.getChanges().get(0).validate(database).getErrorMessages());
        assertEquals("9:a915d5ec6aa9f125ec54cb6dae9f6794", xml.generateCheckSum(ChecksumVersion.latest()).toString());
        for (String other : new String[] {"c.yaml", "c.json"}) {
            ChangeSet parsed = parse(dir, other, database, "");
            assertEquals(expected, changeSetSql(parsed, database), other);
            assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), parsed.generateCheckSum(ChecksumVersion.latest()), other);
        }
    }

    @Test
    void columnsWithoutRemoteNameKeepTheirChecksum() throws Exception {
        Files.writeString(dir.resolve("plain.xml"), XML_HEADER + String.join("\n",
                "    <fdw:createForeignTable tableName=\"temps\" serverName=\"box2\">",
                "      <column name=\"town\" type=\"text\"/>",
                "    </fdw:createForeignTable>") + XML_FOOTER);
        ChangeSet parsed = parse(dir, "plain.xml", postgres(17), "");
        assertEquals(ForeignColumnConfig.class, ((CreateForeignTableChange) parsed.getChanges().get(0)).getColumns().get(0).getClass());

        CreateForeignTableChange inCode = new CreateForeignTableChange();
        inCode.setTableName("temps");
        inCode.setServerName("box2");
        ColumnConfig column = new ColumnConfig();
        column.setName("town");
        column.setType("text");
        inCode.addColumn(column);
        // A changelog column is now a ForeignColumnConfig; without remoteColumnName it sums as core's column did.
        assertEquals(inCode.generateCheckSum().toString(), parsed.getChanges().get(0).generateCheckSum().toString());
    }

    @Test
    void refusalsNameTheColumn() throws Exception {
        Files.writeString(dir.resolve("typo.xml"), XML_HEADER + String.join("\n",
                "    <fdw:createForeignTable tableName=\"temps\" serverName=\"box2\">",
                "      <column name=\"town\" type=\"text\" fdw:remoteColumName=\"city\"/>",
                "    </fdw:createForeignTable>") + XML_FOOTER);
        // The XSD lets core's <column> carry any fdw: attribute; core's column loader refuses the unknown one.
        ChangeLogParseException e = assertThrows(ChangeLogParseException.class, () -> parse(dir, "typo.xml", postgres(17), ""));
        assertTrue(e.getMessage().endsWith("Unexpected node: remoteColumName"), e.getMessage());

        Files.writeString(dir.resolve("blank.xml"), XML_HEADER + String.join("\n",
                "    <fdw:createForeignTable tableName=\"temps\" serverName=\"box2\">",
                "      <column name=\"temp\" type=\"numeric\" fdw:remoteColumnName=\" \"/>",
                "    </fdw:createForeignTable>") + XML_FOOTER);
        Database database = postgres(17);
        ChangeSet parsed = parse(dir, "blank.xml", database, "");
        assertEquals(List.of("createForeignTable in blank.xml::1::a: column 'temp' option 'column_name' has no value;"
                + " give the remote column's name."), parsed.getChanges().get(0).validate(database).getErrorMessages());
    }

    @Test
    void readmeExampleSqlIsWhatTheChangeGenerates() throws Exception {
        Files.writeString(dir.resolve("readme.xml"), XML_HEADER + String.join("\n",
                "    <fdw:createForeignTable tableName=\"temps\" serverName=\"box2\" remoteTableName=\"remote_temps\">",
                "      <column name=\"id\" type=\"int\"/>",
                "      <column name=\"town\" type=\"text\" fdw:remoteColumnName=\"City Name\"><constraints nullable=\"false\"/></column>",
                "    </fdw:createForeignTable>") + XML_FOOTER);
        Database database = postgres(17);
        String sql = String.join("\n", changeSetSql(parse(dir, "readme.xml", database, ""), database));
        assertTrue(Files.readString(Path.of("..", "README.md")).contains("```sql\n" + sql + "\n-- rollback\nDROP FOREIGN TABLE temps\n```"), sql);
    }
}
