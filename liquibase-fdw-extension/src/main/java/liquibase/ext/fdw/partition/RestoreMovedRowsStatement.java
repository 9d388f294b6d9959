package liquibase.ext.fdw.partition;

/**
 * The inverse of a change that moved rows out of the DEFAULT partition into {@code partition}: put exactly the
 * recorded rows back, then detach or drop the partition ({@link DefaultPartitionRows#restore}).
 */
public final class RestoreMovedRowsStatement extends PartitionStatement {
    private final DefaultPartitionRows.Ending ending;
    private final MoveKey key;
    private final String location;

    /** Parent and partition names as the change holds them (unquoted); {@code location} names the change in refusals. */
    public RestoreMovedRowsStatement(String schemaName, String tableName, String partitionSchemaName, String partitionName,
            DefaultPartitionRows.Ending ending, MoveKey key, String location) {
        super(schemaName, tableName, partitionSchemaName, partitionName);
        this.ending = ending;
        this.key = key;
        this.location = location;
    }

    public DefaultPartitionRows.Ending getEnding() {
        return ending;
    }

    public MoveKey getKey() {
        return key;
    }

    public String getLocation() {
        return location;
    }
}
