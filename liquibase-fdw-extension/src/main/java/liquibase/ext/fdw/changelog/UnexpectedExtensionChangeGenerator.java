package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.UnexpectedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.ext.fdw.change.dropextension.DropExtensionChange;
import liquibase.ext.fdw.snapshot.Extension;
import liquibase.ext.fdw.snapshot.ForeignServer;

/** Emits {@code fdw:dropExtension} for an unexpected extension of the schema, last (drop-all leaves no extension of a dropped schema behind). */
public class UnexpectedExtensionChangeGenerator extends FdwChangeGenerator implements UnexpectedObjectChangeGenerator {

    /** Answers for {@link Extension}. */
    public UnexpectedExtensionChangeGenerator() {
        super(Extension.class, PRIORITY_DATABASE, List.of(ForeignServer.class), List.of());
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
