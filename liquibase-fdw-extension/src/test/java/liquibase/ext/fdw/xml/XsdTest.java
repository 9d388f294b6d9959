package liquibase.ext.fdw.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.ChangeLogParseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XSD served from the jar: a changelog using every FDW element validates against it (Liquibase refuses to fetch
 * schemas from the network, so parsing proves the jar serves it), and a misspelled attribute is rejected by it.
 */
class XsdTest {
    private static final String HEADER = String.join("\n",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
            "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
            "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
            "  <changeSet id=\"1\" author=\"a\">", "");
    private static final String FOOTER = "\n  </changeSet>\n</databaseChangeLog>\n";
    private static final String EVERY_FDW_ELEMENT = String.join("\n",
            "    <fdw:createExtension name=\"postgres_fdw\" schemaName=\"public\" version=\"1.1\" ifNotExists=\"true\" cascade=\"false\"/>",
            "    <fdw:createForeignServer serverName=\"box2\" fdwName=\"postgres_fdw\" host=\"h\" port=\"5432\" dbname=\"d\" type=\"t\" version=\"1\" ifNotExists=\"${flag}\">",
            "      <fdw:option name=\"fetch_size\" value=\"10\"/>",
            "    </fdw:createForeignServer>",
            "    <fdw:alterForeignServer serverName=\"box2\" fdwName=\"postgres_fdw\" version=\"2\">",
            "      <fdw:option name=\"fetch_size\" value=\"20\" action=\"set\"/>",
            "      <fdw:option name=\"batch_size\" action=\"drop\"/>",
            "    </fdw:alterForeignServer>",
            "    <fdw:createUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" user=\"u\" password=\"p\" ifNotExists=\"true\">",
            "      <fdw:option name=\"password_required\" value=\"true\"/>",
            "    </fdw:createUserMapping>",
            "    <fdw:alterUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" user=\"u2\" password=\"p2\">",
            "      <fdw:option name=\"sslkey\" action=\"drop\"/>",
            "    </fdw:alterUserMapping>",
            "    <fdw:importForeignSchema serverName=\"box2\" remoteSchema=\"r\" localSchema=\"l\" limitTo=\"t\">",
            "      <fdw:option name=\"import_default\" value=\"true\"/>",
            "    </fdw:importForeignSchema>",
            "    <fdw:createForeignTable tableName=\"t\" schemaName=\"l\" serverName=\"box2\" fdwName=\"postgres_fdw\"",
            "        remoteSchemaName=\"r\" remoteTableName=\"t\" ifNotExists=\"true\">",
            "      <column name=\"id\" type=\"int\"><constraints nullable=\"false\"/></column>",
            "      <fdw:option name=\"fetch_size\" value=\"10\"/>",
            "      <column name=\"city\" type=\"text\" defaultValue=\"x\" fdw:remoteColumnName=\"town\"/>",
            "    </fdw:createForeignTable>",
            "    <fdw:dropForeignTable tableName=\"t\" schemaName=\"l\" ifExists=\"true\" cascade=\"true\"/>",
            "    <fdw:dropUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" ifExists=\"true\"/>",
            "    <fdw:dropForeignServer serverName=\"box2\" ifExists=\"true\" cascade=\"true\"/>",
            "    <fdw:dropExtension name=\"postgres_fdw\" ifExists=\"true\" cascade=\"true\"/>");

    @TempDir
    Path dir;

    @Test
    void everyFdwElementValidates() throws Exception {
        List<String> types = parse(EVERY_FDW_ELEMENT).getChangeSets().get(0).getChanges().stream()
                .map(Change::getSerializedObjectName).toList();
        assertEquals(List.of("createExtension", "createForeignServer", "alterForeignServer", "createUserMapping",
                "alterUserMapping", "importForeignSchema", "createForeignTable", "dropForeignTable", "dropUserMapping",
                "dropForeignServer", "dropExtension"), types);
    }

    @Test
    void misspelledAttributeIsRejected() {
        ChangeLogParseException e = assertThrows(ChangeLogParseException.class,
                () -> parse("    <fdw:createForeignServer serverNam=\"box2\"/>"));
        assertTrue(e.getMessage().contains("cvc-complex-type.3.2.2: Attribute 'serverNam' is not allowed to appear in"
                + " element 'fdw:createForeignServer'."), e.getMessage());
    }

    @Test
    void unknownOptionActionIsRejected() {
        ChangeLogParseException e = assertThrows(ChangeLogParseException.class, () -> parse(
                "    <fdw:alterForeignServer serverName=\"box2\"><fdw:option name=\"a\" action=\"replace\"/></fdw:alterForeignServer>"));
        assertTrue(e.getMessage().contains("Value 'replace' is not facet-valid with respect to enumeration"), e.getMessage());
    }

    @Test
    void versionedAndLatestSchemasAreIdentical() throws Exception {
        assertEquals(resource(FdwNamespace.class, "liquibase-fdw-1.0.xsd"), resource(FdwNamespace.class, "liquibase-fdw-latest.xsd"));
    }

    private static String resource(Class<?> anchor, String name) throws Exception {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream("lbfdw.github.io/xml/ns/fdw/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private DatabaseChangeLog parse(String changes) throws Exception {
        Files.writeString(dir.resolve("c.xml"), HEADER + changes + FOOTER);
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(dir),
                new ClassLoaderResourceAccessor(XsdTest.class.getClassLoader()));
        ChangeLogParameters parameters = new ChangeLogParameters(new PostgresDatabase());
        parameters.set("flag", "true");
        return Scope.child(java.util.Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                (Scope.ScopedRunnerWithReturn<DatabaseChangeLog>) () ->
                        ChangeLogParserFactory.getInstance().getParser("c.xml", accessor).parse("c.xml", parameters, accessor));
    }
}
