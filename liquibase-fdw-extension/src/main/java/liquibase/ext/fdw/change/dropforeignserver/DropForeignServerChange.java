package liquibase.ext.fdw.change.dropforeignserver;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.statement.SqlStatement;

/** Removes a foreign server. No automatic rollback (its options are gone): write an explicit one. */
@DatabaseChange(name = "dropForeignServer", description = "Removes a foreign server (DROP SERVER)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class DropForeignServerChange extends AbstractFdwChange {
    private String serverName;
    private Boolean ifExists;
    private Boolean cascade;

    @DatabaseChangeProperty(description = "Name of the foreign server", exampleValue = "box2")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "Do nothing when the server does not exist", exampleValue = "true")
    public Boolean getIfExists() {
        return ifExists;
    }

    public void setIfExists(Boolean ifExists) {
        this.ifExists = ifExists;
    }

    @DatabaseChangeProperty(description = "Also drop user mappings and foreign tables of the server", exampleValue = "false")
    public Boolean getCascade() {
        return cascade;
    }

    public void setCascade(Boolean cascade) {
        this.cascade = cascade;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "serverName", serverName, "set serverName to the foreign server to remove");
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DropForeignServerStatement(serverName, Boolean.TRUE.equals(ifExists),
                Boolean.TRUE.equals(cascade))};
    }

    @Override
    public String getConfirmationMessage() {
        return "Foreign server " + serverName + " dropped";
    }
}
