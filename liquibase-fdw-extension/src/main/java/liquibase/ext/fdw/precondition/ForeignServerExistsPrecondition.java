package liquibase.ext.fdw.precondition;

import java.util.ArrayList;
import java.util.List;

/** Holds when the foreign server is defined. */
public class ForeignServerExistsPrecondition extends AbstractCatalogPrecondition {
    private String serverName;

    @Override
    public String getName() {
        return "foreignServerExists";
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    @Override
    protected List<String> missingAttributes() {
        List<String> missing = new ArrayList<>();
        require(missing, "serverName", serverName);
        return missing;
    }

    @Override
    protected String query() {
        return "SELECT srvname FROM pg_foreign_server WHERE srvname = ?";
    }

    @Override
    protected List<String> parameters() {
        return List.of(serverName);
    }

    @Override
    protected String failure(List<String> rows) {
        return "Foreign server " + serverName + " does not exist";
    }
}
