package liquibase.ext.fdw.change.createusermapping;

import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractOptionsChange;
import liquibase.ext.fdw.change.dropusermapping.DropUserMappingChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.option.OptionChecks;
import liquibase.ext.fdw.option.PostgresFdwOptions;
import liquibase.statement.SqlStatement;

/**
 * Maps a local role to remote credentials on a foreign server; rolls back with DROP USER MAPPING. The password is
 * left out of the checksum, so rotating it does not invalidate the changeset.
 */
@DatabaseChange(name = "createUserMapping", description = "Maps a local role to remote credentials (CREATE USER MAPPING)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreateUserMappingChange extends AbstractOptionsChange {
    private String userName;
    private String serverName;
    private String user;
    private String password;
    private Boolean ifNotExists;

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

    @DatabaseChangeProperty(description = "Remote role (the 'user' option)", exampleValue = "user2")
    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = trimToNull(user);
    }

    @DatabaseChangeProperty(description = "Remote password (the 'password' option); secret, not part of the checksum",
            exampleValue = "${box2.password}")
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @DatabaseChangeProperty(description = "Do nothing when the mapping exists already", exampleValue = "false")
    public Boolean getIfNotExists() {
        return ifNotExists;
    }

    public void setIfNotExists(Boolean ifNotExists) {
        this.ifNotExists = ifNotExists;
    }

    @Override
    public String[] getExcludedFieldFilters(ChecksumVersion version) {
        return new String[] {"password"};
    }

    List<FdwOption> allOptions() {
        List<FdwOption> all = new ArrayList<>();
        if (user != null) {
            all.add(new FdwOption("user", user));
        }
        if (password != null) {
            all.add(new FdwOption("password", password));
        }
        all.addAll(getOptions());
        return all;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "userName", userName, "set userName to a role name or CURRENT_USER");
        require(errors, "serverName", serverName, "set serverName to the foreign server the mapping is for");
        OptionChecks.check(this, allOptions(), PostgresFdwOptions.USER_MAPPING, database, errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new CreateUserMappingStatement(userName, serverName,
                Boolean.TRUE.equals(ifNotExists), allOptions())};
    }

    @Override
    protected Change[] createInverses() {
        DropUserMappingChange inverse = new DropUserMappingChange();
        inverse.setUserName(userName);
        inverse.setServerName(serverName);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "User mapping for " + userName + " on " + serverName + " created";
    }
}
