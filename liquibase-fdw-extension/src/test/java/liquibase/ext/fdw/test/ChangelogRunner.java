package liquibase.ext.fdw.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Runs Liquibase commands the way users do (through {@link CommandScope}) on a changelog kept in a directory, so
 * tests exercise the real parser, validation, executor and rollback paths.
 */
public final class ChangelogRunner {
    private final Path directory;
    private final String changelog;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** A runner for {@code changelog}, a path relative to {@code directory}. */
    public ChangelogRunner(Path directory, String changelog) {
        this.directory = directory;
        this.changelog = changelog;
    }

    /** A changelog parameter ({@code ${name}}). */
    public ChangelogRunner parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public void update(TestDatabase db) throws Exception {
        run(db, "update", Map.of());
    }

    /** The SQL {@code updateSQL} would print. */
    public String updateSql(TestDatabase db) throws Exception {
        return run(db, "updateSql", Map.of());
    }

    public void rollbackCount(TestDatabase db, int count) throws Exception {
        run(db, "rollbackCount", Map.of("count", count));
    }

    /** The SQL {@code rollbackCountSQL} would print. */
    public String rollbackCountSql(TestDatabase db, int count) throws Exception {
        return run(db, "rollbackCountSql", Map.of("count", count));
    }

    public void tag(TestDatabase db, String tag) throws Exception {
        run(db, "tag", Map.of("tag", tag));
    }

    public void rollbackToTag(TestDatabase db, String tag) throws Exception {
        run(db, "rollback", Map.of("tag", tag));
    }

    /** Runs any command by its name with extra arguments and returns what it printed. */
    public String run(TestDatabase db, String command, Map<String, Object> arguments) throws Exception {
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(directory),
                new ClassLoaderResourceAccessor(getClass().getClassLoader()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Database database = db.liquibaseDatabase()) {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), accessor);
            Scope.child(scope, () -> {
                CommandScope commandScope = new CommandScope(command)
                        .addArgumentValue("database", database)
                        .addArgumentValue("changelogFile", changelog)
                        .setOutput(out);
                if (!parameters.isEmpty()) {
                    commandScope.addArgumentValue("changelogParameters", new liquibase.changelog.ChangeLogParameters(database) {
                        {
                            parameters.forEach((k, v) -> set(k, v));
                        }
                    });
                }
                arguments.forEach(commandScope::addArgumentValue);
                commandScope.execute();
            });
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
