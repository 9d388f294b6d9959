package liquibase.ext.fdw.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.ValidationErrors;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/**
 * Golden SQL files: each fixture directory {@code src/test/resources/golden/<changeType>/} holds a
 * {@code changelog.xml} whose update and rollback SQL, rendered offline for a PostgreSQL major, must equal
 * {@code all.sql} beside it, or {@code pg<major>.sql} for a major whose SQL differs from the others. Run with
 * {@code -Dfdw.golden.update=true} to rewrite a fixture's files after a deliberate change, then review the diff.
 */
public final class GoldenSql {
    /** Where the fixtures live, relative to the module directory (surefire's working directory). */
    public static final Path ROOT = Paths.get("src", "test", "resources", "golden");

    /** The golden file of every major that has none of its own. */
    public static final String SHARED = "all.sql";

    private GoldenSql() {
    }

    /** Fixture directories, one per change type, sorted by name. */
    public static List<Path> fixtures() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("changelog.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An offline PostgreSQL of the given major: generators see the version but nothing connects. */
    public static Database offlinePostgres(int major) {
        PostgresDatabase database = new PostgresDatabase();
        database.setConnection(new OfflineConnection("offline:postgresql?version=" + major + ".0",
                new ClassLoaderResourceAccessor()));
        return database;
    }

    /** The file the rendering for {@code major} is compared with: its own where that major differs. */
    public static Path goldenFile(Path fixture, int major) {
        Path own = fixture.resolve("pg" + major + ".sql");
        return Files.exists(own) ? own : fixture.resolve(SHARED);
    }

    /** Compares the rendering of {@code fixture} for {@code major} with its golden file. */
    public static void assertMatches(Path fixture, int major) throws Exception {
        String actual = render(fixture, major);
        Path golden = goldenFile(fixture, major);
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8)
                : "(missing " + golden + "; run with -Dfdw.golden.update=true)";
        assertEquals(expected, actual, golden.toString());
    }

    /**
     * Rewrites a fixture's golden files from the renderings for {@code majors}: the rendering most majors share
     * goes to {@code all.sql} (the lowest major's on a tie), each other major's to its own file, and files
     * that say nothing new are deleted.
     */
    public static void rewrite(Path fixture, List<Integer> majors) throws Exception {
        Map<Integer, String> rendered = new TreeMap<>();
        for (int major : majors) {
            rendered.put(major, render(fixture, major));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        rendered.values().forEach(sql -> counts.merge(sql, 1, Integer::sum));
        String shared = counts.entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)).orElseThrow().getKey();
        Files.writeString(fixture.resolve(SHARED), shared, StandardCharsets.UTF_8);
        for (Map.Entry<Integer, String> entry : rendered.entrySet()) {
            Path own = fixture.resolve("pg" + entry.getKey() + ".sql");
            if (entry.getValue().equals(shared)) {
                Files.deleteIfExists(own);
            } else {
                Files.writeString(own, entry.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Renders every changeset of the fixture: validation errors if any, else its SQL, then the SQL of its
     * automatic rollback (or a line saying there is none).
     */
    public static String render(Path fixture, int major) throws Exception {
        Database database = offlinePostgres(major);
        StringBuilder out = new StringBuilder();
        for (ChangeSet changeSet : parse(fixture, database).getChangeSets()) {
            out.append("-- changeset ").append(changeSet.getId()).append('\n');
            for (Change change : changeSet.getChanges()) {
                ValidationErrors errors = change.validate(database);
                if (errors.hasErrors()) {
                    for (String error : errors.getErrorMessages()) {
                        out.append("-- invalid: ").append(error).append('\n');
                    }
                    continue;
                }
                for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
                    out.append(sql.toSql()).append(";\n");
                }
            }
            out.append("-- rollback\n");
            List<String> rollback = rollback(changeSet, database);
            if (rollback == null) {
                out.append("-- (no automatic rollback)\n");
            } else {
                rollback.forEach(line -> out.append(line).append(";\n"));
            }
        }
        return out.toString();
    }

    private static List<String> rollback(ChangeSet changeSet, Database database) throws Exception {
        List<String> out = new ArrayList<>();
        List<Change> changes = new ArrayList<>(changeSet.getChanges());
        java.util.Collections.reverse(changes);
        for (Change change : changes) {
            if (change.validate(database).hasErrors()) {
                continue;
            }
            if (!change.supportsRollback(database)) {
                return null;
            }
            for (SqlStatement statement : change.generateRollbackStatements(database)) {
                for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                    out.add(sql.toSql());
                }
            }
        }
        return out;
    }

    private static DatabaseChangeLog parse(Path fixture, Database database) throws Exception {
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(fixture),
                new ClassLoaderResourceAccessor(GoldenSql.class.getClassLoader()));
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                (Scope.ScopedRunnerWithReturn<DatabaseChangeLog>) () -> ChangeLogParserFactory.getInstance()
                        .getParser("changelog.xml", accessor).parse("changelog.xml", parameters, accessor));
    }
}
