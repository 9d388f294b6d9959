package liquibase.ext.fdw.change.movepartition;

import liquibase.ext.fdw.partition.MoveKey;
import liquibase.statement.AbstractSqlStatement;

/** The inverse of movePartition: moves the partition back to where the ledger recorded it came from. */
public final class MovePartitionBackStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final String partitionSchemaName;
    private final String partitionName;
    private final MoveKey key;
    private final String location;

    /** Names as the change holds them (unquoted); {@code key} finds the record the move wrote. */
    public MovePartitionBackStatement(String schemaName, String tableName, String partitionSchemaName, String partitionName,
            MoveKey key, String location) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.partitionSchemaName = partitionSchemaName;
        this.partitionName = partitionName;
        this.key = key;
        this.location = location;
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

    public MoveKey getKey() {
        return key;
    }

    public String getLocation() {
        return location;
    }
}
