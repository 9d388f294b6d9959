package liquibase.ext.fdw.change.createpartition;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.ext.fdw.partition.MoveKey;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.ext.fdw.sql.ExplainsErrors;
import liquibase.statement.AbstractSqlStatement;

/** CREATE [FOREIGN] TABLE ... PARTITION OF, as validated by {@link CreatePartitionChange}. */
public final class CreatePartitionStatement extends AbstractSqlStatement implements ExplainsErrors {
    private final String schemaName;
    private final String tableName;
    private final String parentSchemaName;
    private final String parentTableName;
    private final PartitionBounds bounds;
    private final boolean ifNotExists;
    private final String tablespace;
    private final String serverName;
    private final List<FdwOption> options;
    private final boolean moveRowsFromDefault;
    private final MoveKey moveKey;
    private final String location;
    private final String partitionStrategy;
    private final String partitionKey;

    /**
     * {@code serverName} null: a local partition; {@code moveKey} keys the record of moved rows (see
     * {@link DefaultPartitionRows}); {@code location} names the change for explained errors.
     */
    public CreatePartitionStatement(String schemaName, String tableName, String parentSchemaName, String parentTableName,
            PartitionBounds bounds, boolean ifNotExists, String tablespace, String serverName, List<FdwOption> options,
            boolean moveRowsFromDefault, MoveKey moveKey, String location) {
        this(schemaName, tableName, parentSchemaName, parentTableName, bounds, ifNotExists, tablespace, serverName, options,
                moveRowsFromDefault, moveKey, location, null, null);
    }

    /**
     * As above; with {@code partitionStrategy} and {@code partitionKey} the partition is itself partitioned
     * (sub-partitioning), both null otherwise.
     */
    public CreatePartitionStatement(String schemaName, String tableName, String parentSchemaName, String parentTableName,
            PartitionBounds bounds, boolean ifNotExists, String tablespace, String serverName, List<FdwOption> options,
            boolean moveRowsFromDefault, MoveKey moveKey, String location, String partitionStrategy, String partitionKey) {
        this.partitionStrategy = partitionStrategy;
        this.partitionKey = partitionKey;
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.parentSchemaName = parentSchemaName;
        this.parentTableName = parentTableName;
        this.bounds = bounds;
        this.ifNotExists = ifNotExists;
        this.tablespace = tablespace;
        this.serverName = serverName;
        this.options = List.copyOf(options);
        this.moveRowsFromDefault = moveRowsFromDefault;
        this.moveKey = moveKey;
        this.location = location;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public String getParentSchemaName() {
        return parentSchemaName;
    }

    public String getParentTableName() {
        return parentTableName;
    }

    public PartitionBounds getBounds() {
        return bounds;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    public String getTablespace() {
        return tablespace;
    }

    public String getServerName() {
        return serverName;
    }

    public List<FdwOption> getOptions() {
        return options;
    }

    public boolean isMoveRowsFromDefault() {
        return moveRowsFromDefault;
    }

    public MoveKey getMoveKey() {
        return moveKey;
    }

    /** RANGE, LIST or HASH when the partition is itself partitioned, else null. */
    public String getPartitionStrategy() {
        return partitionStrategy;
    }

    /** The sub-partitioning key as written, or null. */
    public String getPartitionKey() {
        return partitionKey;
    }

    @Override
    public String explain(String sqlState, String message) {
        return DefaultPartitionRows.explain(location, (parentSchemaName == null ? "" : parentSchemaName + ".") + parentTableName,
                (schemaName == null ? "" : schemaName + ".") + tableName, bounds, sqlState, message);
    }
}
