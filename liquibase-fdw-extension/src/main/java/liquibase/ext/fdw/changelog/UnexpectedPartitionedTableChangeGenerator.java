package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.UnexpectedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Table;

/**
 * Unexpected partitions are not dropped one by one when their partitioned table is dropped too: PostgreSQL drops
 * them with it (drop-all used to fail on "table ... does not exist" after the parent's DROP ... CASCADE). A partition
 * of a parent that stays, and any other table, go to core.
 */
public class UnexpectedPartitionedTableChangeGenerator extends FdwChangeGenerator implements UnexpectedObjectChangeGenerator {

    /** Answers for {@link Table}. */
    public UnexpectedPartitionedTableChangeGenerator() {
        super(Table.class, PRIORITY_ADDITIONAL, List.of(), List.of());
    }

    @Override
    public Change[] fixUnexpected(DatabaseObject unexpectedObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        Table table = (Table) unexpectedObject;
        String parent = table.getAttribute("partitionOf", String.class);
        if (parent != null) {
            int dot = parent.indexOf('.');
            if (Generators.parentGoesToo(comparisonDatabase, parent.substring(0, dot), parent.substring(dot + 1))) {
                Generators.markInherited(table, control::setAlreadyHandledUnexpected);
                return EMPTY_CHANGE;
            }
        }
        return chain.fixUnexpected(unexpectedObject, control, referenceDatabase, comparisonDatabase);
    }
}
