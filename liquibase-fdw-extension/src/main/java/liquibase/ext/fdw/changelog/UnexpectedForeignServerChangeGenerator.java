package liquibase.ext.fdw.changelog;

import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.AbstractChangeGenerator;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.UnexpectedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.ext.fdw.change.dropforeignserver.DropForeignServerChange;
import liquibase.ext.fdw.snapshot.Extension;
import liquibase.ext.fdw.snapshot.ForeignServer;
import liquibase.ext.fdw.snapshot.UserMapping;

/** Emits {@code fdw:dropForeignServer} for an unexpected server, after its user mappings and foreign tables. */
public class UnexpectedForeignServerChangeGenerator extends AbstractChangeGenerator implements UnexpectedObjectChangeGenerator {

    @Override
    public int getPriority(Class<? extends DatabaseObject> objectType, Database database) {
        return ForeignServer.class.isAssignableFrom(objectType) && Generators.applies(database) ? PRIORITY_DATABASE : PRIORITY_NONE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<? extends DatabaseObject>[] runAfterTypes() {
        return new Class[] {UserMapping.class};
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<? extends DatabaseObject>[] runBeforeTypes() {
        return new Class[] {Extension.class};
    }

    @Override
    public Change[] fixUnexpected(DatabaseObject unexpectedObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        if (Generators.usedOutside(comparisonDatabase, unexpectedObject.getName(), null)) {
            return null;
        }
        DropForeignServerChange change = new DropForeignServerChange();
        change.setServerName(unexpectedObject.getName());
        return new Change[] {change};
    }
}
