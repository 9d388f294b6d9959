package liquibase.ext.fdw.change.alterusermapping;

import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractOptionsChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.option.OptionChecks;
import liquibase.ext.fdw.option.PostgresFdwOptions;
import liquibase.statement.SqlStatement;

/**
 * Changes the options of a user mapping, typically to rotate the remote password. No automatic rollback: the old
 * values are not known. The password is left out of the checksum and masked in SQL output, as in
 * createUserMapping.
 */
@DatabaseChange(name = "alterUserMapping", description = "Changes a user mapping's options (ALTER USER MAPPING)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AlterUserMappingChange extends AbstractOptionsChange {
    private String userName;
    private String serverName;
    private String user;
    private String password;

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

    @DatabaseChangeProperty(description = "New remote role (SET user)", exampleValue = "user2")
    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = trimToNull(user);
    }

    @DatabaseChangeProperty(description = "New remote password (SET password); secret, not part of the checksum",
            exampleValue = "${box2.password}")
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public String[] getExcludedFieldFilters(ChecksumVersion version) {
        return new String[] {"password"};
    }

    /** The user/password shorthands (SET) first, then the nested options. */
    List<FdwOption> allOptions() {
        List<FdwOption> all = new ArrayList<>();
        if (user != null) {
            all.add(FdwOption.withAction("user", user, "set"));
        }
        if (password != null) {
            all.add(FdwOption.withAction("password", password, "set"));
        }
        all.addAll(getOptions());
        return all;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "userName", userName, "set userName to a role name or CURRENT_USER");
        require(errors, "serverName", serverName, "set serverName to the foreign server the mapping is for");
        if (allOptions().isEmpty()) {
            errors.addError(ChangeMessages.format(this, "nothing to change; set user or password, or add"
                    + " <fdw:option name=\"...\" value=\"...\" action=\"add|set|drop\"/>."));
        }
        OptionChecks.check(this, allOptions(), PostgresFdwOptions.USER_MAPPING, database, errors, true);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new AlterUserMappingStatement(userName, serverName, allOptions())};
    }

    @Override
    public String getConfirmationMessage() {
        return "User mapping for " + userName + " on " + serverName + " altered";
    }
}
