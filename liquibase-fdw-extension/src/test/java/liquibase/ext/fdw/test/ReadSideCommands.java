package liquibase.ext.fdw.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandResults;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.diff.DiffResult;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase's read-side commands as users run them (through {@link CommandScope}): {@code snapshot},
 * {@code generateChangelog}, {@code diff} and {@code dropAll}, on the schemas given.
 */
public final class ReadSideCommands {
    private final Path directory;
    private final String schemas;

    /** Commands on {@code schemas} (comma-separated), writing files into {@code directory}. */
    public ReadSideCommands(Path directory, String schemas) {
        this.directory = directory;
        this.schemas = schemas;
    }

    /** What {@code snapshot --snapshot-format=format} prints. */
    public String snapshot(TestDatabase db, String format) throws Exception {
        return run(db, null, "snapshot", Map.of("snapshotFormat", format, "schemas", schemas)).output;
    }

    /**
     * Runs {@code generateChangelog} into {@code file} (its format from the extension) and returns the file's
     * text; {@code diffTypes} null for Liquibase's default types.
     */
    public String generateChangelog(TestDatabase db, String file, String diffTypes) throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("changelogFile", directory.resolve(file).toString());
        arguments.put("schemas", schemas);
        arguments.put("includeSchema", true);
        arguments.put("overwriteOutputFile", true);
        arguments.put("author", "generated");
        if (diffTypes != null) {
            arguments.put("diffTypes", diffTypes);
        }
        run(db, null, "generateChangelog", arguments);
        return java.nio.file.Files.readString(directory.resolve(file));
    }

    /** Runs {@code diffChangelog} of {@code target} against {@code reference} into {@code file}; returns its text. */
    public String diffChangelog(TestDatabase reference, TestDatabase target, String file) throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("changelogFile", directory.resolve(file).toString());
        arguments.put("schemas", schemas);
        arguments.put("includeSchema", true);
        arguments.put("author", "generated");
        run(target, reference, "diffChangelog", arguments);
        return java.nio.file.Files.readString(directory.resolve(file));
    }

    /** The diff of {@code target} against {@code reference}: the result and the printed report. */
    public Diff diff(TestDatabase reference, TestDatabase target) throws Exception {
        Result result = run(target, reference, "diff", Map.of("schemas", schemas));
        return new Diff((DiffResult) result.results.getResult("diffResult"), result.output);
    }

    /** Runs {@code dropAll} on the schemas. */
    public void dropAll(TestDatabase db) throws Exception {
        run(db, null, "dropAll", Map.of("schemas", schemas));
    }

    /** A diff: Liquibase's result and its text report. */
    public record Diff(DiffResult result, String report) {
    }

    private record Result(CommandResults results, String output) {
    }

    private Result run(TestDatabase db, TestDatabase reference, String command, Map<String, Object> arguments)
            throws Exception {
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(directory),
                new ClassLoaderResourceAccessor(getClass().getClassLoader()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Database database = db.liquibaseDatabase();
                Database referenceDatabase = reference == null ? null : reference.liquibaseDatabase()) {
            CommandResults results = Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                    (Scope.ScopedRunnerWithReturn<CommandResults>) () -> {
                        CommandScope scope = new CommandScope(command).addArgumentValue("database", database)
                                .setOutput(out);
                        if (referenceDatabase != null) {
                            scope.addArgumentValue("referenceDatabase", referenceDatabase);
                        }
                        arguments.forEach(scope::addArgumentValue);
                        return scope.execute();
                    });
            return new Result(results, out.toString(StandardCharsets.UTF_8));
        }
    }
}
