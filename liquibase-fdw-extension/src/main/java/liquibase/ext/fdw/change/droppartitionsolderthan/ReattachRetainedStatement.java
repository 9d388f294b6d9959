package liquibase.ext.fdw.change.droppartitionsolderthan;

import liquibase.ext.fdw.partition.MoveKey;
import liquibase.statement.AbstractSqlStatement;

/** The inverse of a detach or moveToSchema retention: attaches again the partitions the ledger says it detached. */
public final class ReattachRetainedStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final MoveKey key;
    private final String location;

    public ReattachRetainedStatement(String schemaName, String tableName, MoveKey key, String location) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.key = key;
        this.location = location;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public MoveKey getKey() {
        return key;
    }

    public String getLocation() {
        return location;
    }
}
