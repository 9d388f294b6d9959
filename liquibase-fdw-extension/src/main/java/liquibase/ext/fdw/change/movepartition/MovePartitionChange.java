package liquibase.ext.fdw.change.movepartition;

import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.partition.MoveKey;
import liquibase.statement.SqlStatement;

/**
 * Moves a partition's rows to a table on another server (or back to a local table), checks count and checksum of
 * the copy, and swaps the partition in the parent with the same bound, in the changeset's transaction. Rolls back by
 * moving the partition back to where it was (the inverse needs the database: {@link MovePartitionBackStatement}).
 */
@DatabaseChange(name = "movePartition", description = "Moves a partition's rows to another server or a local table and"
        + " swaps the partition with the same bound", priority = ChangeMetaData.PRIORITY_DEFAULT)
public class MovePartitionChange extends AbstractFdwChange {
    /** The table recording where each moved partition came from, in Liquibase's schema beside DATABASECHANGELOG. */
    public static final String LEDGER = PartitionMove.LEDGER;

    private String schemaName;
    private String tableName;
    private String partitionSchemaName;
    private String partitionName;
    private String toServerName;
    private String toRemoteSchemaName;
    private String toRemoteTableName;
    private Boolean toLocal;
    private Boolean createRemoteTable;

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

    @DatabaseChangeProperty(description = "The partition to move (a local or a foreign table); keeps its name",
            exampleValue = "temperatures_2017")
    public String getPartitionName() {
        return partitionName;
    }

    public void setPartitionName(String partitionName) {
        this.partitionName = trimToNull(partitionName);
    }

    @DatabaseChangeProperty(description = "The foreign server to move the rows to", exampleValue = "box3")
    public String getToServerName() {
        return toServerName;
    }

    public void setToServerName(String toServerName) {
        this.toServerName = trimToNull(toServerName);
    }

    @DatabaseChangeProperty(description = "Schema of the target table on toServerName", exampleValue = "box3_schema")
    public String getToRemoteSchemaName() {
        return toRemoteSchemaName;
    }

    public void setToRemoteSchemaName(String toRemoteSchemaName) {
        this.toRemoteSchemaName = trimToNull(toRemoteSchemaName);
    }

    @DatabaseChangeProperty(description = "The target table on toServerName; must be empty", exampleValue = "temperatures_2017")
    public String getToRemoteTableName() {
        return toRemoteTableName;
    }

    public void setToRemoteTableName(String toRemoteTableName) {
        this.toRemoteTableName = trimToNull(toRemoteTableName);
    }

    @DatabaseChangeProperty(description = "Move the rows into a new local table instead of to a server", exampleValue = "false")
    public Boolean getToLocal() {
        return toLocal;
    }

    public void setToLocal(Boolean toLocal) {
        this.toLocal = toLocal;
    }

    @DatabaseChangeProperty(description = "Create the target table on toServerName from the partition's columns when"
            + " missing (through the dblink extension on the coordinator)", exampleValue = "false")
    public Boolean getCreateRemoteTable() {
        return createRemoteTable;
    }

    public void setCreateRemoteTable(Boolean createRemoteTable) {
        this.createRemoteTable = createRemoteTable;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the partitioned table");
        require(errors, "partitionName", partitionName, "set partitionName to the partition to move");
        boolean local = Boolean.TRUE.equals(toLocal);
        if (local && (toServerName != null || toRemoteSchemaName != null || toRemoteTableName != null)) {
            errors.addError(ChangeMessages.format(this, "toLocal=\"true\" and toServerName/toRemoteSchemaName/"
                    + "toRemoteTableName exclude each other; move either to a local table or to a server."));
        } else if (!local) {
            require(errors, "toServerName", toServerName, "set toServerName to the server to move to, or toLocal=\"true\"");
            require(errors, "toRemoteSchemaName", toRemoteSchemaName, "set toRemoteSchemaName to the target table's schema");
            require(errors, "toRemoteTableName", toRemoteTableName, "set toRemoteTableName to the target table");
        }
        if (local && Boolean.TRUE.equals(createRemoteTable)) {
            errors.addError(ChangeMessages.format(this, "createRemoteTable=\"true\" needs a server to create the table on;"
                    + " remove it, or set toServerName instead of toLocal."));
        }
        return errors.hasErrors() ? errors : super.validate(database);
    }

    private String partitionSchema() {
        return partitionSchemaName != null ? partitionSchemaName : schemaName;
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new MovePartitionStatement(schemaName, tableName, partitionSchema(), partitionName,
                Boolean.TRUE.equals(toLocal), toServerName, toRemoteSchemaName, toRemoteTableName,
                Boolean.TRUE.equals(createRemoteTable), MoveKey.of(this), ChangeMessages.location(this))};
    }

    @Override
    public boolean supportsRollback(Database database) {
        return true;
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) {
        return new SqlStatement[] {new MovePartitionBackStatement(schemaName, tableName, partitionSchema(), partitionName,
                MoveKey.of(this), ChangeMessages.location(this))};
    }

    @Override
    protected Change[] createInverses() {
        return null; // the inverse needs the database: generateRollbackStatements
    }

    @Override
    public String getConfirmationMessage() {
        return "Partition " + partitionName + " of " + tableName + " moved to "
                + (Boolean.TRUE.equals(toLocal) ? "a local table" : toRemoteSchemaName + "." + toRemoteTableName + " on " + toServerName);
    }
}
