package liquibase.ext.fdw.change.createpartitionedtable;

import liquibase.statement.AbstractSqlStatement;
import liquibase.statement.core.CreateTableStatement;

/**
 * A partitioned table: the columns and constraints as core's createTable normalises them (held in its
 * {@link CreateTableStatement}, whose SQL is never rendered here), the partitioning and the tablespace.
 */
public final class CreatePartitionedTableStatement extends AbstractSqlStatement {
    private final CreateTableStatement createTable;
    private final String partitionStrategy;
    private final String partitionKey;
    private final String tablespace;

    public CreatePartitionedTableStatement(CreateTableStatement createTable, String partitionStrategy, String partitionKey,
            String tablespace) {
        this.createTable = createTable;
        this.partitionStrategy = partitionStrategy;
        this.partitionKey = partitionKey;
        this.tablespace = tablespace;
    }

    /** The columns and constraints. */
    public CreateTableStatement getCreateTable() {
        return createTable;
    }

    public String getPartitionStrategy() {
        return partitionStrategy;
    }

    public String getPartitionKey() {
        return partitionKey;
    }

    public String getTablespace() {
        return tablespace;
    }
}
