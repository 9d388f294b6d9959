package liquibase.ext.fdw.change;

import static liquibase.ext.fdw.change.FdwChangesTest.parse;
import static liquibase.ext.fdw.change.FdwChangesTest.postgres;
import static liquibase.ext.fdw.change.FdwChangesTest.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.ChangeLogParseException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a YAML or JSON changelog gives the extension's changes, through Liquibase's own parser: scalars the parser
 * types are refused in text attributes (or, quoted, arrive exactly as written), unknown attributes are refused with a
 * did-you-mean, unresolved properties and over-long names are refused, all word for word. Tagged {@code timezone}:
 * the build runs it again west of UTC, where an unquoted date used to lose a day.
 */
@Tag("timezone")
class ChangelogInputTest {
    private static final String WHERE = "createPartition in c.yaml::1::a: ";

    @TempDir
    Path dir;

    private List<String> errors(String file, String changes) throws Exception {
        return changeSet(file, changes).getChanges().get(0).validate(postgres(17)).getErrorMessages();
    }

    private ChangeSet changeSet(String file, String changes) throws Exception {
        String text = file.endsWith(".json")
                ? "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": [" + changes + "]}}]}"
                : "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n" + changes + "\n";
        Files.writeString(dir.resolve(file), text);
        return parse(dir, file, postgres(17), "pw-secret");
    }

    private List<String> yamlPartition(String bounds) throws Exception {
        return errors("c.yaml", "        - createPartition: { tableName: t_x, parentTableName: t, " + bounds + " }");
    }

    @Test
    void unquotedDatesNumbersAndBooleansInTextAttributesAreRefused() throws Exception {
        assertEquals(List.of(WHERE + "attribute 'from' holds the unquoted date 2016-01-01 as the YAML/JSON parser read"
                + " it, which Liquibase turns into text in the JVM's time zone (a day earlier west of UTC); quote the"
                + " value, e.g. from: '2016-01-01'.", WHERE + "attribute 'to' holds the unquoted date 2017-01-01 as the"
                + " YAML/JSON parser read it, which Liquibase turns into text in the JVM's time zone (a day earlier west"
                + " of UTC); quote the value, e.g. to: '2017-01-01'."), yamlPartition("from: 2016-01-01, to: 2017-01-01"));
        String number = " as the YAML/JSON parser read it, which may not be what was written (010 reads as 8, 0x1F as"
                + " 31, 1.10 as 1.1); quote the value, e.g. values: '010'.";
        assertEquals(List.of(WHERE + "attribute 'values' holds the unquoted number 8" + number), yamlPartition("values: 010"));
        assertEquals(List.of(WHERE + "attribute 'values' holds the unquoted number 31" + number), yamlPartition("values: 0x1F"));
        assertEquals(List.of(WHERE + "attribute 'values' holds the unquoted number 1.1" + number), yamlPartition("values: 1.10"));
        assertEquals(List.of(WHERE + "attribute 'values' holds the unquoted number 8" + number), yamlPartition("values: 8"));
        assertEquals(List.of(WHERE + "attribute 'values' holds the unquoted boolean true as the YAML/JSON parser read"
                + " it, which may not be what was written (yes, on and true all read as true); quote the value, e.g."
                + " values: 'yes'."), yamlPartition("values: yes"));
    }

    @Test
    void unquotedTimestampsAreRefusedWithTheTextAsWritten() throws Exception {
        String rewrites = ", which Liquibase's YAML parser rewrites in the JVM's time zone (dropping fractions of a"
                + " second and any offset); quote the value, e.g. ";
        assertEquals(List.of(WHERE + "attribute 'from' holds the unquoted timestamp 2020-01-01 10:00:00.5" + rewrites
                + "from: '2020-01-01 10:00:00.5'."), yamlPartition("from: 2020-01-01 10:00:00.5, to: '2021-01-01'"));
        assertEquals(List.of(WHERE + "attribute 'to' holds the unquoted timestamp 2020-01-01T10:00:00+01:00" + rewrites
                + "to: '2020-01-01T10:00:00+01:00'."), yamlPartition("from: '2019-01-01', to: 2020-01-01T10:00:00+01:00"));
        assertEquals(List.of(WHERE + "attribute 'from' holds the unquoted timestamp 2020-03-08 02:30:00Z" + rewrites
                + "from: '2020-03-08 02:30:00Z'."), yamlPartition("from: 2020-03-08 02:30:00Z, to: '2021-01-01'"));
        // Quoted, the same text arrives as written and Java's Date.toString() is just text.
        assertEquals(List.of(), yamlPartition("from: '2020-01-01 10:00:00.5', to: 'Wed Jan 01 10:00:00 UTC 2020'"));
    }

    /**
     * What Liquibase 4.33's own YAML parser hands a change for an unquoted timestamp, the reason the extension reads
     * the changelog's nodes: the wall time in the JVM's zone as yyyy-MM-dd HH:mm:ss (fraction and a trailing Z
     * dropped; a time in a daylight-saving gap moved), or Date.toString() in the JVM's zone when an offset is given.
     */
    @Test
    void generatedPartitionAndRemoteTableNamesOver63BytesAreRefused() throws Exception {
        String where = "createRangePartitions in c.yaml::1::a: ";
        String pattern = "r".repeat(60) + "_{yyyy}";
        assertEquals(List.of(where + "the name remoteNamePattern '" + pattern + "' gives of the slice from 2020-01-01 is"
                + " '" + "r".repeat(60) + "_2020', 65 bytes in UTF-8; PostgreSQL keeps only the first 63 bytes of a"
                + " name, so it would be cut short and could collide with another name; use a name of at most 63 bytes."),
                errors("c.yaml", "        - createRangePartitions: { tableName: t, from: '2020-01-01', to: '2021-01-01',"
                        + " interval: 1 year, serverName: box2, remoteNamePattern: '" + pattern + "' }"));
        assertEquals(List.of(where + "the default name <tableName>_p<start> of the slice from 0 is '" + "t".repeat(61)
                + "_p0', 64 bytes in UTF-8; PostgreSQL keeps only the first 63 bytes of a name, so it would be cut short"
                + " and could collide with another name; use a name of at most 63 bytes."), errors("c.yaml",
                "        - createRangePartitions: { tableName: " + "t".repeat(61) + ", from: '0', to: '10', interval: 10 }"));
    }

    @Test
    void liquibasesYamlParserRewritesUnquotedTimestampsInTheJvmZone() throws Exception {
        Files.writeString(dir.resolve("core.yaml"), String.join("\n", "databaseChangeLog:", "  - changeSet:",
                "      id: 1", "      author: a", "      changes:",
                "        - createPartition: { tableName: a, parentTableName: t, from: 2020-01-01 10:00:00.5, to: 2020-03-08 02:30:00 }",
                "        - createPartition: { tableName: b, parentTableName: t, from: 2020-01-01T10:00:00Z, to: 2020-01-01 10:00:00+01:00 }",
                ""));
        liquibase.resource.ResourceAccessor accessor = new liquibase.resource.DirectoryResourceAccessor(dir);
        ChangeSet core = new liquibase.parser.core.yaml.YamlChangeLogParser()
                .parse("core.yaml", new liquibase.changelog.ChangeLogParameters(postgres(17)), accessor)
                .getChangeSets().get(0);
        var a = (liquibase.ext.fdw.change.createpartition.CreatePartitionChange) core.getChanges().get(0);
        var b = (liquibase.ext.fdw.change.createpartition.CreatePartitionChange) core.getChanges().get(1);
        boolean newYork = java.util.TimeZone.getDefault().getID().equals("America/New_York");
        assertEquals("2020-01-01 10:00:00", a.getFrom());
        assertEquals(newYork ? "2020-03-08 03:30:00" : "2020-03-08 02:30:00", a.getTo());
        assertEquals("2020-01-01 10:00:00", b.getFrom());
        assertEquals(newYork ? "Wed Jan 01 04:00:00 EST 2020" : "Wed Jan 01 09:00:00 UTC 2020", b.getTo());
    }

    @Test
    void createRangePartitionsReportsTheDateAsReadNotAsJavaPrintsIt() throws Exception {
        List<String> errors = errors("c.yaml", "        - createRangePartitions: { tableName: t, from: 2020-01-01,"
                + " to: '2021-01-01', interval: 1 month }");
        assertEquals("createRangePartitions in c.yaml::1::a: attribute 'from' holds the unquoted date 2020-01-01 as the"
                + " YAML/JSON parser read it, which Liquibase turns into text in the JVM's time zone (a day earlier west"
                + " of UTC); quote the value, e.g. from: '2020-01-01'.", errors.get(0));
        for (String error : errors) {
            assertTrue(!error.contains("2019-12-31") && !error.contains("GMT") && !error.contains("Wed Jan"), error);
        }
    }

    @Test
    void numericTextAttributesTakeUnquotedIntegers() throws Exception {
        Database database = postgres(17);
        ChangeSet yaml = changeSet("c.yaml", String.join("\n",
                "        - createForeignServer: { serverName: srv, host: h, port: 5432 }",
                "        - createRangePartitions: { tableName: t, from: '0', to: '20', interval: 10, namePattern: 't_{n}' }"));
        for (Change change : yaml.getChanges()) {
            assertEquals(List.of(), change.validate(database).getErrorMessages());
        }
        assertEquals(List.of("CREATE SERVER srv FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'h', port '5432')"),
                sql(yaml.getChanges().get(0), database));
        assertEquals(List.of("createForeignServer in c.yaml::1::a: attribute 'port' holds the unquoted number 5432.5 as"
                + " the YAML/JSON parser read it, which may not be what was written (010 reads as 8, 0x1F as 31, 1.10 as"
                + " 1.1); quote the value, e.g. port: '010'."), errors("c.yaml",
                "        - createForeignServer: { serverName: srv, port: 5432.5 }").subList(0, 1));
    }

    @Test
    void quotedValuesArriveAsWritten() throws Exception {
        Database database = postgres(17);
        ChangeSet yaml = changeSet("c.yaml", String.join("\n",
                "        - createPartition: { tableName: t_a, parentTableName: t, from: '2016-01-01', to: '2017-01-01' }",
                "        - createPartition: { tableName: t_b, parentTableName: t, values: '010, 0x1F, 1.10, yes' }",
                "        - createPartition: { tableName: t_c, parentTableName: t, modulus: 4, remainder: 3 }"));
        List<String> rendered = new java.util.ArrayList<>();
        for (Change change : yaml.getChanges()) {
            assertEquals(List.of(), change.validate(database).getErrorMessages());
            rendered.addAll(sql(change, database));
        }
        assertEquals(List.of("CREATE TABLE t_a PARTITION OF t FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')",
                "CREATE TABLE t_b PARTITION OF t FOR VALUES IN ('010', '0x1F', '1.10', 'yes')",
                "CREATE TABLE t_c PARTITION OF t FOR VALUES WITH (MODULUS 4, REMAINDER 3)"), rendered);
    }

    @Test
    void jsonNumbersAreRefusedInTextAttributesAndAcceptedForModulus() throws Exception {
        String where = "createPartition in c.json::1::a: ";
        assertEquals(List.of(where + "attribute 'values' holds the unquoted number 1.1 as the YAML/JSON parser read it,"
                + " which may not be what was written (010 reads as 8, 0x1F as 31, 1.10 as 1.1); quote the value, e.g."
                + " values: '010'."), errors("c.json",
                "{\"createPartition\": {\"tableName\": \"t_x\", \"parentTableName\": \"t\", \"values\": 1.10}}"));
        assertEquals(List.of(), errors("c.json",
                "{\"createPartition\": {\"tableName\": \"t_x\", \"parentTableName\": \"t\", \"modulus\": 4, \"remainder\": 0}}"));
    }

    @Test
    void unknownAttributesAreRefusedWithADidYouMean() throws Exception {
        assertEquals(List.of("createForeignServer in c.yaml::1::a: attribute 'hots' is unknown to createForeignServer;"
                + " did you mean 'host'?"), errors("c.yaml", "        - createForeignServer: { serverName: srv, hots: box2 }"));
        assertEquals(List.of("createForeignServer in c.yaml::1::a: option 'fetch_size': attribute 'vaule' is unknown to"
                + " option; did you mean 'value'?", "createForeignServer in c.yaml::1::a: option 'fetch_size' has no value;"
                + " add value=\"...\"."), errors("c.yaml",
                "        - createForeignServer: { serverName: srv, options: [{name: fetch_size, vaule: '100'}] }"));
        // Liquibase's own column loading refuses an unknown column attribute while parsing.
        ChangeLogParseException column = assertThrows(ChangeLogParseException.class, () -> errors("c.json",
                "{\"createForeignTable\": {\"tableName\": \"f\", \"serverName\": \"srv\","
                + " \"columns\": [{\"column\": {\"name\": \"c\", \"tpye\": \"int\"}}]}}"));
        assertEquals("Error parsing c.json : Unexpected node: tpye", column.getMessage());
        assertEquals(List.of("createExtension in c.yaml::1::a: attribute 'zzzzzz' is unknown to createExtension; the"
                + " known attributes are cascade, ifNotExists, name, schemaName, version."),
                errors("c.yaml", "        - createExtension: { name: postgres_fdw, zzzzzz: 1 }"));
    }

    @Test
    void optionValuesAreCheckedLikeAttributes() throws Exception {
        assertEquals(List.of("createForeignServer in c.yaml::1::a: option 'port': attribute 'value' holds the unquoted"
                + " number 8 as the YAML/JSON parser read it, which may not be what was written (010 reads as 8, 0x1F"
                + " as 31, 1.10 as 1.1); quote the value, e.g. value: '010'."), errors("c.yaml",
                "        - createForeignServer: { serverName: srv, options: [{name: port, value: 010}] }"));
    }

    @Test
    void columnAttributesAreCheckedLikeAttributes() throws Exception {
        assertEquals(List.of("createForeignTable in c.yaml::1::a: column 'c': attribute 'defaultValue' holds the unquoted"
                + " number 8 as the YAML/JSON parser read it, which may not be what was written (010 reads as 8, 0x1F as"
                + " 31, 1.10 as 1.1); quote the value, e.g. defaultValue: '010'."), errors("c.yaml",
                "        - createForeignTable: { tableName: f, serverName: srv, columns: [{column: {name: c, type: text,"
                        + " defaultValue: 010}}] }"));
    }

    @Test
    void unresolvedPropertiesAreRefused() throws Exception {
        assertEquals(List.of("createForeignServer in c.yaml::1::a: attribute 'dbname' holds ${shard.year}, but no"
                + " property 'shard.year' is defined; define it with <property>, -D or a properties file, or, for a"
                + " literal ${...}, escape it as ${:shard.year} with liquibase.supportPropertyEscaping=true and"
                + " liquibase.missingPropertyMode=error.", "createForeignServer in c.yaml::1::a: option 'sslmode':"
                + " attribute 'value' holds ${mode}, but no property 'mode' is defined; define it with <property>, -D"
                + " or a properties file, or, for a literal ${...}, escape it as ${:mode} with"
                + " liquibase.supportPropertyEscaping=true and liquibase.missingPropertyMode=error."),
                errors("c.yaml", "        - createForeignServer: { serverName: srv, dbname: 'db_${shard.year}',"
                        + " options: [{name: sslmode, value: '${mode}'}] }"));
    }

    @Test
    void namesLongerThanPostgresKeepsAreRefused() throws Exception {
        String name = "ø".repeat(32);
        assertEquals(List.of(WHERE + "attribute 'tableName' is '" + name + "', 64 bytes in UTF-8; PostgreSQL keeps only"
                + " the first 63 bytes of a name, so it would be cut short and could collide with another name; use a"
                + " name of at most 63 bytes."), errors("c.yaml", "        - createPartition: { tableName: " + name
                + ", parentTableName: t, values: 'a' }"));
        assertEquals(List.of(), errors("c.yaml", "        - createPartition: { tableName: " + "a".repeat(63)
                + ", parentTableName: t, values: 'a' }"));
    }

    @Test
    void longTableNamesInImportListsAreRefused() throws Exception {
        String name = "t".repeat(64);
        assertEquals(List.of("importForeignSchema in c.yaml::1::a: table '" + name + "' in attribute 'limitTo' is '"
                + name + "', 64 bytes in UTF-8; PostgreSQL keeps only the first 63 bytes of a name, so it would be cut"
                + " short and could collide with another name; use a name of at most 63 bytes."), errors("c.yaml",
                "        - importForeignSchema: { serverName: s, remoteSchema: r, localSchema: l, limitTo: 'a, " + name
                        + "' }"));
    }

    @Test
    void preconditionsRefuseTheirInputWhileTheChangelogIsParsed() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), String.join("\n", "databaseChangeLog:", "  - changeSet:",
                "      id: 1", "      author: a", "      preConditions:",
                "        - partitionExists: { tableName: t, partitionName: t_x, from: 2016-01-01, to: '2017-01-01', hots: x }",
                "      changes:", "        - sql: SELECT 1", ""));
        ChangeLogParseException e = assertThrows(ChangeLogParseException.class, () -> parse(dir, "p.yaml", postgres(17), "pw-secret"));
        assertTrue(e.getMessage().contains("p.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("partitionExists: attribute 'from' holds the unquoted date 2016-01-01"),
                e.getMessage());
        assertTrue(e.getMessage().contains("partitionExists: attribute 'hots' is unknown to partitionExists; the known"
                + " attributes are"), e.getMessage());
    }
}
