package liquibase.ext.fdw.change.createpartitionedtable;

import liquibase.statement.AbstractSqlStatement;
import liquibase.statement.core.CreateTableStatement;

/** Core's CREATE TABLE statement plus the partitioning clause, as validated by {@link CreatePartitionedTableChange}. */
public final class CreatePartitionedTableStatement extends AbstractSqlStatement {
    private final CreateTableStatement createTable;
    private final String partitionStrategy;
    private final String partitionKey;

    public CreatePartitionedTableStatement(CreateTableStatement createTable, String partitionStrategy, String partitionKey) {
        this.createTable = createTable;
        this.partitionStrategy = partitionStrategy;
        this.partitionKey = partitionKey;
    }

    public CreateTableStatement getCreateTable() {
        return createTable;
    }

    public String getPartitionStrategy() {
        return partitionStrategy;
    }

    public String getPartitionKey() {
        return partitionKey;
    }
}
