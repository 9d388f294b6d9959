package liquibase.ext.fdw.change.createboundscheck;

import java.util.List;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.statement.AbstractSqlStatement;

/** ADD CONSTRAINT ... CHECK (partition constraint), as validated by {@link CreateBoundsCheckChange}. */
public final class CreateBoundsCheckStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final String constraintName;
    private final List<String> columnNames;
    private final PartitionBounds bounds;

    public CreateBoundsCheckStatement(String schemaName, String tableName, String constraintName, List<String> columnNames,
            PartitionBounds bounds) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.constraintName = constraintName;
        this.columnNames = List.copyOf(columnNames);
        this.bounds = bounds;
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

    public List<String> getColumnNames() {
        return columnNames;
    }

    public PartitionBounds getBounds() {
        return bounds;
    }
}
