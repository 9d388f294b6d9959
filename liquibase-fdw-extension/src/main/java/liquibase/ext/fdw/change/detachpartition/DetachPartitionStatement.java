package liquibase.ext.fdw.change.detachpartition;

import liquibase.ext.fdw.partition.PartitionStatement;

/** ALTER TABLE ... DETACH PARTITION, as validated by {@link DetachPartitionChange}. */
public final class DetachPartitionStatement extends PartitionStatement {
    private final boolean concurrently;
    private final boolean finalizeDetach;

    public DetachPartitionStatement(String schemaName, String tableName, String partitionSchemaName,
            String partitionName, boolean concurrently, boolean finalizeDetach) {
        super(schemaName, tableName, partitionSchemaName, partitionName);
        this.concurrently = concurrently;
        this.finalizeDetach = finalizeDetach;
    }

    public boolean isConcurrently() {
        return concurrently;
    }

    public boolean isFinalize() {
        return finalizeDetach;
    }
}
