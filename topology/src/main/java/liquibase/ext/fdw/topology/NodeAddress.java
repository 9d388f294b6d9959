package liquibase.ext.fdw.topology;

import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where a node is and how to log in, once resolved: embedded nodes after they started, external ones after the
 * password was looked up. {@link #toString()} never shows the password, neither the field nor one inside the URL.
 *
 * @param host the first host of the URL (a multi-host URL lists several; pgjdbc tries them in turn)
 * @param port the first host's port
 */
public record NodeAddress(String name, String jdbcUrl, String host, int port, String dbname, String username,
        String password) {

    /**
     * Reads host, port and database from a PostgreSQL JDBC URL with pgjdbc's own parser, so every form the driver
     * accepts (several hosts, IPv6, parameters) is understood the same way here.
     */
    public static NodeAddress fromUrl(String name, String jdbcUrl, String username, String password) {
        Properties parsed = jdbcUrl.startsWith("jdbc:postgresql:") ? Driver.parseURL(jdbcUrl, new Properties()) : null;
        if (parsed == null) {
            throw new InvalidArgumentException("url", "node '" + name + "': url '" + maskUrl(jdbcUrl)
                    + "' is not a PostgreSQL JDBC URL; write jdbc:postgresql://<host>:<port>/<database>.");
        }
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        String port = parsed.getProperty("PGPORT", "5432").split(",")[0];
        String dbname = parsed.getProperty("PGDBNAME", "");
        String user = username != null ? username : parsed.getProperty("user");
        String secret = password != null ? password : parsed.getProperty("password");
        return new NodeAddress(name, jdbcUrl, host, port.isEmpty() ? 5432 : Integer.parseInt(port),
                dbname.isEmpty() ? user : dbname, user, secret);
    }

    /** The URL with the value of a {@code password} parameter replaced by the mask. */
    public static String maskUrl(String jdbcUrl) {
        return jdbcUrl == null ? null : Redactor.maskUrlPassword(jdbcUrl);
    }

    @Override
    public String toString() {
        return name + " (" + maskUrl(jdbcUrl) + ", user " + username + ")";
    }
}
