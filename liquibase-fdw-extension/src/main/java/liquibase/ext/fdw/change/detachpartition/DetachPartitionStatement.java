package liquibase.ext.fdw.change.detachpartition;

import liquibase.statement.AbstractSqlStatement;

/** ALTER TABLE ... DETACH PARTITION, as validated by {@link DetachPartitionChange}. */
public final class DetachPartitionStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final String partitionSchemaName;
    private final String partitionName;
    private final boolean concurrently;
    private final boolean finalizeDetach;

    public DetachPartitionStatement(String schemaName, String tableName, String partitionSchemaName,
            String partitionName, boolean concurrently, boolean finalizeDetach) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.partitionSchemaName = partitionSchemaName;
        this.partitionName = partitionName;
        this.concurrently = concurrently;
        this.finalizeDetach = finalizeDetach;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public String getPartitionSchemaName() {
        return partitionSchemaName;
    }

    public String getPartitionName() {
        return partitionName;
    }

    public boolean isConcurrently() {
        return concurrently;
    }

    public boolean isFinalize() {
        return finalizeDetach;
    }
}
