package liquibase.ext.fdw.change.createpartition;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.change.core.DropTableChange;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractBoundsChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.dropforeigntable.DropForeignTableChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.ext.fdw.partition.MoveKey;
import liquibase.ext.fdw.partition.RestoreMovedRowsStatement;
import liquibase.statement.SqlStatement;

/**
 * Creates a partition of a partitioned table: a local table, or with {@code serverName} a foreign table whose rows
 * live on another node. Rolls back with DROP TABLE / DROP FOREIGN TABLE, after putting back into the DEFAULT
 * partition exactly the rows that moveRowsFromDefault moved (see {@link DefaultPartitionRows}).
 */
@DatabaseChange(name = "createPartition", description = "Creates a partition (CREATE [FOREIGN] TABLE ... PARTITION OF)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreatePartitionChange extends AbstractBoundsChange {
    private String schemaName;
    private String tableName;
    private String parentSchemaName;
    private String parentTableName;
    private Boolean ifNotExists;
    private String tablespace;
    private String serverName;
    private String remoteSchemaName;
    private String remoteTableName;
    private String partitionStrategy;
    private String partitionKey;

    @DatabaseChangeProperty(description = "Schema of the new partition", exampleValue = "box1_schema")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = trimToNull(schemaName);
    }

    @DatabaseChangeProperty(description = "Name of the new partition", exampleValue = "temperatures_2018")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = trimToNull(tableName);
    }

    @DatabaseChangeProperty(description = "Schema of the partitioned table (default: schemaName)", exampleValue = "box1_schema")
    public String getParentSchemaName() {
        return parentSchemaName;
    }

    public void setParentSchemaName(String parentSchemaName) {
        this.parentSchemaName = trimToNull(parentSchemaName);
    }

    @DatabaseChangeProperty(description = "The partitioned (parent) table", exampleValue = "temperatures")
    public String getParentTableName() {
        return parentTableName;
    }

    public void setParentTableName(String parentTableName) {
        this.parentTableName = trimToNull(parentTableName);
    }

    @DatabaseChangeProperty(description = "Do nothing when the table exists already", exampleValue = "false")
    public Boolean getIfNotExists() {
        return ifNotExists;
    }

    public void setIfNotExists(Boolean ifNotExists) {
        this.ifNotExists = ifNotExists;
    }

    @DatabaseChangeProperty(description = "Tablespace of a local partition", exampleValue = "fast_ssd")
    public String getTablespace() {
        return tablespace;
    }

    public void setTablespace(String tablespace) {
        this.tablespace = trimToNull(tablespace);
    }

    @DatabaseChangeProperty(description = "Foreign server: create the partition as a foreign table on it", exampleValue = "box2")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "Remote schema of a foreign partition (the 'schema_name' option)", exampleValue = "box2_schema")
    public String getRemoteSchemaName() {
        return remoteSchemaName;
    }

    public void setRemoteSchemaName(String remoteSchemaName) {
        this.remoteSchemaName = trimToNull(remoteSchemaName);
    }

    @DatabaseChangeProperty(description = "Remote table of a foreign partition (the 'table_name' option)", exampleValue = "temperatures_2018")
    public String getRemoteTableName() {
        return remoteTableName;
    }

    public void setRemoteTableName(String remoteTableName) {
        this.remoteTableName = trimToNull(remoteTableName);
    }

    @Override
    protected String boundsParentSchema() {
        return parentSchema();
    }

    @Override
    protected String boundsParentTable() {
        return parentTableName;
    }

    @DatabaseChangeProperty(description = "Sub-partitioning: RANGE, LIST or HASH makes the new partition itself partitioned"
            + " (with partitionKey)", exampleValue = "LIST")
    public String getPartitionStrategy() {
        return partitionStrategy;
    }

    public void setPartitionStrategy(String partitionStrategy) {
        this.partitionStrategy = trimToNull(partitionStrategy);
    }

    @DatabaseChangeProperty(description = "Sub-partitioning: the new partition's own key, columns or expressions"
            + " (with partitionStrategy)", exampleValue = "city")
    public String getPartitionKey() {
        return partitionKey;
    }

    public void setPartitionKey(String partitionKey) {
        this.partitionKey = trimToNull(partitionKey);
    }

    private String parentSchema() {
        return parentSchemaName != null ? parentSchemaName : schemaName;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the name of the new partition");
        require(errors, "parentTableName", parentTableName, "set parentTableName to the partitioned table");
        if (serverName == null) {
            rejectDoubleQuote(errors, "tableName", tableName);
            rejectDoubleQuote(errors, "schemaName", schemaName);
        }
        if (serverName != null && tablespace != null) {
            errors.addError(ChangeMessages.format(this, "tablespace '" + tablespace + "' is given for a foreign partition"
                    + " (serverName '" + serverName + "'), which stores nothing locally; remove tablespace."));
        }
        if (serverName == null && (remoteSchemaName != null || remoteTableName != null)) {
            errors.addError(ChangeMessages.format(this, "remoteSchemaName/remoteTableName need serverName; set serverName"
                    + " to the foreign server holding the partition's rows, or remove them."));
        }
        bounds(null, errors, database);
        SubPartitioning.validate(this, errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        List<FdwOption> options = new ArrayList<>();
        if (remoteSchemaName != null) {
            options.add(new FdwOption("schema_name", remoteSchemaName));
        }
        if (remoteTableName != null) {
            options.add(new FdwOption("table_name", remoteTableName));
        }
        return new SqlStatement[] {new CreatePartitionStatement(schemaName, tableName, parentSchema(), parentTableName,
                bounds(null), Boolean.TRUE.equals(ifNotExists), tablespace, serverName, options, moveRows(),
                MoveKey.of(this), ChangeMessages.location(this), SubPartitioning.strategy(partitionStrategy), partitionKey)};
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
        return new SqlStatement[] {new RestoreMovedRowsStatement(parentSchema(), parentTableName, schemaName, tableName,
                serverName != null ? DefaultPartitionRows.Ending.DROP_FOREIGN_TABLE : DefaultPartitionRows.Ending.DROP_TABLE,
                MoveKey.of(this), ChangeMessages.location(this))};
    }

    @Override
    protected Change[] createInverses() {
        if (moveRows()) {
            return null; // the inverse needs the database: generateRollbackStatements
        }
        if (serverName != null) {
            DropForeignTableChange drop = new DropForeignTableChange();
            drop.setSchemaName(schemaName);
            drop.setTableName(tableName);
            return new Change[] {drop};
        }
        DropTableChange drop = new DropTableChange();
        drop.setSchemaName(schemaName);
        drop.setTableName(tableName);
        return new Change[] {drop};
    }

    @Override
    public String getConfirmationMessage() {
        return "Partition " + tableName + " of " + parentTableName + " created";
    }
}
