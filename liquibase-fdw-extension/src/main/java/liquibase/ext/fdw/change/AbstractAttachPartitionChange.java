package liquibase.ext.fdw.change;

import liquibase.change.Change;
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
    /** The bound kind this change type attaches with. */
    protected abstract PartitionBounds.Kind kind();


    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", getTableName(), "set tableName to the partitioned table to attach to");
        require(errors, "partitionName", getPartitionName(), "set partitionName to the table to attach");
        bounds(kind(), errors, database);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new AttachPartitionStatement(getSchemaName(), getTableName(), partitionSchema(), getPartitionName(),
                bounds(kind()), moveRows(), MoveKey.of(this), ChangeMessages.location(this))};
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
