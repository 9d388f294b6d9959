package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.Difference;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.ChangedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.ext.fdw.change.alterusermapping.AlterUserMappingChange;
import liquibase.ext.fdw.snapshot.UserMapping;

/**
 * Emits {@code fdw:alterUserMapping} for a mapping whose options differ (the password is never compared, and never
 * written); a mapping that has a password only in the reference gets {@code password="${<server>.password}"}.
 */
public class ChangedUserMappingChangeGenerator extends FdwChangeGenerator implements ChangedObjectChangeGenerator {

    /** Answers for {@link UserMapping}. */
    public ChangedUserMappingChangeGenerator() {
        super(UserMapping.class, PRIORITY_DATABASE, List.of(), List.of());
    }

    @Override
    public Change[] fixChanged(DatabaseObject changedObject, ObjectDifferences differences, DiffOutputControl control,
            Database referenceDatabase, Database comparisonDatabase, ChangeGeneratorChain chain) {
        UserMapping mapping = (UserMapping) changedObject;
        AlterUserMappingChange change = new AlterUserMappingChange();
        change.setUserName("public".equals(mapping.getUserName()) ? "PUBLIC" : mapping.getUserName());
        change.setServerName(mapping.getServerName());
        Difference options = differences.getDifference("options");
        if (options != null) {
            change.setOptions(Generators.optionChanges(mapping.getOptionsAsCreated(),
                    ChangedForeignServerChangeGenerator.compared(options), List.of()));
        }
        if (differences.isDifferent("passwordSet") && Boolean.TRUE.equals(mapping.getPasswordSet())) {
            change.setPassword("${" + mapping.getServerName() + ".password}");
        }
        return change.getOptions().isEmpty() && change.getPassword() == null ? null : new Change[] {change};
    }
}
