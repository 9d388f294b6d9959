package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.change.core.CreateTableChange;
import liquibase.diff.output.changelog.MissingObjectChangeGenerator;
import liquibase.ext.fdw.change.createpartitionedtable.CreatePartitionedTableChange;
import liquibase.ext.fdw.changelog.internal.BoundText;
import liquibase.structure.core.Table;

/**
 * Missing tables that take part in partitioning, ahead of core's generator: a partitioned table becomes
 * {@code fdw:createPartitionedTable} (core's columns, the strategy and key PostgreSQL printed; on liquibase-core 5.0
 * this replaces core's {@code createTable partitionBy}, which would create the parent without its partitions); a
 * partition is left to the partition generator, with its columns, keys and indexes, which it inherits from the parent
 * (an index created on one partition only is therefore not reproduced). Other tables go to core.
 */
public class PartitionedTableChangeGenerator extends FdwChangeGenerator implements MissingObjectChangeGenerator {

    /** Answers for {@link Table}. */
    public PartitionedTableChangeGenerator() {
        super(Table.class, PRIORITY_ADDITIONAL, List.of(), List.of());
    }

    @Override
    public Change[] fixMissing(DatabaseObject missingObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        Table table = (Table) missingObject;
        if (Generators.isPartition(table)) {
            // Also a sub-partitioned partition: createPartition makes it PARTITION OF with its own key, so it
            // inherits the parent's columns and constraint names like any partition.
            Generators.markInherited(table, control::setAlreadyHandledMissing);
            return EMPTY_CHANGE;
        }
        if (!Generators.isPartitioned(table)) {
            return chain.fixMissing(missingObject, control, referenceDatabase, comparisonDatabase);
        }
        Change[] core = chain.fixMissing(missingObject, control, referenceDatabase, comparisonDatabase);
        if (core == null) {
            return null;
        }
        String partitionBy = table.getAttribute("partitionBy", String.class);
        for (int i = 0; i < core.length; i++) {
            if (core[i] instanceof CreateTableChange createTable) {
                CreatePartitionedTableChange change = new CreatePartitionedTableChange();
                change.setSchemaName(Generators.schema(control, referenceDatabase, table.getSchema().getName()));
                change.setTableName(createTable.getTableName());
                change.setTablespace(createTable.getTablespace());
                change.setColumns(createTable.getColumns());
                change.setPartitionStrategy(BoundText.strategy(partitionBy));
                change.setPartitionKey(String.join(", ", BoundText.keyItems(partitionBy)));
                core[i] = change;
            }
        }
        return core;
    }
}
