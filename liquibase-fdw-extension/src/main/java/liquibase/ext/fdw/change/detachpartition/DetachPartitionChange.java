package liquibase.ext.fdw.change.detachpartition;

import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractAttachPartitionChange;
import liquibase.ext.fdw.change.AbstractBoundsChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.attachdefaultpartition.AttachDefaultPartitionChange;
import liquibase.ext.fdw.change.attachhashpartition.AttachHashPartitionChange;
import liquibase.ext.fdw.change.attachlistpartition.AttachListPartitionChange;
import liquibase.ext.fdw.change.attachrangepartition.AttachRangePartitionChange;
import liquibase.statement.SqlStatement;

/**
 * Detaches a partition, which stays as a table of its own. Rolls back by attaching it again when the changelog gives
 * its bounds; without bounds there is no automatic rollback.
 */
@DatabaseChange(name = "detachPartition", description = "Detaches a partition (ALTER TABLE ... DETACH PARTITION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class DetachPartitionChange extends AbstractBoundsChange {
    private String schemaName;
    private String tableName;
    private String partitionSchemaName;
    private String partitionName;
    private Boolean concurrently;
    private Boolean finalizeDetach;

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

    @DatabaseChangeProperty(description = "The partition to detach", exampleValue = "temperatures_2016")
    public String getPartitionName() {
        return partitionName;
    }

    public void setPartitionName(String partitionName) {
        this.partitionName = trimToNull(partitionName);
    }

    @DatabaseChangeProperty(description = "DETACH ... CONCURRENTLY (no ACCESS EXCLUSIVE lock on the parent; needs runInTransaction=\"false\")",
            exampleValue = "false")
    public Boolean getConcurrently() {
        return concurrently;
    }

    public void setConcurrently(Boolean concurrently) {
        this.concurrently = concurrently;
    }

    @DatabaseChangeProperty(description = "DETACH ... FINALIZE: completes an interrupted concurrent detach", exampleValue = "false")
    public Boolean getFinalize() {
        return finalizeDetach;
    }

    public void setFinalize(Boolean finalize) {
        this.finalizeDetach = finalize;
    }

    private String partitionSchema() {
        return partitionSchemaName != null ? partitionSchemaName : schemaName;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors();
        require(errors, "tableName", tableName, "set tableName to the partitioned table");
        require(errors, "partitionName", partitionName, "set partitionName to the partition to detach");
        boolean concurrent = Boolean.TRUE.equals(concurrently);
        if (concurrent && Boolean.TRUE.equals(finalizeDetach)) {
            errors.addError(ChangeMessages.format(this, "concurrently and finalize exclude each other; finalize completes"
                    + " a concurrent detach that was interrupted, so set only one of them."));
        }
        ChangeSet changeSet = getChangeSet();
        if (concurrent && changeSet != null && changeSet.isRunInTransaction()) {
            errors.addError(ChangeMessages.format(this, "concurrently=\"true\" cannot run inside a transaction; set"
                    + " runInTransaction=\"false\" on changeset " + changeSet.getId() + " (and keep it to this one change)."));
        }
        if (hasBounds()) {
            bounds(null, errors);
        }
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DetachPartitionStatement(schemaName, tableName, partitionSchema(), partitionName,
                Boolean.TRUE.equals(concurrently), Boolean.TRUE.equals(finalizeDetach))};
    }

    @Override
    protected Change[] createInverses() {
        if (!hasBounds()) {
            return null;
        }
        AbstractAttachPartitionChange attach = switch (bounds(null).kind()) {
            case RANGE -> new AttachRangePartitionChange();
            case LIST -> new AttachListPartitionChange();
            case HASH -> new AttachHashPartitionChange();
            case DEFAULT -> new AttachDefaultPartitionChange();
        };
        attach.setSchemaName(schemaName);
        attach.setTableName(tableName);
        attach.setPartitionSchemaName(partitionSchema());
        attach.setPartitionName(partitionName);
        copyBoundsTo(attach);
        return new Change[] {attach};
    }

    @Override
    public String getConfirmationMessage() {
        return "Partition " + partitionName + " detached from " + tableName;
    }
}
