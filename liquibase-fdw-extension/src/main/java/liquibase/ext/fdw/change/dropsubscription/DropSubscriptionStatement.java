package liquibase.ext.fdw.change.dropsubscription;

import liquibase.statement.AbstractSqlStatement;

/** DROP SUBSCRIPTION, as validated by {@link DropSubscriptionChange}. */
public final class DropSubscriptionStatement extends AbstractSqlStatement {
    private final String name;
    private final boolean ifExists;

    public DropSubscriptionStatement(String name, boolean ifExists) {
        this.name = name;
        this.ifExists = ifExists;
    }

    public String getName() {
        return name;
    }

    public boolean isIfExists() {
        return ifExists;
    }
}
