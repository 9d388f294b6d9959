package liquibase.ext.fdw.change.alterforeignserver;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.statement.AbstractSqlStatement;

/** ALTER SERVER, as validated by {@link AlterForeignServerChange}: a new version and/or option actions. */
public final class AlterForeignServerStatement extends AbstractSqlStatement {
    private final String serverName;
    private final String version;
    private final List<FdwOption> options;

    public AlterForeignServerStatement(String serverName, String version, List<FdwOption> options) {
        this.serverName = serverName;
        this.version = version;
        this.options = List.copyOf(options);
    }

    public String getServerName() {
        return serverName;
    }

    public String getVersion() {
        return version;
    }

    public List<FdwOption> getOptions() {
        return options;
    }
}
