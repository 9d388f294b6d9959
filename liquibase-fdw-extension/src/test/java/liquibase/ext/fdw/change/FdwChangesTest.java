package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.OfflineConnection;
import liquibase.database.core.H2Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.ext.fdw.change.createforeignserver.CreateForeignServerChange;
import liquibase.ext.fdw.change.importforeignschema.ImportForeignSchemaChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated SQL, validation messages and format parity of the FDW change types, without a database. */
class FdwChangesTest {

    static Database postgres(int major) {
        PostgresDatabase database = new PostgresDatabase();
        database.setConnection(new OfflineConnection("offline:postgresql?version=" + major + ".0",
                new ClassLoaderResourceAccessor()));
        return database;
    }

    static List<String> sql(Change change, Database database) {
        List<String> out = new ArrayList<>();
        for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
            out.add(sql.toSql());
        }
        return out;
    }

    static List<String> rollbackSql(Change change, Database database) throws Exception {
        List<String> out = new ArrayList<>();
        for (var statement : change.generateRollbackStatements(database)) {
            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                out.add(sql.toSql());
            }
        }
        return out;
    }

    @Test
    void foreignServerSqlQuotesNamesAndEscapesLiterals() {
        CreateForeignServerChange change = new CreateForeignServerChange();
        change.setServerName("Box 2\"x");
        change.setHost("box2");
        change.setPort("5432");
        change.setOptions(List.of(new FdwOption("application_name", "it's \\ ü;")));
        change.setIfNotExists(true);
        assertEquals(List.of("CREATE SERVER IF NOT EXISTS \"Box 2\"\"x\" FOREIGN DATA WRAPPER postgres_fdw"
                + " OPTIONS (host 'box2', port '5432', application_name E'it''s \\\\ ü;')"), sql(change, postgres(17)));
    }

    @Test
    void validationNamesChangeAttributeValueAndFix() {
        CreateForeignServerChange change = new CreateForeignServerChange();
        change.setPort("54x");
        change.setOptions(List.of(new FdwOption("batch_size", "10"), new FdwOption("batch_sise", "10")));
        assertEquals(List.of(
                "createForeignServer: attribute 'serverName' is required; set serverName to the name of the foreign server to create.",
                "createForeignServer: attribute 'port' is '54x', not a port number; set port to an integer between 1 and 65535.",
                "createForeignServer: option 'batch_size' needs PostgreSQL 14 or later, the database is PostgreSQL 13; remove the option or upgrade the server.",
                "createForeignServer: option 'batch_sise' is not a postgres_fdw foreign server option; valid options are "
                        + String.join(", ", liquibase.ext.fdw.option.PostgresFdwOptions.SERVER.names(13)) + "."),
                change.validate(postgres(13)).getErrorMessages());
    }

    @Test
    void importRefusesLimitToWithExcept() {
        ImportForeignSchemaChange change = new ImportForeignSchemaChange();
        change.setServerName("box2");
        change.setRemoteSchema("box2_schema");
        change.setLocalSchema("box1_schema");
        change.setLimitTo("a");
        change.setExcept("b");
        assertEquals(List.of("importForeignSchema: attributes 'limitTo' and 'except' exclude each other; keep limitTo"
                + " to import only the listed tables, or except to import all others."),
                change.validate(postgres(17)).getErrorMessages());
    }

    @Test
    void refusesOtherDatabases() {
        CreateForeignServerChange change = new CreateForeignServerChange();
        change.setServerName("box2");
        assertEquals(List.of("createForeignServer is not supported on h2"), change.validate(new H2Database()).getErrorMessages());
    }

    @Test
    void importRollbackDropsOnlyTheImportedTables() throws Exception {
        ImportForeignSchemaChange change = new ImportForeignSchemaChange();
        change.setServerName("box2");
        change.setRemoteSchema("box2_schema");
        change.setLocalSchema("box1_schema");
        change.setLimitTo("t_2016, t_2017");
        assertEquals(List.of("IMPORT FOREIGN SCHEMA box2_schema LIMIT TO (t_2016, t_2017) FROM SERVER box2 INTO box1_schema"),
                sql(change, postgres(17)));
        assertEquals(List.of("DO $fdw$ DECLARE r record; BEGIN FOR r IN SELECT ft.ftrelid::regclass AS t FROM pg_foreign_table ft"
                + " JOIN pg_class c ON c.oid = ft.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE n.nspname = 'box1_schema' AND s.srvname = 'box2'"
                + " AND 'schema_name=box2_schema' = ANY (ft.ftoptions)"
                + " AND ARRAY['table_name=t_2016', 'table_name=t_2017']::text[] && ft.ftoptions"
                + " LOOP EXECUTE 'DROP FOREIGN TABLE ' || r.t; END LOOP; END $fdw$"), rollbackSql(change, postgres(17)));
    }

    @Test
    void xmlYamlAndJsonGiveTheSameSqlAndChecksums(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.xml"), String.join("\n",
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                "  <changeSet id=\"1\" author=\"a\">",
                "    <fdw:createExtension name=\"postgres_fdw\" ifNotExists=\"true\"/>",
                "    <fdw:createForeignServer serverName=\"box2\" host=\"h\" port=\"5432\" dbname=\"d\">",
                "      <fdw:option name=\"async_capable\" value=\"true\"/>",
                "      <fdw:option name=\"batch_size\" value=\"1000\"/>",
                "    </fdw:createForeignServer>",
                "    <fdw:createUserMapping userName=\"user1\" serverName=\"box2\" user=\"user2\" password=\"${pw}\"/>",
                "    <fdw:importForeignSchema serverName=\"box2\" remoteSchema=\"r\" localSchema=\"l\" limitTo=\"t1, t2\">",
                "      <fdw:option name=\"import_default\" value=\"true\"/>",
                "    </fdw:importForeignSchema>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: 1",
                "      author: a",
                "      changes:",
                "        - createExtension: { name: postgres_fdw, ifNotExists: true }",
                "        - createForeignServer:",
                "            serverName: box2",
                "            host: h",
                "            port: 5432",
                "            dbname: d",
                "            options:",
                "              - { name: async_capable, value: \"true\" }",
                "              - { value: \"1000\", name: batch_size }",
                "        - createUserMapping: { userName: user1, serverName: box2, user: user2, password: \"${pw}\" }",
                "        - importForeignSchema:",
                "            serverName: box2",
                "            remoteSchema: r",
                "            localSchema: l",
                "            limitTo: t1, t2",
                "            options: [ { name: import_default, value: \"true\" } ]",
                ""));
        Files.writeString(dir.resolve("c.json"), String.join("\n",
                "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": [",
                "  {\"createExtension\": {\"name\": \"postgres_fdw\", \"ifNotExists\": true}},",
                "  {\"createForeignServer\": {\"serverName\": \"box2\", \"host\": \"h\", \"port\": \"5432\", \"dbname\": \"d\",",
                "    \"options\": [{\"name\": \"async_capable\", \"value\": \"true\"}, {\"name\": \"batch_size\", \"value\": \"1000\"}]}},",
                "  {\"createUserMapping\": {\"userName\": \"user1\", \"serverName\": \"box2\", \"user\": \"user2\", \"password\": \"${pw}\"}},",
                "  {\"importForeignSchema\": {\"serverName\": \"box2\", \"remoteSchema\": \"r\", \"localSchema\": \"l\", \"limitTo\": \"t1, t2\",",
                "    \"options\": [{\"name\": \"import_default\", \"value\": \"true\"}]}}",
                "]}}]}", ""));
        Database database = postgres(17);
        ChangeSet xml = parse(dir, "c.xml", database, "first-secret");
        List<String> expected = List.of(
                "CREATE EXTENSION IF NOT EXISTS postgres_fdw",
                "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'h', port '5432', dbname 'd',"
                        + " async_capable 'true', batch_size '1000')",
                "CREATE USER MAPPING FOR user1 SERVER box2 OPTIONS (user 'user2', password 'first-secret')",
                "IMPORT FOREIGN SCHEMA r LIMIT TO (t1, t2) FROM SERVER box2 INTO l OPTIONS (import_default 'true')");
        assertEquals(expected, changeSetSql(xml, database));
        for (String other : new String[] {"c.yaml", "c.json"}) {
            ChangeSet parsed = parse(dir, other, database, "first-secret");
            assertEquals(expected, changeSetSql(parsed, database), other);
            assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), parsed.generateCheckSum(ChecksumVersion.latest()), other);
        }
        // The password is not part of the checksum: rotating it keeps the changeset valid.
        ChangeSet rotated = parse(dir, "c.xml", database, "second-secret");
        assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), rotated.generateCheckSum(ChecksumVersion.latest()));
        assertFalse(xml.getDescription().contains("first-secret"));
        assertNotEquals(changeSetSql(xml, database), changeSetSql(rotated, database));
    }

    static ChangeSet parse(Path dir, String file, Database database, String password) throws Exception {
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(dir),
                new ClassLoaderResourceAccessor(FdwChangesTest.class.getClassLoader()));
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        parameters.set("pw", password);
        DatabaseChangeLog log = Scope.child(java.util.Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                (Scope.ScopedRunnerWithReturn<DatabaseChangeLog>) () ->
                ChangeLogParserFactory.getInstance().getParser(file, accessor).parse(file, parameters, accessor));
        return log.getChangeSets().get(0);
    }

    static List<String> changeSetSql(ChangeSet changeSet, Database database) {
        List<String> out = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            out.addAll(sql(change, database));
        }
        return out;
    }

    @Test
    void everyChangeTypeIsRegistered() {
        var factory = Scope.getCurrentScope().getSingleton(liquibase.change.ChangeFactory.class);
        String[] names = {"createExtension", "dropExtension", "createForeignServer", "dropForeignServer",
            "createUserMapping", "dropUserMapping", "importForeignSchema", "alterForeignServer", "alterUserMapping",
            "createForeignTable", "dropForeignTable"};
        String[] found = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            found[i] = factory.getDefinedChanges().contains(names[i]) ? names[i] : "missing " + names[i];
        }
        assertArrayEquals(names, found);
    }
}
