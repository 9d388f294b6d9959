package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.diff.output.changelog.MissingObjectChangeGenerator;
import liquibase.structure.core.Data;
import liquibase.structure.core.Table;

/**
 * Data export of partitioned tables reads each row once: not through a partitioned table (that would read its
 * foreign partitions and repeat the rows of its partitions), and a local partition's rows are written right after
 * the partition is created, by the partition generator. Data of other tables goes to core.
 */
public class PartitionDataChangeGenerator extends FdwChangeGenerator implements MissingObjectChangeGenerator {

    /** Answers for {@link Data}. */
    public PartitionDataChangeGenerator() {
        super(Data.class, PRIORITY_ADDITIONAL, List.of(Table.class), List.of());
    }

    @Override
    public Change[] fixMissing(DatabaseObject missingObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        Table table = ((Data) missingObject).getTable();
        if (Generators.isPartition(table) || Generators.isPartitioned(table)) {
            return EMPTY_CHANGE;
        }
        return chain.fixMissing(missingObject, control, referenceDatabase, comparisonDatabase);
    }
}
