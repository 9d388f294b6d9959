package liquibase.ext.fdw.change.importforeignschema;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.statement.AbstractSqlStatement;

/** IMPORT FOREIGN SCHEMA, as validated by {@link ImportForeignSchemaChange}. */
public final class ImportForeignSchemaStatement extends AbstractSqlStatement {
    private final String serverName;
    private final String remoteSchema;
    private final String localSchema;
    private final List<String> limitTo;
    private final List<String> except;
    private final List<FdwOption> options;

    public ImportForeignSchemaStatement(String serverName, String remoteSchema, String localSchema, List<String> limitTo,
            List<String> except, List<FdwOption> options) {
        this.serverName = serverName;
        this.remoteSchema = remoteSchema;
        this.localSchema = localSchema;
        this.limitTo = List.copyOf(limitTo);
        this.except = List.copyOf(except);
        this.options = List.copyOf(options);
    }

    public String getServerName() {
        return serverName;
    }

    public String getRemoteSchema() {
        return remoteSchema;
    }

    public String getLocalSchema() {
        return localSchema;
    }

    public List<String> getLimitTo() {
        return limitTo;
    }

    public List<String> getExcept() {
        return except;
    }

    public List<FdwOption> getOptions() {
        return options;
    }
}
