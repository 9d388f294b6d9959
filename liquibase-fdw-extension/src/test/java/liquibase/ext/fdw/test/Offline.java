package liquibase.ext.fdw.test;

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
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/** Renders changes offline (no server) and parses changelogs the way Liquibase does, for tests of SQL and formats. */
public final class Offline {
    private Offline() {
    }

    /** The SQL of a change's statements. */
    public static List<String> sql(Change change, Database database) {
        return render(change.generateStatements(database), database);
    }

    /** The SQL of a change's rollback statements. */
    public static List<String> rollbackSql(Change change, Database database) throws Exception {
        return render(change.generateRollbackStatements(database), database);
    }

    /** The SQL of statements. */
    public static List<String> render(SqlStatement[] statements, Database database) {
        List<String> out = new ArrayList<>();
        for (SqlStatement statement : statements) {
            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                out.add(sql.toSql());
            }
        }
        return out;
    }

    /** The changesets of {@code file} in {@code dir}, with changelog parameters. */
    public static List<ChangeSet> parse(Path dir, String file, Database database, Map<String, String> parameters)
            throws Exception {
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(dir),
                new ClassLoaderResourceAccessor(Offline.class.getClassLoader()));
        ChangeLogParameters changeLogParameters = new ChangeLogParameters(database);
        parameters.forEach(changeLogParameters::set);
        DatabaseChangeLog log = Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                (Scope.ScopedRunnerWithReturn<DatabaseChangeLog>) () ->
                        ChangeLogParserFactory.getInstance().getParser(file, accessor).parse(file, changeLogParameters, accessor));
        return log.getChangeSets();
    }

    /** The SQL of every change of a changeset. */
    public static List<String> sql(ChangeSet changeSet, Database database) {
        List<String> out = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            out.addAll(sql(change, database));
        }
        return out;
    }
}
