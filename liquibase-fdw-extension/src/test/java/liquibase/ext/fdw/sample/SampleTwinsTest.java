package liquibase.ext.fdw.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample's XML and YAML changelogs are twins: the same changesets, contexts and SQL, change for change. */
class SampleTwinsTest {
    private static final Path SAMPLE = Path.of("..", "sample-changelogs", "src", "main", "liquibase");

    @ParameterizedTest
    @ValueSource(strings = {"coordinator", "shard"})
    void xmlAndYamlGiveTheSameChangesetsAndSql(String node) throws Exception {
        List<String> xml = describe(node + "/changelog.xml");
        List<String> yaml = describe(node + "/changelog.yaml");
        assertTrue(xml.size() > 2, String.valueOf(xml));
        assertEquals(xml, yaml);
    }

    private static List<String> describe(String file) throws Exception {
        PostgresDatabase database = new PostgresDatabase();
        database.setConnection(new OfflineConnection("offline:postgresql?version=17.0", new ClassLoaderResourceAccessor()));
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(SAMPLE),
                new ClassLoaderResourceAccessor(SampleTwinsTest.class.getClassLoader()));
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        parameters.set("shard.year", "2016");
        parameters.set("shard.nextYear", "2017");
        for (String name : List.of("shard1", "shard2")) {
            parameters.set("fdw.node." + name + ".host", "127.0.0.1");
            parameters.set("fdw.node." + name + ".port", "5432");
            parameters.set("fdw.node." + name + ".dbname", name);
            parameters.set("fdw.node." + name + ".username", "postgres");
            parameters.set("fdw.node." + name + ".password", "pw-secret");
        }
        DatabaseChangeLog changeLog = Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                (Scope.ScopedRunnerWithReturn<DatabaseChangeLog>) () ->
                        ChangeLogParserFactory.getInstance().getParser(file, accessor).parse(file, parameters, accessor));
        List<String> lines = new ArrayList<>();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            lines.add("changeset " + changeSet.getId() + " " + changeSet.getContextFilter());
            for (Change change : changeSet.getChanges()) {
                lines.addAll(sql(change, database));
            }
        }
        return lines;
    }

    private static List<String> sql(Change change, Database database) {
        List<String> out = new ArrayList<>();
        for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
            out.add(sql.toSql().replaceAll("\\s+", " ").trim());
        }
        return out;
    }
}
