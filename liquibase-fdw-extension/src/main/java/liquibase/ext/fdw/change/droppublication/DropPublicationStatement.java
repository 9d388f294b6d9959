package liquibase.ext.fdw.change.droppublication;

import liquibase.statement.AbstractSqlStatement;

/** DROP PUBLICATION, as validated by {@link DropPublicationChange}. */
public final class DropPublicationStatement extends AbstractSqlStatement {
    private final String name;
    private final boolean ifExists;

    public DropPublicationStatement(String name, boolean ifExists) {
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
