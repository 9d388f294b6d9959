package liquibase.ext.fdw.change.alterusermapping;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.secret.SecretStatement;
import liquibase.ext.fdw.secret.Secrets;
import liquibase.statement.AbstractSqlStatement;

/** ALTER USER MAPPING, as validated by {@link AlterUserMappingChange}; options carry their actions. */
public final class AlterUserMappingStatement extends AbstractSqlStatement implements SecretStatement {
    private final String userName;
    private final String serverName;
    private final List<FdwOption> options;

    public AlterUserMappingStatement(String userName, String serverName, List<FdwOption> options) {
        this.userName = userName;
        this.serverName = serverName;
        this.options = List.copyOf(options);
    }

    public String getUserName() {
        return userName;
    }

    public String getServerName() {
        return serverName;
    }

    public List<FdwOption> getOptions() {
        return options;
    }

    @Override
    public List<String> secrets() {
        return options.stream().filter(o -> Secrets.isSecretOption(o.getName())).map(FdwOption::getValue).toList();
    }
}
