package liquibase.ext.fdw.change;

import liquibase.change.DatabaseChangeProperty;

/** Base of the changes that name a partitioned table and one of its partitions (attach and detach). */
public abstract class AbstractPartitionOfChange extends AbstractBoundsChange {
    private String schemaName;
    private String tableName;
    private String partitionSchemaName;
    private String partitionName;

    @DatabaseChangeProperty(description = "Schema of the partitioned table", exampleValue = "box1_schema")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = trimToNull(schemaName);
    }

    @DatabaseChangeProperty(description = "The partitioned (parent) table", exampleValue = "temperatures")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = trimToNull(tableName);
    }

    @DatabaseChangeProperty(description = "Schema of the partition (default: schemaName)", exampleValue = "box1_schema")
    public String getPartitionSchemaName() {
        return partitionSchemaName;
    }

    public void setPartitionSchemaName(String partitionSchemaName) {
        this.partitionSchemaName = trimToNull(partitionSchemaName);
    }

    @DatabaseChangeProperty(description = "The partition", exampleValue = "temperatures_2016")
    public String getPartitionName() {
        return partitionName;
    }

    public void setPartitionName(String partitionName) {
        this.partitionName = trimToNull(partitionName);
    }

    @Override
    protected String boundsParentSchema() {
        return schemaName;
    }

    @Override
    protected String boundsParentTable() {
        return tableName;
    }

    /** The partition's schema: its own, or the parent's. */
    protected String partitionSchema() {
        return partitionSchemaName != null ? partitionSchemaName : schemaName;
    }

    /** Copies the parent and partition names to another change (inverses). */
    protected void copyNamesTo(AbstractPartitionOfChange other) {
        other.setSchemaName(schemaName);
        other.setTableName(tableName);
        other.setPartitionSchemaName(partitionSchema());
        other.setPartitionName(partitionName);
    }
}
