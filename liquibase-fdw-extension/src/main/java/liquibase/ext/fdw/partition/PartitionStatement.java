package liquibase.ext.fdw.partition;

import liquibase.statement.AbstractSqlStatement;

/**
 * A statement about one partition of a parent table (attach, detach, putting moved rows back): the two names as the
 * change holds them, unquoted; a null schema means the search path's.
 */
public abstract class PartitionStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final String partitionSchemaName;
    private final String partitionName;

    /** The parent ({@code schemaName}, {@code tableName}) and the partition. */
    protected PartitionStatement(String schemaName, String tableName, String partitionSchemaName, String partitionName) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.partitionSchemaName = partitionSchemaName;
        this.partitionName = partitionName;
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
}
