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
import liquibase.ext.fdw.change.alterforeignserver.AlterForeignServerChange;
import liquibase.ext.fdw.snapshot.ForeignServer;

/**
 * Emits {@code fdw:alterForeignServer} for a server whose options or version differ: options of the reference are
 * added or set, options only the target has are dropped. A different wrapper or type cannot be altered and is only
 * reported by the diff.
 */
public class ChangedForeignServerChangeGenerator extends FdwChangeGenerator implements ChangedObjectChangeGenerator {

    /** Answers for {@link ForeignServer}. */
    public ChangedForeignServerChangeGenerator() {
        super(ForeignServer.class, PRIORITY_DATABASE, List.of(), List.of());
    }

    @Override
    public Change[] fixChanged(DatabaseObject changedObject, ObjectDifferences differences, DiffOutputControl control,
            Database referenceDatabase, Database comparisonDatabase, ChangeGeneratorChain chain) {
        ForeignServer server = (ForeignServer) changedObject;
        AlterForeignServerChange change = new AlterForeignServerChange();
        change.setServerName(server.getName());
        if (!"postgres_fdw".equals(server.getFdwName())) {
            change.setFdwName(server.getFdwName());
        }
        if (differences.isDifferent("version")) {
            change.setVersion(server.getVersion());
        }
        Difference options = differences.getDifference("options");
        if (options != null) {
            change.setOptions(Generators.optionChanges(server.getOptionsAsCreated(), compared(options), List.of()));
        }
        return change.getOptions().isEmpty() && change.getVersion() == null ? null : new Change[] {change};
    }

    @SuppressWarnings("unchecked")
    static List<String> compared(Difference difference) {
        return difference.getComparedValue() instanceof List<?> list ? (List<String>) list : List.of();
    }
}
