package liquibase.ext.fdw.change.createforeignserver;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.statement.AbstractSqlStatement;

/** CREATE SERVER, as validated by {@link CreateForeignServerChange}; options include host/port/dbname. */
public final class CreateForeignServerStatement extends AbstractSqlStatement {
    private final String serverName;
    private final String fdwName;
    private final String type;
    private final String version;
    private final boolean ifNotExists;
    private final List<FdwOption> options;

    public CreateForeignServerStatement(String serverName, String fdwName, String type, String version,
            boolean ifNotExists, List<FdwOption> options) {
        this.serverName = serverName;
        this.fdwName = fdwName;
        this.type = type;
        this.version = version;
        this.ifNotExists = ifNotExists;
        this.options = List.copyOf(options);
    }

    public String getServerName() {
        return serverName;
    }

    public String getFdwName() {
        return fdwName;
    }

    public String getType() {
        return type;
    }

    public String getVersion() {
        return version;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    public List<FdwOption> getOptions() {
        return options;
    }
}
