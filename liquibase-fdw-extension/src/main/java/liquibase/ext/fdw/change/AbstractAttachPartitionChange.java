package liquibase.ext.fdw.change;

import liquibase.change.Change;
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
public abstract class AbstractAttachPartitionChange extends AbstractPartitionOfChange {
    /** The bound kind this change type attaches with. */
    protected abstract PartitionBounds.Kind kind();


    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", getTableName(), "set tableName to the partitioned table to attach to");
        require(errors, "partitionName", getPartitionName(), "set partitionName to the table to attach");
        bounds(kind(), errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new AttachPartitionStatement(getSchemaName(), getTableName(), partitionSchema(), getPartitionName(),
                bounds(kind()), moveRows(), ChangeMessages.location(this))};
    }

    @Override
    protected Change[] createInverses() {
        DetachPartitionChange inverse = new DetachPartitionChange();
        copyNamesTo(inverse);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "Partition " + getPartitionName() + " attached to " + getTableName();
    }
}
