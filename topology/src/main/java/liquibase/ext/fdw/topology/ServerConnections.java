package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The node connections the engine offers changes in Liquibase's scope (key {@link #SCOPE_KEY}; the extension's
 * {@code liquibase.ext.fdw.transfer.NodeConnections} reads it): given a foreign server's name and options, a new
 * connection to the topology node its {@code host}, {@code port} and {@code dbname} point to, with the run's
 * credentials for that node; null when no node matches. movePartition uses it to COPY rows between nodes.
 */
final class ServerConnections implements Function<Map<String, String>, Connection> {
    /** Must equal {@code NodeConnections.SCOPE_KEY} of the extension (which the engine does not import). */
    static final String SCOPE_KEY = "liquibase.ext.fdw.nodeConnections";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    private final List<NodeAddress> addresses;
    private final NodeConnector connector;

    ServerConnections(Collection<NodeAddress> addresses, NodeConnector connector) {
        this.addresses = List.copyOf(addresses);
        this.connector = connector;
    }

    @Override
    public Connection apply(Map<String, String> server) {
        NodeAddress node = find(server);
        if (node == null) {
            return null;
        }
        try {
            return connector.open(node);
        } catch (SQLException e) {
            // The driver's message names no password; the caller unwraps the cause.
            throw new IllegalStateException("node '" + node.name() + "': " + Failures.describe(e), e);
        }
    }

    /** The node the server's options point to, or null. */
    NodeAddress find(Map<String, String> server) {
        String host = server.getOrDefault("host", "localhost");
        String port = server.getOrDefault("port", "5432");
        String dbname = server.get("dbname");
        if (dbname == null) {
            return null;
        }
        for (NodeAddress address : addresses) {
            if (sameHost(host, address.host()) && port.equals(String.valueOf(address.port()))
                    && dbname.equals(address.dbname())) {
                return address;
            }
        }
        return null;
    }

    private static boolean sameHost(String a, String b) {
        return a.equalsIgnoreCase(b) || LOOPBACK.contains(a.toLowerCase()) && LOOPBACK.contains(b.toLowerCase());
    }
}
