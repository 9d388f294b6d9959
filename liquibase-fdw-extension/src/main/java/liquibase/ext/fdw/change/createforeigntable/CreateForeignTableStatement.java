package liquibase.ext.fdw.change.createforeigntable;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.statement.AbstractSqlStatement;

/** CREATE FOREIGN TABLE, as validated by {@link CreateForeignTableChange}. */
public final class CreateForeignTableStatement extends AbstractSqlStatement {
    private final String schemaName;
    private final String tableName;
    private final String serverName;
    private final boolean ifNotExists;
    private final List<ForeignColumn> columns;
    private final List<FdwOption> options;

    public CreateForeignTableStatement(String schemaName, String tableName, String serverName, boolean ifNotExists,
            List<ForeignColumn> columns, List<FdwOption> options) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.serverName = serverName;
        this.ifNotExists = ifNotExists;
        this.columns = List.copyOf(columns);
        this.options = List.copyOf(options);
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public String getServerName() {
        return serverName;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    public List<ForeignColumn> getColumns() {
        return columns;
    }

    public List<FdwOption> getOptions() {
        return options;
    }
}
