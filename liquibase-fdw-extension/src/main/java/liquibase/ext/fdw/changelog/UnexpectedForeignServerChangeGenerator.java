package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.UnexpectedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.ext.fdw.change.dropforeignserver.DropForeignServerChange;
import liquibase.ext.fdw.snapshot.Extension;
import liquibase.ext.fdw.snapshot.ForeignServer;
import liquibase.ext.fdw.snapshot.UserMapping;

/** Emits {@code fdw:dropForeignServer} for an unexpected server, after its user mappings and foreign tables. */
public class UnexpectedForeignServerChangeGenerator extends FdwChangeGenerator implements UnexpectedObjectChangeGenerator {

    /** Answers for {@link ForeignServer}. */
    public UnexpectedForeignServerChangeGenerator() {
        super(ForeignServer.class, PRIORITY_DATABASE, List.of(UserMapping.class), List.of(Extension.class));
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
