package liquibase.ext.fdw.change;

import liquibase.change.Change;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.detachpartition.DetachPartitionChange;
import liquibase.ext.fdw.partition.AttachPartitionStatement;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.statement.SqlStatement;

/**
 * Base of attachRangePartition, attachListPartition, attachHashPartition and attachDefaultPartition: attaches an
 * existing table (local or foreign) to a partitioned table; rolls back with DETACH PARTITION.
 */
public abstract class AbstractAttachPartitionChange extends AbstractBoundsChange {
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

    @DatabaseChangeProperty(description = "The table to attach (local or foreign)", exampleValue = "temperatures_2016")
    public String getPartitionName() {
        return partitionName;
    }

    public void setPartitionName(String partitionName) {
        this.partitionName = trimToNull(partitionName);
    }

    /** The bound kind this change type attaches with. */
    protected abstract PartitionBounds.Kind kind();

    private String partitionSchema() {
        return partitionSchemaName != null ? partitionSchemaName : schemaName;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors();
        require(errors, "tableName", tableName, "set tableName to the partitioned table to attach to");
        require(errors, "partitionName", partitionName, "set partitionName to the table to attach");
        bounds(kind(), errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new AttachPartitionStatement(schemaName, tableName, partitionSchema(), partitionName,
                bounds(kind()), moveRows(), ChangeMessages.location(this))};
    }

    @Override
    protected Change[] createInverses() {
        DetachPartitionChange inverse = new DetachPartitionChange();
        inverse.setSchemaName(schemaName);
        inverse.setTableName(tableName);
        inverse.setPartitionSchemaName(partitionSchema());
        inverse.setPartitionName(partitionName);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "Partition " + partitionName + " attached to " + tableName;
    }
}
