package liquibase.ext.fdw.precondition;

import java.util.ArrayList;
import java.util.List;

/** Holds when a user mapping exists for the role (or CURRENT_USER, CURRENT_ROLE, SESSION_USER, USER, PUBLIC) on the server. */
public class UserMappingExistsPrecondition extends AbstractCatalogPrecondition {
    private String serverName;
    private String userName;

    @Override
    public String getName() {
        return "userMappingExists";
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    @Override
    protected List<String> missingAttributes() {
        List<String> missing = new ArrayList<>();
        require(missing, "serverName", serverName);
        require(missing, "userName", userName);
        return missing;
    }

    @Override
    protected String query() {
        return "SELECT usename FROM pg_user_mappings WHERE srvname = ? AND usename = CASE upper(?)"
                + " WHEN 'CURRENT_USER' THEN current_user::text WHEN 'USER' THEN current_user::text"
                + " WHEN 'CURRENT_ROLE' THEN current_role::text WHEN 'SESSION_USER' THEN session_user::text"
                + " WHEN 'PUBLIC' THEN 'public' ELSE ? END";
    }

    @Override
    protected List<String> parameters() {
        return List.of(serverName, userName, userName);
    }

    @Override
    protected String failure(List<String> rows) {
        return "User mapping for " + userName + " on server " + serverName + " does not exist";
    }
}
