package liquibase.ext.fdw.change.createboundscheck;

import liquibase.statement.AbstractSqlStatement;

/** ALTER TABLE ... DROP CONSTRAINT: the inverse of {@link CreateBoundsCheckStatement}. */
public final class DropBoundsCheckStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final String constraintName;

    public DropBoundsCheckStatement(String schemaName, String tableName, String constraintName) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.constraintName = constraintName;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public String getConstraintName() {
        return constraintName;
    }
}
