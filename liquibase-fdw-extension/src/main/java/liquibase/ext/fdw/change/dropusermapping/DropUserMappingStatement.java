package liquibase.ext.fdw.change.dropusermapping;

import liquibase.statement.AbstractSqlStatement;

/** DROP USER MAPPING, as validated by {@link DropUserMappingChange}. */
public final class DropUserMappingStatement extends AbstractSqlStatement {
    private final String userName;
    private final String serverName;
    private final boolean ifExists;

    public DropUserMappingStatement(String userName, String serverName, boolean ifExists) {
        this.userName = userName;
        this.serverName = serverName;
        this.ifExists = ifExists;
    }

    public String getUserName() {
        return userName;
    }

    public String getServerName() {
        return serverName;
    }

    public boolean isIfExists() {
        return ifExists;
    }
}
