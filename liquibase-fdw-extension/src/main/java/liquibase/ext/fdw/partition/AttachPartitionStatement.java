package liquibase.ext.fdw.partition;

import liquibase.ext.fdw.sql.ExplainsErrors;

/** ALTER TABLE ... ATTACH PARTITION, shared by the four attach change types (they differ only in the bound kind). */
public final class AttachPartitionStatement extends PartitionStatement implements ExplainsErrors {
    private final PartitionBounds bounds;
    private final boolean moveRowsFromDefault;
    private final MoveKey moveKey;
    private final String location;
    private final Long moveRowsBatchSize;

    /**
     * {@code moveKey} keys the record of moved rows (see {@link DefaultPartitionRows}); {@code location} is the change
     * and changeset, for explained errors.
     */
    public AttachPartitionStatement(String schemaName, String tableName, String partitionSchemaName, String partitionName,
            PartitionBounds bounds, boolean moveRowsFromDefault, MoveKey moveKey, String location) {
        this(schemaName, tableName, partitionSchemaName, partitionName, bounds, moveRowsFromDefault, moveKey, location, null);
    }

    /** As above; a non-null {@code moveRowsBatchSize} moves the rows in transactions of about that many rows. */
    public AttachPartitionStatement(String schemaName, String tableName, String partitionSchemaName, String partitionName,
            PartitionBounds bounds, boolean moveRowsFromDefault, MoveKey moveKey, String location, Long moveRowsBatchSize) {
        super(schemaName, tableName, partitionSchemaName, partitionName);
        this.moveRowsBatchSize = moveRowsBatchSize;
        this.bounds = bounds;
        this.moveRowsFromDefault = moveRowsFromDefault;
        this.moveKey = moveKey;
        this.location = location;
    }

    public PartitionBounds getBounds() {
        return bounds;
    }

    public boolean isMoveRowsFromDefault() {
        return moveRowsFromDefault;
    }

    /** Rows per batch of a batched move; null: the whole move in the changeset's transaction. */
    public Long getMoveRowsBatchSize() {
        return moveRowsBatchSize;
    }

    public MoveKey getMoveKey() {
        return moveKey;
    }

    /** The change and changeset, for messages. */
    public String getLocation() {
        return location;
    }

    @Override
    public String explain(String sqlState, String message) {
        return DefaultPartitionRows.explain(location, qualified(getSchemaName(), getTableName()),
                qualified(getPartitionSchemaName(), getPartitionName()), bounds, sqlState, message);
    }

    private static String qualified(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
