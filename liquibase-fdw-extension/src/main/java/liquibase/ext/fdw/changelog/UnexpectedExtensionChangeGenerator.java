package liquibase.ext.fdw.changelog;

import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.AbstractChangeGenerator;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.UnexpectedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.ext.fdw.change.dropextension.DropExtensionChange;
import liquibase.ext.fdw.snapshot.Extension;
import liquibase.ext.fdw.snapshot.ForeignServer;

/** Emits {@code fdw:dropExtension} for an unexpected extension of the schema, last (drop-all leaves no extension of a dropped schema behind). */
public class UnexpectedExtensionChangeGenerator extends AbstractChangeGenerator implements UnexpectedObjectChangeGenerator {

    @Override
    public int getPriority(Class<? extends DatabaseObject> objectType, Database database) {
        return Extension.class.isAssignableFrom(objectType) && Generators.applies(database) ? PRIORITY_DATABASE : PRIORITY_NONE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<? extends DatabaseObject>[] runAfterTypes() {
        return new Class[] {ForeignServer.class};
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<? extends DatabaseObject>[] runBeforeTypes() {
        return null;
    }

    @Override
    public Change[] fixUnexpected(DatabaseObject unexpectedObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        if (Generators.usedOutside(comparisonDatabase, null, unexpectedObject.getName())) {
            return null;
        }
        DropExtensionChange change = new DropExtensionChange();
        change.setName(unexpectedObject.getName());
        return new Change[] {change};
    }
}
