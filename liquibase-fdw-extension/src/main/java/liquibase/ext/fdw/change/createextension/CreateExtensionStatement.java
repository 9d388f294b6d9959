package liquibase.ext.fdw.change.createextension;

import liquibase.statement.AbstractSqlStatement;

/** CREATE EXTENSION, as validated by {@link CreateExtensionChange}. */
public final class CreateExtensionStatement extends AbstractSqlStatement {
    private final String name;
    private final String schemaName;
    private final String version;
    private final boolean ifNotExists;
    private final boolean cascade;

    public CreateExtensionStatement(String name, String schemaName, String version, boolean ifNotExists, boolean cascade) {
        this.name = name;
        this.schemaName = schemaName;
        this.version = version;
        this.ifNotExists = ifNotExists;
        this.cascade = cascade;
    }

    public String getName() {
        return name;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getVersion() {
        return version;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    public boolean isCascade() {
        return cascade;
    }
}
