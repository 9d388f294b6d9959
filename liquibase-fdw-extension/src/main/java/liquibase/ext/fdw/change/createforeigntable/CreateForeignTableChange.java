package liquibase.ext.fdw.change.createforeigntable;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.ChangeWithColumns;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractOptionsChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.dropforeigntable.DropForeignTableChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.option.OptionChecks;
import liquibase.ext.fdw.option.PostgresFdwOptions;
import liquibase.statement.SqlStatement;

/**
 * Declares a foreign table with columns written exactly like core createTable's; rolls back with DROP FOREIGN TABLE.
 * Foreign tables hold no data locally, so only NOT NULL and defaults apply: keys, unique and foreign-key constraints
 * are refused.
 */
@DatabaseChange(name = "createForeignTable", description = "Declares a table that lives on a foreign server (CREATE FOREIGN TABLE)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreateForeignTableChange extends AbstractOptionsChange implements ChangeWithColumns<ColumnConfig> {
    private static final String POSTGRES_FDW = "postgres_fdw";

    private String schemaName;
    private String tableName;
    private String serverName;
    private String fdwName;
    private String remoteSchemaName;
    private String remoteTableName;
    private Boolean ifNotExists;
    private List<ColumnConfig> columns = new ArrayList<>();

    @DatabaseChangeProperty(description = "Local schema of the foreign table (default: the search path)", exampleValue = "box1_schema")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = trimToNull(schemaName);
    }

    @DatabaseChangeProperty(description = "Name of the foreign table", exampleValue = "temperatures_2016")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = trimToNull(tableName);
    }

    @DatabaseChangeProperty(description = "Foreign server holding the table", exampleValue = "box2")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "Foreign data wrapper of the server, for option checks (default postgres_fdw)",
            exampleValue = "postgres_fdw")
    public String getFdwName() {
        return fdwName;
    }

    public void setFdwName(String fdwName) {
        this.fdwName = trimToNull(fdwName);
    }

    @DatabaseChangeProperty(description = "Schema of the table on the remote server (the 'schema_name' option)",
            exampleValue = "box2_schema")
    public String getRemoteSchemaName() {
        return remoteSchemaName;
    }

    public void setRemoteSchemaName(String remoteSchemaName) {
        this.remoteSchemaName = trimToNull(remoteSchemaName);
    }

    @DatabaseChangeProperty(description = "Name of the table on the remote server (the 'table_name' option)",
            exampleValue = "temperatures_2016")
    public String getRemoteTableName() {
        return remoteTableName;
    }

    public void setRemoteTableName(String remoteTableName) {
        this.remoteTableName = trimToNull(remoteTableName);
    }

    @DatabaseChangeProperty(description = "Do nothing when the table exists already", exampleValue = "false")
    public Boolean getIfNotExists() {
        return ifNotExists;
    }

    public void setIfNotExists(Boolean ifNotExists) {
        this.ifNotExists = ifNotExists;
    }

    @Override
    @DatabaseChangeProperty(description = "Columns, as in createTable: <column name=\"...\" type=\"...\"/>, plus"
            + " fdw:remoteColumnName (YAML/JSON: remoteColumnName) for a remote column of another name",
            requiredForDatabase = "all")
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

    /** The remote schema/table shorthands first, then the nested options. */
    List<FdwOption> allOptions() {
        List<FdwOption> all = new ArrayList<>();
        if (remoteSchemaName != null) {
            all.add(new FdwOption("schema_name", remoteSchemaName));
        }
        if (remoteTableName != null) {
            all.add(new FdwOption("table_name", remoteTableName));
        }
        all.addAll(getOptions());
        return all;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the name of the foreign table to create");
        require(errors, "serverName", serverName, "set serverName to the foreign server that holds the table");
        if (columns.isEmpty()) {
            errors.addError(ChangeMessages.format(this, "no columns; add <column name=\"...\" type=\"...\"/> per remote column."));
        }
        boolean postgresFdw = fdwName == null || POSTGRES_FDW.equals(fdwName);
        for (ColumnConfig column : columns) {
            checkColumn(column, errors);
            if (column.getName() != null && !column.getName().isBlank()) {
                checkColumnOptions(column, postgresFdw, database, errors);
            }
        }
        OptionChecks.check(this, allOptions(), postgresFdw ? PostgresFdwOptions.FOREIGN_TABLE : null, database, errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    /** The column's options (remoteColumnName) against the option table of the connected major. */
    private void checkColumnOptions(ColumnConfig column, boolean postgresFdw, Database database, ValidationErrors errors) {
        OptionChecks.checkColumn(this, column.getName().trim(), columnOptions(column),
                postgresFdw ? PostgresFdwOptions.COLUMN : null, database, errors);
    }

    /** The column's options: column_name from remoteColumnName. */
    private static List<FdwOption> columnOptions(ColumnConfig column) {
        if (column instanceof ForeignColumnConfig foreign && foreign.getRemoteColumnName() != null) {
            return List.of(new FdwOption("column_name", foreign.getRemoteColumnName()));
        }
        return List.of();
    }

    @Override
    protected ColumnConfig createEmptyColumnConfig(Class collectionType) {
        // Changelog columns may carry remoteColumnName; columns added in code may still be plain ColumnConfigs.
        return new ForeignColumnConfig();
    }

    private void checkColumn(ColumnConfig column, ValidationErrors errors) {
        String name = column.getName() == null ? "" : column.getName().trim();
        if (name.isEmpty()) {
            errors.addError(ChangeMessages.format(this, "a column has no name; write <column name=\"...\" type=\"...\"/>."));
            return;
        }
        if (column.getType() == null || column.getType().isBlank()) {
            errors.addError(ChangeMessages.format(this, "column '" + name + "' has no type; add type=\"...\" (e.g. type=\"date\")."));
        }
        if (Boolean.TRUE.equals(column.isAutoIncrement())) {
            errors.addError(ChangeMessages.format(this, "column '" + name + "' has autoIncrement, which a foreign table"
                    + " cannot have; remove it (the remote table generates its values)."));
        }
        ConstraintsConfig constraints = column.getConstraints();
        if (constraints == null) {
            return;
        }
        List<String> refused = new ArrayList<>();
        if (Boolean.TRUE.equals(constraints.isPrimaryKey())) {
            refused.add("primaryKey");
        }
        if (Boolean.TRUE.equals(constraints.isUnique())) {
            refused.add("unique");
        }
        if (constraints.getReferences() != null || constraints.getReferencedTableName() != null) {
            refused.add("a foreign key");
        }
        if (constraints.getCheckConstraint() != null) {
            refused.add("checkConstraint");
        }
        if (!refused.isEmpty()) {
            errors.addError(ChangeMessages.format(this, "column '" + name + "' has " + String.join(", ", refused)
                    + ", which a foreign table cannot enforce; keep such constraints on the remote table and remove them here."));
        }
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        List<ForeignColumn> foreignColumns = new ArrayList<>();
        for (ColumnConfig column : columns) {
            ConstraintsConfig constraints = column.getConstraints();
            foreignColumns.add(new ForeignColumn(column.getName().trim(), column.getType(), column.getDefaultValueObject(),
                    constraints != null && Boolean.FALSE.equals(constraints.isNullable()), columnOptions(column)));
        }
        return new SqlStatement[] {new CreateForeignTableStatement(schemaName, tableName, serverName,
                Boolean.TRUE.equals(ifNotExists), foreignColumns, allOptions())};
    }

    @Override
    protected Change[] createInverses() {
        DropForeignTableChange inverse = new DropForeignTableChange();
        inverse.setSchemaName(schemaName);
        inverse.setTableName(tableName);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "Foreign table " + (schemaName == null ? "" : schemaName + ".") + tableName + " created";
    }
}
