package liquibase.ext.fdw.changelog;

import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.AbstractChangeGenerator;
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
public class PartitionDataChangeGenerator extends AbstractChangeGenerator implements MissingObjectChangeGenerator {

    @Override
    public int getPriority(Class<? extends DatabaseObject> objectType, Database database) {
        return Data.class.isAssignableFrom(objectType) && Generators.applies(database) ? PRIORITY_ADDITIONAL : PRIORITY_NONE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<? extends DatabaseObject>[] runAfterTypes() {
        return new Class[] {Table.class};
    }

    @Override
    public Class<? extends DatabaseObject>[] runBeforeTypes() {
        return null;
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
