package liquibase.ext.fdw.change.dropforeigntable;

import liquibase.statement.AbstractSqlStatement;

/** DROP FOREIGN TABLE, as validated by {@link DropForeignTableChange}. */
public final class DropForeignTableStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final boolean ifExists;
    private final boolean cascade;

    public DropForeignTableStatement(String schemaName, String tableName, boolean ifExists, boolean cascade) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.ifExists = ifExists;
        this.cascade = cascade;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public boolean isIfExists() {
        return ifExists;
    }

    public boolean isCascade() {
        return cascade;
    }
}
