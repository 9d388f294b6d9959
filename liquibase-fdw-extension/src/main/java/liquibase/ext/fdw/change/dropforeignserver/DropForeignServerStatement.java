package liquibase.ext.fdw.change.dropforeignserver;

import liquibase.statement.AbstractSqlStatement;

/** DROP SERVER, as validated by {@link DropForeignServerChange}. */
public final class DropForeignServerStatement extends AbstractSqlStatement {
    private final String serverName;
    private final boolean ifExists;
    private final boolean cascade;

    public DropForeignServerStatement(String serverName, boolean ifExists, boolean cascade) {
        this.serverName = serverName;
        this.ifExists = ifExists;
        this.cascade = cascade;
    }

    public String getServerName() {
        return serverName;
    }

    public boolean isIfExists() {
        return ifExists;
    }

    public boolean isCascade() {
        return cascade;
    }
}
