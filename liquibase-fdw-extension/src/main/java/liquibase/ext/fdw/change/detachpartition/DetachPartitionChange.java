package liquibase.ext.fdw.change.detachpartition;

import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractAttachPartitionChange;
import liquibase.ext.fdw.change.AbstractPartitionOfChange;
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
public class DetachPartitionChange extends AbstractPartitionOfChange {
    private Boolean concurrently;
    private Boolean finalizeDetach;

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

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", getTableName(), "set tableName to the partitioned table");
        require(errors, "partitionName", getPartitionName(), "set partitionName to the partition to detach");
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
            bounds(null, errors, database);
        }
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DetachPartitionStatement(getSchemaName(), getTableName(), partitionSchema(), getPartitionName(),
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
        copyNamesTo(attach);
        copyBoundsTo(attach);
        return new Change[] {attach};
    }

    @Override
    public String getConfirmationMessage() {
        return "Partition " + getPartitionName() + " detached from " + getTableName();
    }
}
