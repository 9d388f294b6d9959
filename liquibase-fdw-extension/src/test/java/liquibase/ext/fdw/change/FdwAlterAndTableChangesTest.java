package liquibase.ext.fdw.change;

import static liquibase.ext.fdw.change.FdwChangesTest.changeSetSql;
import static liquibase.ext.fdw.change.FdwChangesTest.parse;
import static liquibase.ext.fdw.change.FdwChangesTest.postgres;
import static liquibase.ext.fdw.change.FdwChangesTest.rollbackSql;
import static liquibase.ext.fdw.change.FdwChangesTest.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.change.ColumnConfig;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.ext.fdw.change.alterforeignserver.AlterForeignServerChange;
import liquibase.ext.fdw.change.createforeignserver.CreateForeignServerChange;
import liquibase.ext.fdw.change.createforeigntable.CreateForeignTableChange;
import liquibase.ext.fdw.option.FdwOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alterForeignServer, alterUserMapping, createForeignTable and dropForeignTable without a database. */
class FdwAlterAndTableChangesTest {

    @Test
    void xmlYamlAndJsonGiveTheSameSqlAndChecksums(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.xml"), String.join("\n",
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                "  <changeSet id=\"1\" author=\"a\">",
                "    <fdw:alterForeignServer serverName=\"box2\" version=\"2\">",
                "      <fdw:option name=\"fetch_size\" value=\"500\" action=\"set\"/>",
                "      <fdw:option name=\"batch_size\" action=\"drop\"/>",
                "    </fdw:alterForeignServer>",
                "    <fdw:alterUserMapping userName=\"user1\" serverName=\"box2\" password=\"${pw}\"/>",
                "    <fdw:createForeignTable schemaName=\"l\" tableName=\"t\" serverName=\"box2\" remoteTableName=\"r\">",
                "      <column name=\"id\" type=\"int\"><constraints nullable=\"false\"/></column>",
                "      <column name=\"city\" type=\"text\" defaultValue=\"x\"/>",
                "      <fdw:option name=\"fetch_size\" value=\"10\"/>",
                "    </fdw:createForeignTable>",
                "    <fdw:dropForeignTable schemaName=\"l\" tableName=\"t\" ifExists=\"true\"/>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: 1",
                "      author: a",
                "      changes:",
                "        - alterForeignServer:",
                "            serverName: box2",
                "            version: 2",
                "            options:",
                "              - { name: fetch_size, value: \"500\", action: set }",
                "              - { name: batch_size, action: drop }",
                "        - alterUserMapping: { userName: user1, serverName: box2, password: \"${pw}\" }",
                "        - createForeignTable:",
                "            schemaName: l",
                "            tableName: t",
                "            serverName: box2",
                "            remoteTableName: r",
                "            columns:",
                "              - column: { name: id, type: int, constraints: { nullable: false } }",
                "              - column: { name: city, type: text, defaultValue: x }",
                "            options: [ { name: fetch_size, value: \"10\" } ]",
                "        - dropForeignTable: { schemaName: l, tableName: t, ifExists: true }",
                ""));
        Files.writeString(dir.resolve("c.json"), String.join("\n",
                "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": [",
                "  {\"alterForeignServer\": {\"serverName\": \"box2\", \"version\": \"2\", \"options\": [",
                "    {\"name\": \"fetch_size\", \"value\": \"500\", \"action\": \"set\"}, {\"name\": \"batch_size\", \"action\": \"drop\"}]}},",
                "  {\"alterUserMapping\": {\"userName\": \"user1\", \"serverName\": \"box2\", \"password\": \"${pw}\"}},",
                "  {\"createForeignTable\": {\"schemaName\": \"l\", \"tableName\": \"t\", \"serverName\": \"box2\", \"remoteTableName\": \"r\",",
                "    \"columns\": [{\"column\": {\"name\": \"id\", \"type\": \"int\", \"constraints\": {\"nullable\": false}}},",
                "                {\"column\": {\"name\": \"city\", \"type\": \"text\", \"defaultValue\": \"x\"}}],",
                "    \"options\": [{\"name\": \"fetch_size\", \"value\": \"10\"}]}},",
                "  {\"dropForeignTable\": {\"schemaName\": \"l\", \"tableName\": \"t\", \"ifExists\": true}}",
                "]}}]}", ""));
        Database database = postgres(17);
        ChangeSet xml = parse(dir, "c.xml", database, "first-secret");
        List<String> expected = List.of(
                "ALTER SERVER box2 VERSION '2' OPTIONS (SET fetch_size '500', DROP batch_size)",
                "ALTER USER MAPPING FOR user1 SERVER box2 OPTIONS (SET password 'first-secret')",
                "CREATE FOREIGN TABLE l.t (id INTEGER NOT NULL, city TEXT DEFAULT 'x') SERVER box2"
                        + " OPTIONS (table_name 'r', fetch_size '10')",
                "DROP FOREIGN TABLE IF EXISTS l.t");
        assertEquals(expected, changeSetSql(xml, database));
        for (String other : new String[] {"c.yaml", "c.json"}) {
            ChangeSet parsed = parse(dir, other, database, "first-secret");
            assertEquals(expected, changeSetSql(parsed, database), other);
            assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), parsed.generateCheckSum(ChecksumVersion.latest()), other);
        }
        ChangeSet rotated = parse(dir, "c.xml", database, "second-secret");
        assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), rotated.generateCheckSum(ChecksumVersion.latest()));
        assertFalse(xml.getDescription().contains("first-secret"));
        assertNotEquals(changeSetSql(xml, database), changeSetSql(rotated, database));
    }

    @Test
    void addOnlyAlterRollsBackByDroppingTheOptions() throws Exception {
        AlterForeignServerChange change = new AlterForeignServerChange();
        change.setServerName("box2");
        change.setOptions(List.of(new FdwOption("fetch_size", "5"), FdwOption.withAction("use_remote_estimate", "true", "ADD")));
        assertEquals(List.of("ALTER SERVER box2 OPTIONS (DROP fetch_size, DROP use_remote_estimate)"),
                rollbackSql(change, postgres(17)));
        assertEquals(true, change.supportsRollback(postgres(17)));
        change.setVersion("3");
        assertEquals(false, change.supportsRollback(postgres(17)));
    }

    @Test
    void validationNamesChangeAttributeValueAndFix() {
        Database database = postgres(17);
        AlterForeignServerChange alter = new AlterForeignServerChange();
        alter.setServerName("box2");
        alter.setOptions(List.of(FdwOption.withAction("fetch_size", "1", "replace"), FdwOption.withAction("port", null, "set")));
        assertEquals(List.of("alterForeignServer: option 'fetch_size' has action 'replace'; use add, set or drop.",
                "alterForeignServer: option 'port' has no value; add value=\"...\"."), alter.validate(database).getErrorMessages());

        CreateForeignServerChange create = new CreateForeignServerChange();
        create.setServerName("box2");
        create.setOptions(List.of(FdwOption.withAction("fetch_size", "1", "drop")));
        assertEquals(List.of("createForeignServer: option 'fetch_size' has action 'drop', but only alterForeignServer and"
                + " alterUserMapping take option actions; remove action=\"drop\"."), create.validate(database).getErrorMessages());

        CreateForeignTableChange table = new CreateForeignTableChange();
        table.setTableName("t");
        table.setServerName("box2");
        ColumnConfig untyped = new ColumnConfig();
        untyped.setName("id");
        untyped.setAutoIncrement(true);
        table.addColumn(untyped);
        table.setOptions(List.of(new FdwOption("keep_connections", "on")));
        assertEquals(List.of("createForeignTable: column 'id' has no type; add type=\"...\" (e.g. type=\"date\").",
                "createForeignTable: column 'id' has autoIncrement, which a foreign table cannot have; remove it (the"
                        + " remote table generates its values).",
                "createForeignTable: option 'keep_connections' is a postgres_fdw foreign server option, not a foreign"
                        + " table option; set it with createForeignServer or alterForeignServer."),
                table.validate(database).getErrorMessages());

        CreateForeignTableChange empty = new CreateForeignTableChange();
        empty.setServerName("box2");
        assertEquals(List.of("createForeignTable: attribute 'tableName' is required; set tableName to the name of the"
                + " foreign table to create.", "createForeignTable: no columns; add <column name=\"...\" type=\"...\"/> per"
                + " remote column."), empty.validate(database).getErrorMessages());
    }

    @Test
    void passwordsTooShortToMaskAreRefusedInEveryForm() {
        Database database = postgres(17);
        var alter = new liquibase.ext.fdw.change.alterusermapping.AlterUserMappingChange();
        alter.setUserName("CURRENT_USER");
        alter.setServerName("box2");
        alter.setPassword("abc");
        alter.setOptions(List.of(FdwOption.withAction("sslpassword", "", "set"), FdwOption.withAction("sslpassword", null, "drop")));
        String tooShort = " is shorter than 4 characters, too short to be masked in logs, SQL output and error messages"
                + " without masking ordinary words; use a value of 4 characters or more.";
        assertEquals(List.of("alterUserMapping: option 'password'" + tooShort,
                "alterUserMapping: option 'sslpassword'" + tooShort,
                "alterUserMapping: option 'sslpassword' is given twice; keep one."), alter.validate(database).getErrorMessages());

        var create = new liquibase.ext.fdw.change.createusermapping.CreateUserMappingChange();
        create.setUserName("CURRENT_USER");
        create.setServerName("box2");
        create.setPassword("pw");
        assertEquals(List.of("createUserMapping: option 'password'" + tooShort), create.validate(database).getErrorMessages());
        create.setPassword("abcd");
        assertEquals(List.of(), create.validate(database).getErrorMessages());
    }

    @Test
    void passwordShorthandSetsThePassword() {
        var change = new liquibase.ext.fdw.change.alterusermapping.AlterUserMappingChange();
        change.setUserName("CURRENT_USER");
        change.setServerName("box2");
        change.setPassword("pa'ss");
        assertEquals(List.of("ALTER USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (SET password 'pa''ss')"),
                sql(change, postgres(17)));
    }
}
