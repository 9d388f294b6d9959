package liquibase.ext.fdw.change.dropextension;

import liquibase.statement.AbstractSqlStatement;

/** DROP EXTENSION, as validated by {@link DropExtensionChange}. */
public final class DropExtensionStatement extends AbstractSqlStatement {
    private final String name;
    private final boolean ifExists;
    private final boolean cascade;

    public DropExtensionStatement(String name, boolean ifExists, boolean cascade) {
        this.name = name;
        this.ifExists = ifExists;
        this.cascade = cascade;
    }

    public String getName() {
        return name;
    }

    public boolean isIfExists() {
        return ifExists;
    }

    public boolean isCascade() {
        return cascade;
    }
}
