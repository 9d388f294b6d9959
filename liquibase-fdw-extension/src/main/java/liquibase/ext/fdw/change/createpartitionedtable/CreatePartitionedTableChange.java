package liquibase.ext.fdw.change.createpartitionedtable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.ChangeWithColumns;
import liquibase.change.ColumnConfig;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropTableChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.partition.PartitionKey;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.CreateTableStatement;

/**
 * Creates a partitioned table: the columns are read as core createTable reads them (so types, defaults, NOT NULL and
 * keys mean exactly what they mean there, on liquibase-core 4.33 which has no partitioning of its own) and rendered by
 * this extension's generator with PARTITION BY and the quoted tablespace. Rolls back with DROP TABLE.
 */
@DatabaseChange(name = "createPartitionedTable", description = "Creates a partitioned table (CREATE TABLE ... PARTITION BY)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreatePartitionedTableChange extends AbstractFdwChange implements ChangeWithColumns<ColumnConfig> {
    private static final List<String> STRATEGIES = List.of("RANGE", "LIST", "HASH");

    private String schemaName;
    private String tableName;
    private String partitionStrategy;
    private String partitionKey;
    private Boolean ifNotExists;
    private String tablespace;
    private List<ColumnConfig> columns = new ArrayList<>();

    @DatabaseChangeProperty(description = "Schema of the table", exampleValue = "box1_schema")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = trimToNull(schemaName);
    }

    @DatabaseChangeProperty(description = "Name of the partitioned table", exampleValue = "temperatures")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = trimToNull(tableName);
    }

    @DatabaseChangeProperty(description = "RANGE, LIST or HASH", exampleValue = "RANGE")
    public String getPartitionStrategy() {
        return partitionStrategy;
    }

    public void setPartitionStrategy(String partitionStrategy) {
        this.partitionStrategy = trimToNull(partitionStrategy);
    }

    @DatabaseChangeProperty(description = "Partition key: comma-separated columns or expressions, e.g. at or (date_trunc('year', at))",
            exampleValue = "reading_date")
    public String getPartitionKey() {
        return partitionKey;
    }

    public void setPartitionKey(String partitionKey) {
        this.partitionKey = trimToNull(partitionKey);
    }

    @DatabaseChangeProperty(description = "Do nothing when the table exists already", exampleValue = "false")
    public Boolean getIfNotExists() {
        return ifNotExists;
    }

    public void setIfNotExists(Boolean ifNotExists) {
        this.ifNotExists = ifNotExists;
    }

    @DatabaseChangeProperty(description = "Default tablespace of the partitions", exampleValue = "fast_ssd")
    public String getTablespace() {
        return tablespace;
    }

    public void setTablespace(String tablespace) {
        this.tablespace = trimToNull(tablespace);
    }

    @Override
    @DatabaseChangeProperty(description = "Columns, exactly as in createTable", requiredForDatabase = "all")
    public List<ColumnConfig> getColumns() {
        return columns;
    }

    @Override
    public void setColumns(List<ColumnConfig> columns) {
        this.columns = columns == null ? new ArrayList<>() : columns;
    }

    @Override
    public void addColumn(ColumnConfig column) {
        columns.add(column);
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the name of the partitioned table");
        rejectDoubleQuote(errors, "tableName", tableName);
        rejectDoubleQuote(errors, "schemaName", schemaName);
        if (columns.isEmpty()) {
            errors.addError(ChangeMessages.format(this, "no columns; add <column name=\"...\" type=\"...\"/> as in createTable."));
        }
        if (partitionStrategy == null || !STRATEGIES.contains(partitionStrategy.toUpperCase(Locale.ROOT))) {
            errors.addError(ChangeMessages.format(this, "attribute 'partitionStrategy' is "
                    + (partitionStrategy == null ? "missing" : "'" + partitionStrategy + "'") + "; set it to RANGE, LIST or HASH."));
        }
        require(errors, "partitionKey", partitionKey, "set partitionKey to the key columns or expressions, e.g. reading_date");
        if (partitionKey != null) {
            List<String> names = columns.stream().map(ColumnConfig::getName).filter(n -> n != null).map(String::trim).toList();
            for (String item : PartitionKey.items(partitionKey)) {
                if (item.isEmpty()) {
                    errors.addError(ChangeMessages.format(this, "partitionKey '" + partitionKey + "' has an empty item; remove the extra comma."));
                } else if (PartitionKey.isColumn(item) && !names.contains(item)) {
                    errors.addError(ChangeMessages.format(this, "partitionKey names '" + item + "', which is not a column of "
                            + tableName + "; use one of " + String.join(", ", names) + ", or write an expression in parentheses."));
                }
            }
        }
        if (errors.hasErrors()) {
            return errors;
        }
        errors.addAll(core().validate(database));
        return errors.hasErrors() ? errors : super.validate(database);
    }

    /**
     * The column definitions (name and type) and PARTITION BY clause, for checking bounds before the table exists;
     * null when the change is not valid yet.
     */
    public liquibase.ext.fdw.partition.internal.BoundCheck.TwinSource.Definition twinDefinition(Database database) {
        if (columns.isEmpty() || partitionStrategy == null || partitionKey == null
                || !STRATEGIES.contains(partitionStrategy.toUpperCase(Locale.ROOT))) {
            return null;
        }
        for (SqlStatement statement : core().generateStatements(database)) {
            if (statement instanceof CreateTableStatement create) {
                return new liquibase.ext.fdw.partition.internal.BoundCheck.TwinSource.Definition(
                        String.join(", ", CreatePartitionedTableGenerator.columnDefinitions(create, database, false)),
                        PartitionKey.clause(partitionStrategy.toUpperCase(Locale.ROOT), partitionKey, database));
            }
        }
        return null;
    }

    private CreateTableChange core() {
        CreateTableChange core = new CreateTableChange();
        core.setSchemaName(schemaName);
        core.setTableName(tableName);
        core.setIfNotExists(ifNotExists);
        core.setColumns(columns);
        return core;
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        SqlStatement[] statements = core().generateStatements(database);
        List<SqlStatement> result = new ArrayList<>();
        for (SqlStatement statement : statements) {
            result.add(statement instanceof CreateTableStatement create
                    ? new CreatePartitionedTableStatement(create, partitionStrategy.toUpperCase(Locale.ROOT), partitionKey,
                            tablespace)
                    : statement);
        }
        return result.toArray(new SqlStatement[0]);
    }

    @Override
    protected Change[] createInverses() {
        DropTableChange drop = new DropTableChange();
        drop.setSchemaName(schemaName);
        drop.setTableName(tableName);
        return new Change[] {drop};
    }

    @Override
    public String getConfirmationMessage() {
        return "Partitioned table " + tableName + " created";
    }
}
