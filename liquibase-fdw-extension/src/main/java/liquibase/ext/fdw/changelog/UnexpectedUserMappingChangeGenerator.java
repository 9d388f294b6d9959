package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.UnexpectedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.ext.fdw.change.dropusermapping.DropUserMappingChange;
import liquibase.ext.fdw.snapshot.ForeignServer;
import liquibase.ext.fdw.snapshot.ForeignTable;
import liquibase.ext.fdw.snapshot.UserMapping;

/** Emits {@code fdw:dropUserMapping} for an unexpected user mapping, after the foreign tables that used it. */
public class UnexpectedUserMappingChangeGenerator extends FdwChangeGenerator implements UnexpectedObjectChangeGenerator {

    /** Answers for {@link UserMapping}. */
    public UnexpectedUserMappingChangeGenerator() {
        super(UserMapping.class, PRIORITY_DATABASE, List.of(ForeignTable.class), List.of(ForeignServer.class));
    }

    @Override
    public Change[] fixUnexpected(DatabaseObject unexpectedObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        if (Generators.usedOutside(comparisonDatabase, ((UserMapping) unexpectedObject).getServerName(), null)) {
            return null;
        }
        UserMapping mapping = (UserMapping) unexpectedObject;
        DropUserMappingChange change = new DropUserMappingChange();
        change.setUserName("public".equals(mapping.getUserName()) ? "PUBLIC" : mapping.getUserName());
        change.setServerName(mapping.getServerName());
        return new Change[] {change};
    }
}
