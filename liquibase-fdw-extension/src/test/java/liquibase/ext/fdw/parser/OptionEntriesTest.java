package liquibase.ext.fdw.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.ext.fdw.change.alterforeignserver.AlterForeignServerChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.test.Changelogs;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.parser.core.yaml.YamlChangeLogParser;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code options} list in YAML or JSON means what the XML twin means, whatever order each entry writes its keys
 * in: same SQL, same checksum. Liquibase's own parser flattens the list, so a key written first in a later entry
 * joined the option before it.
 */
class OptionEntriesTest {
    private static final String XML = String.join("\n",
            Changelogs.XML_OPEN,
            "  <changeSet id=\"1\" author=\"a\">",
            "    <fdw:alterForeignServer serverName=\"box2\">",
            "      <fdw:option name=\"fetch_size\" value=\"500\"/>",
            "      <fdw:option action=\"drop\" name=\"batch_size\"/>",
            "      <fdw:option action=\"set\" value=\"on\" name=\"keep_connections\"/>",
            "    </fdw:alterForeignServer>",
            "    <fdw:createForeignServer serverName=\"box3\">",
            "      <fdw:option name=\"host\" value=\"h\"/>",
            "      <fdw:option value=\"1000\" name=\"batch_size\"/>",
            "    </fdw:createForeignServer>",
            "  </changeSet>",
            "</databaseChangeLog>", "");
    private static final List<String> SQL = List.of(
            "ALTER SERVER box2 OPTIONS (ADD fetch_size '500', DROP batch_size, SET keep_connections 'on')",
            "CREATE SERVER box3 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'h', batch_size '1000')");

    @TempDir
    Path dir;

    @Test
    void everyKeyOrderOfEveryEntryMeansWhatXmlMeans() throws Exception {
        Files.writeString(dir.resolve("c.xml"), XML);
        ChangeSet xml = parse("c.xml", null);
        assertEquals(SQL, sql(xml));
        int files = 0;
        for (List<String> third : orders(List.of("action: set", "value: 'on'", "name: keep_connections"))) {
            for (List<String> second : orders(List.of("action: drop", "name: batch_size"))) {
                for (List<String> first : orders(List.of("name: fetch_size", "value: '500'"))) {
                    String entries = "[" + entry(first) + ", " + entry(second) + ", " + entry(third) + "]";
                    String yaml = String.join("\n", "databaseChangeLog:", "  - changeSet:", "      id: 1",
                            "      author: a", "      changes:",
                            "        - alterForeignServer: { serverName: box2, options: " + entries + " }",
                            "        - createForeignServer:", "            serverName: box3", "            options:",
                            "              - name: host", "                value: h",
                            "              - value: '1000'", "                name: batch_size", "");
                    String yamlFile = "c" + files + ".yaml";
                    Files.writeString(dir.resolve(yamlFile), yaml);
                    String jsonFile = "c" + files + ".json";
                    Files.writeString(dir.resolve(jsonFile), "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\","
                            + " \"author\": \"a\", \"changes\": [{\"alterForeignServer\": {\"serverName\": \"box2\","
                            + " \"options\": " + json(entries) + "}}, {\"createForeignServer\": {\"serverName\": \"box3\","
                            + " \"options\": [{\"name\": \"host\", \"value\": \"h\"}, {\"value\": \"1000\", \"name\":"
                            + " \"batch_size\"}]}}]}}]}");
                    for (String file : List.of(yamlFile, jsonFile)) {
                        ChangeSet parsed = parse(file, null);
                        assertEquals(SQL, sql(parsed), file + ": " + entries);
                        assertEquals(xml.generateCheckSum(ChecksumVersion.latest()),
                                parsed.generateCheckSum(ChecksumVersion.latest()), file + ": " + entries);
                        assertEquals(List.of(), validation(parsed), file);
                    }
                    files++;
                }
            }
        }
        assertEquals(24, files);
    }

    @Test
    void liquibasesOwnParserFlattensTheListWhichIsWhyTheExtensionParses() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), String.join("\n", "databaseChangeLog:", "  - changeSet:",
                "      id: 1", "      author: a", "      changes:",
                "        - alterForeignServer: { serverName: box2, options: [{name: fetch_size, value: '500'},"
                        + " {action: drop, name: batch_size}] }", ""));
        List<FdwOption> flattened = ((AlterForeignServerChange) parse("c.yaml", new YamlChangeLogParser())
                .getChanges().get(0)).getOptions();
        assertEquals(List.of("fetch_size=500 drop", "batch_size=null null"), flattened.stream()
                .map(o -> o.getName() + "=" + o.getValue() + " " + o.getAction()).toList());
        assertEquals(List.of("ALTER SERVER box2 OPTIONS (ADD fetch_size '500', DROP batch_size)"),
                sql(parse("c.yaml", null)));
    }

    @Test
    void theFactoryPicksTheExtensionsParsers() throws Exception {
        ResourceAccessor accessor = new DirectoryResourceAccessor(dir.toFile());
        assertInstanceOf(FdwYamlChangeLogParser.class, ChangeLogParserFactory.getInstance().getParser("c.yaml", accessor));
        assertInstanceOf(FdwYamlChangeLogParser.class, ChangeLogParserFactory.getInstance().getParser("c.yml", accessor));
        assertInstanceOf(FdwJsonChangeLogParser.class, ChangeLogParserFactory.getInstance().getParser("c.json", accessor));
    }

    private static String entry(List<String> keys) {
        return "{" + String.join(", ", keys) + "}";
    }

    /** The YAML flow list as JSON: every key and value double-quoted. */
    private static String json(String entries) {
        return entries.replaceAll("([a-z_]+): '?([a-z_0-9]+)'?", "\"$1\": \"$2\"");
    }

    private static List<List<String>> orders(List<String> keys) {
        if (keys.size() <= 1) {
            return List.of(keys);
        }
        List<List<String>> all = new ArrayList<>();
        for (String head : keys) {
            List<String> rest = new ArrayList<>(keys);
            rest.remove(head);
            for (List<String> tail : orders(rest)) {
                List<String> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private ChangeSet parse(String file, ChangeLogParser parser) throws Exception {
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(dir),
                new ClassLoaderResourceAccessor(OptionEntriesTest.class.getClassLoader()));
        ChangeLogParameters parameters = new ChangeLogParameters(database());
        return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                (Scope.ScopedRunnerWithReturn<ChangeSet>) () -> (parser == null
                        ? ChangeLogParserFactory.getInstance().getParser(file, accessor) : parser)
                        .parse(file, parameters, accessor).getChangeSets().get(0));
    }

    private static Database database() {
        PostgresDatabase database = new PostgresDatabase();
        database.setConnection(new OfflineConnection("offline:postgresql?version=17.0", new ClassLoaderResourceAccessor()));
        return database;
    }

    private static List<String> validation(ChangeSet changeSet) {
        List<String> errors = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            errors.addAll(change.validate(database()).getErrorMessages());
        }
        return errors;
    }

    private static List<String> sql(ChangeSet changeSet) {
        List<String> out = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            for (SqlStatement statement : change.generateStatements(database())) {
                for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statement, database())) {
                    out.add(sql.toSql());
                }
            }
        }
        return out;
    }
}
