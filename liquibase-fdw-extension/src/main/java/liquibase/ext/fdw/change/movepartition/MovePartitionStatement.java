package liquibase.ext.fdw.change.movepartition;

import liquibase.ext.fdw.partition.MoveKey;
import liquibase.statement.AbstractSqlStatement;

/** Moves a partition's rows to a table on another server (or a local table) and swaps it in with the same bound. */
public final class MovePartitionStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final String partitionSchemaName;
    private final String partitionName;
    private final boolean toLocal;
    private final String toServerName;
    private final String toRemoteSchemaName;
    private final String toRemoteTableName;
    private final boolean createRemoteTable;
    private final MoveKey key;
    private final String location;

    /** Names as the change holds them (unquoted); {@code location} names the change in refusals. */
    public MovePartitionStatement(String schemaName, String tableName, String partitionSchemaName, String partitionName,
            boolean toLocal, String toServerName, String toRemoteSchemaName, String toRemoteTableName,
            boolean createRemoteTable, MoveKey key, String location) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.partitionSchemaName = partitionSchemaName;
        this.partitionName = partitionName;
        this.toLocal = toLocal;
        this.toServerName = toServerName;
        this.toRemoteSchemaName = toRemoteSchemaName;
        this.toRemoteTableName = toRemoteTableName;
        this.createRemoteTable = createRemoteTable;
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

    public boolean isToLocal() {
        return toLocal;
    }

    public String getToServerName() {
        return toServerName;
    }

    public String getToRemoteSchemaName() {
        return toRemoteSchemaName;
    }

    public String getToRemoteTableName() {
        return toRemoteTableName;
    }

    public boolean isCreateRemoteTable() {
        return createRemoteTable;
    }

    public MoveKey getKey() {
        return key;
    }

    public String getLocation() {
        return location;
    }
}
