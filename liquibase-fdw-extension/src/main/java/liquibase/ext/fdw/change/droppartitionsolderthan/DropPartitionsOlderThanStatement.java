package liquibase.ext.fdw.change.droppartitionsolderthan;

import liquibase.ext.fdw.partition.MoveKey;
import liquibase.statement.AbstractSqlStatement;

/**
 * Retention of a range-partitioned table, as validated by {@link DropPartitionsOlderThanChange}: which partitions are
 * past the cutoff is decided by the database when the statement runs.
 */
public final class DropPartitionsOlderThanStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final Cutoff cutoff;
    private final RetentionMode mode;
    private final String retentionSchema;
    private final MoveKey key;
    private final String location;

    public DropPartitionsOlderThanStatement(String schemaName, String tableName, Cutoff cutoff, RetentionMode mode,
            String retentionSchema, MoveKey key, String location) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.cutoff = cutoff;
        this.mode = mode;
        this.retentionSchema = retentionSchema;
        this.key = key;
        this.location = location;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public Cutoff getCutoff() {
        return cutoff;
    }

    public RetentionMode getMode() {
        return mode;
    }

    public String getRetentionSchema() {
        return retentionSchema;
    }

    /** The changeset that records what it detached, for the rollback. */
    public MoveKey getKey() {
        return key;
    }

    /** The change's location, for messages raised while running. */
    public String getLocation() {
        return location;
    }
}
