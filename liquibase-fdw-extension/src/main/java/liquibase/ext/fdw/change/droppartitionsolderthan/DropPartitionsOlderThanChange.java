package liquibase.ext.fdw.change.droppartitionsolderthan;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.partition.MoveKey;
import liquibase.statement.SqlStatement;

/**
 * Retention with pg_partman's semantics: the partitions of a range-partitioned table whose upper bound is at or
 * before {@code olderThan} are detached, dropped or moved to {@code retentionSchema}; which ones is decided by the
 * database when the changeset runs. Rolls back by attaching the kept partitions again with their recorded bounds;
 * {@code mode="drop"} has no automatic rollback.
 */
@DatabaseChange(name = "dropPartitionsOlderThan", description = "Detaches, drops or moves to another schema the range"
        + " partitions older than a cutoff (retention, as pg_partman)", priority = ChangeMetaData.PRIORITY_DEFAULT)
public class DropPartitionsOlderThanChange extends AbstractFdwChange {
    private String schemaName;
    private String tableName;
    private String olderThan;
    private String mode;
    private String retentionSchema;

    @DatabaseChangeProperty(description = "Schema of the partitioned table", exampleValue = "box1_schema")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = trimToNull(schemaName);
    }

    @DatabaseChangeProperty(description = "The range-partitioned table", exampleValue = "temperatures")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = trimToNull(tableName);
    }

    @DatabaseChangeProperty(description = "The cutoff: an interval before now (2 years, 90 days) for date/timestamp keys,"
            + " or a value of the key (a date, a timestamp, a number)", exampleValue = "2 years")
    public String getOlderThan() {
        return olderThan;
    }

    public void setOlderThan(String olderThan) {
        this.olderThan = trimToNull(olderThan);
    }

    @DatabaseChangeProperty(description = "detach (default), drop or moveToSchema", exampleValue = "detach")
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = trimToNull(mode);
    }

    @DatabaseChangeProperty(description = "With mode moveToSchema: the schema the detached partitions move to",
            exampleValue = "archive")
    public String getRetentionSchema() {
        return retentionSchema;
    }

    public void setRetentionSchema(String retentionSchema) {
        this.retentionSchema = trimToNull(retentionSchema);
    }

    private RetentionMode effectiveMode() {
        return mode == null ? RetentionMode.DETACH : RetentionMode.parse(mode);
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the range-partitioned table");
        require(errors, "olderThan", olderThan, "set olderThan to an interval before now (olderThan=\"2 years\") or a value"
                + " of the partition key (olderThan=\"2017-01-01\")");
        if (olderThan != null && Cutoff.parse(olderThan) == null) {
            errors.addError(ChangeMessages.format(this, "attribute 'olderThan' is '" + olderThan + "', which is neither an"
                    + " interval before now (N minutes/hours/days/weeks/months/years, e.g. 2 years) nor a date, timestamp or"
                    + " number; write e.g. olderThan=\"2 years\" or olderThan=\"2017-01-01\"."));
        }
        RetentionMode parsed = effectiveMode();
        if (parsed == null) {
            errors.addError(ChangeMessages.format(this, "attribute 'mode' is '" + mode + "'; use detach, drop or moveToSchema."));
        } else if (parsed == RetentionMode.MOVE_TO_SCHEMA && retentionSchema == null) {
            errors.addError(ChangeMessages.format(this, "mode=\"moveToSchema\" needs attribute 'retentionSchema'; set it to"
                    + " the schema the old partitions move to."));
        } else if (parsed != RetentionMode.MOVE_TO_SCHEMA && retentionSchema != null) {
            errors.addError(ChangeMessages.format(this, "attribute 'retentionSchema' only applies with mode=\"moveToSchema\";"
                    + " remove it or set mode=\"moveToSchema\"."));
        }
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DropPartitionsOlderThanStatement(schemaName, tableName, Cutoff.parse(olderThan),
                effectiveMode(), retentionSchema, MoveKey.of(this), ChangeMessages.location(this))};
    }

    @Override
    public boolean supportsRollback(Database database) {
        return effectiveMode() != RetentionMode.DROP;
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) throws RollbackImpossibleException {
        if (effectiveMode() == RetentionMode.DROP) {
            throw new RollbackImpossibleException(ChangeMessages.format(this, "mode=\"drop\" dropped the partitions and"
                    + " their rows, so there is no automatic rollback; give the changeset an explicit <rollback>"
                    + " (e.g. recreate the partitions empty), or use mode=\"detach\" or \"moveToSchema\" to keep them."));
        }
        return new SqlStatement[] {new ReattachRetainedStatement(schemaName, tableName, MoveKey.of(this),
                ChangeMessages.location(this))};
    }

    @Override
    public String getConfirmationMessage() {
        return "Partitions of " + tableName + " older than " + olderThan + " " + (effectiveMode() == RetentionMode.DROP
                ? "dropped" : effectiveMode() == RetentionMode.DETACH ? "detached" : "moved to " + retentionSchema);
    }
}
