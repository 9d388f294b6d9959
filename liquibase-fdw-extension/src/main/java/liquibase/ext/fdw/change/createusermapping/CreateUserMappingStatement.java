package liquibase.ext.fdw.change.createusermapping;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.secret.SecretStatement;
import liquibase.ext.fdw.secret.Secrets;
import liquibase.statement.AbstractSqlStatement;

/** CREATE USER MAPPING, as validated by {@link CreateUserMappingChange}; options include user and password. */
public final class CreateUserMappingStatement extends AbstractSqlStatement implements SecretStatement {
    private final String userName;
    private final String serverName;
    private final boolean ifNotExists;
    private final List<FdwOption> options;

    public CreateUserMappingStatement(String userName, String serverName, boolean ifNotExists, List<FdwOption> options) {
        this.userName = userName;
        this.serverName = serverName;
        this.ifNotExists = ifNotExists;
        this.options = List.copyOf(options);
    }

    public String getUserName() {
        return userName;
    }

    public String getServerName() {
        return serverName;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    public List<FdwOption> getOptions() {
        return options;
    }

    @Override
    public String toString() {
        return "CreateUserMappingStatement[" + userName + " on " + serverName + "]"; // never the password
    }

    @Override
    public List<String> secrets() {
        return options.stream().filter(o -> Secrets.isSecretOption(o.getName())).map(FdwOption::getValue).toList();
    }
}
