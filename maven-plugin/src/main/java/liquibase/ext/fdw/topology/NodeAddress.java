package liquibase.ext.fdw.topology;

import java.net.URI;

/**
 * Where a node is and how to log in, once resolved: embedded nodes after they started, external ones after the
 * password was looked up. {@link #toString()} never shows the password.
 */
public record NodeAddress(String name, String jdbcUrl, String host, int port, String dbname, String username,
        String password) {

    /** Reads host, port and database from a {@code jdbc:postgresql://host:port/db?...} URL. */
    public static NodeAddress fromUrl(String name, String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new TopologyException("node '" + name + "': url '" + jdbcUrl
                    + "' is not a PostgreSQL JDBC URL; write jdbc:postgresql://<host>:<port>/<database>.");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new NodeAddress(name, jdbcUrl, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? username : path, username, password);
    }

    @Override
    public String toString() {
        return name + " (" + jdbcUrl + ", user " + username + ")";
    }
}
