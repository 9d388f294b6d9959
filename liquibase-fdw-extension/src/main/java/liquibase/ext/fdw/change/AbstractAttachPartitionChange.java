package liquibase.ext.fdw.change;

import liquibase.change.Change;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.detachpartition.DetachPartitionChange;
import liquibase.ext.fdw.partition.AttachPartitionStatement;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.ext.fdw.partition.MoveKey;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.ext.fdw.partition.RestoreMovedRowsStatement;
import liquibase.statement.SqlStatement;

/**
 * Base of attachRangePartition, attachListPartition, attachHashPartition and attachDefaultPartition: attaches an
 * existing table (local or foreign) to a partitioned table; rolls back with DETACH PARTITION, after putting back into
 * the DEFAULT partition exactly the rows that moveRowsFromDefault moved (see {@link DefaultPartitionRows}).
 */
public abstract class AbstractAttachPartitionChange extends AbstractPartitionOfChange {
    private String moveRowsBatchSize;

    /** The bound kind this change type attaches with. */
    protected abstract PartitionBounds.Kind kind();

    @DatabaseChangeProperty(description = "With moveRowsFromDefault: move the rows in transactions of about this many rows"
            + " each (range and list partitions; needs runInTransaction=\"false\"), so the parent is exclusively locked for"
            + " one batch at a time; unset: the whole move in the changeset's transaction", exampleValue = "50000")
    public String getMoveRowsBatchSize() {
        return moveRowsBatchSize;
    }

    public void setMoveRowsBatchSize(String moveRowsBatchSize) {
        this.moveRowsBatchSize = trimToNull(moveRowsBatchSize);
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", getTableName(), "set tableName to the partitioned table to attach to");
        require(errors, "partitionName", getPartitionName(), "set partitionName to the table to attach");
        bounds(kind(), errors, database);
        validateBatchSize(errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new AttachPartitionStatement(getSchemaName(), getTableName(), partitionSchema(), getPartitionName(),
                bounds(kind()), moveRows(), MoveKey.of(this), ChangeMessages.location(this), batchSize())};
    }

    /** The batch size, only called after validation passed; null: single-transaction move. */
    private Long batchSize() {
        return moveRowsBatchSize == null ? null : Long.valueOf(moveRowsBatchSize);
    }

    private void validateBatchSize(ValidationErrors errors) {
        if (moveRowsBatchSize == null) {
            return;
        }
        String attribute = "attribute 'moveRowsBatchSize' is '" + moveRowsBatchSize + "'";
        Long size = null;
        try {
            size = Long.valueOf(moveRowsBatchSize);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (size == null || size < 1) {
            errors.addError(ChangeMessages.format(this, attribute + "; write a positive whole number of rows per batch,"
                    + " such as 50000."));
        } else if (!moveRows()) {
            errors.addError(ChangeMessages.format(this, attribute + " but moveRowsFromDefault is not \"true\"; add"
                    + " moveRowsFromDefault=\"true\", or remove moveRowsBatchSize."));
        } else if (kind() != PartitionBounds.Kind.RANGE && kind() != PartitionBounds.Kind.LIST) {
            errors.addError(ChangeMessages.format(this, attribute + ", but only range and list partitions are moved in"
                    + " batches (a hash-partitioned table has no DEFAULT partition); remove moveRowsBatchSize."));
        } else if (getChangeSet() != null && getChangeSet().isRunInTransaction()) {
            errors.addError(ChangeMessages.format(this, attribute + ": each batch commits on its own, which cannot happen"
                    + " inside the changeset's transaction; set runInTransaction=\"false\" on changeset "
                    + getChangeSet().getId() + " (and keep the change alone in it), or remove moveRowsBatchSize to move"
                    + " in one transaction."));
        }
    }

    @Override
    public boolean supportsRollback(Database database) {
        return true;
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) throws RollbackImpossibleException {
        if (!moveRows()) {
            return super.generateRollbackStatements(database);
        }
        return new SqlStatement[] {new RestoreMovedRowsStatement(getSchemaName(), getTableName(), partitionSchema(),
                getPartitionName(), DefaultPartitionRows.Ending.DETACH, MoveKey.of(this), ChangeMessages.location(this))};
    }

    @Override
    protected Change[] createInverses() {
        if (moveRows()) {
            return null; // the inverse needs the database: generateRollbackStatements
        }
        DetachPartitionChange inverse = new DetachPartitionChange();
        copyNamesTo(inverse);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "Partition " + getPartitionName() + " attached to " + getTableName();
    }
}
