package liquibase.ext.fdw.change.dropusermapping;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.statement.SqlStatement;

/** Removes a user mapping. No automatic rollback (the credentials are gone): write an explicit one. */
@DatabaseChange(name = "dropUserMapping", description = "Removes a user mapping (DROP USER MAPPING)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class DropUserMappingChange extends AbstractFdwChange {
    private String userName;
    private String serverName;
    private Boolean ifExists;

    @DatabaseChangeProperty(description = "Local role, or CURRENT_USER, CURRENT_ROLE, SESSION_USER, USER, PUBLIC", exampleValue = "user1")
    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = trimToNull(userName);
    }

    @DatabaseChangeProperty(description = "Foreign server of the mapping", exampleValue = "box2")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "Do nothing when the mapping does not exist", exampleValue = "true")
    public Boolean getIfExists() {
        return ifExists;
    }

    public void setIfExists(Boolean ifExists) {
        this.ifExists = ifExists;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "userName", userName, "set userName to a role name or CURRENT_USER");
        require(errors, "serverName", serverName, "set serverName to the mapping's foreign server");
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DropUserMappingStatement(userName, serverName, Boolean.TRUE.equals(ifExists))};
    }

    @Override
    public String getConfirmationMessage() {
        return "User mapping for " + userName + " on " + serverName + " dropped";
    }
}
