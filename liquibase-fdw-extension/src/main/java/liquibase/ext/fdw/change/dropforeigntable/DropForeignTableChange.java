package liquibase.ext.fdw.change.dropforeigntable;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.statement.SqlStatement;

/** Removes a foreign table (the remote table stays). No automatic rollback: its columns are gone. */
@DatabaseChange(name = "dropForeignTable", description = "Removes a foreign table (DROP FOREIGN TABLE)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class DropForeignTableChange extends AbstractFdwChange {
    private String schemaName;
    private String tableName;
    private Boolean ifExists;
    private Boolean cascade;

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

    @DatabaseChangeProperty(description = "Do nothing when the table does not exist", exampleValue = "true")
    public Boolean getIfExists() {
        return ifExists;
    }

    public void setIfExists(Boolean ifExists) {
        this.ifExists = ifExists;
    }

    @DatabaseChangeProperty(description = "Also drop objects that depend on the table (views)", exampleValue = "false")
    public Boolean getCascade() {
        return cascade;
    }

    public void setCascade(Boolean cascade) {
        this.cascade = cascade;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the foreign table to remove");
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DropForeignTableStatement(schemaName, tableName, Boolean.TRUE.equals(ifExists),
                Boolean.TRUE.equals(cascade))};
    }

    @Override
    public String getConfirmationMessage() {
        return "Foreign table " + (schemaName == null ? "" : schemaName + ".") + tableName + " dropped";
    }
}
