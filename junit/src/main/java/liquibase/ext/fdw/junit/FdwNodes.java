package liquibase.ext.fdw.junit;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import liquibase.ext.fdw.junit.internal.DriverDataSource;
import liquibase.ext.fdw.topology.NodeAddress;

/**
 * The running nodes of an {@link FdwTopology}, as a test reaches them: per node its JDBC URL, login and a
 * {@link DataSource}, plus the {@code fdw.node.*} properties the changelogs saw. With the Testcontainers provider the
 * two differ on purpose: {@link #jdbcUrl(String)} uses the port Docker mapped to this machine, while the properties
 * name the node as the other nodes reach it inside the Docker network (its alias and port 5432).
 */
public final class FdwNodes {
    private final Map<String, NodeAddress> addresses;
    private final Map<String, String> properties;

    FdwNodes(Map<String, NodeAddress> addresses, Map<String, String> properties) {
        this.addresses = Map.copyOf(addresses);
        this.properties = Map.copyOf(properties);
        this.names = List.copyOf(addresses.keySet());
    }

    private final List<String> names;

    /** The node names, in the topology's order. */
    public List<String> nodeNames() {
        return names;
    }

    /** The JDBC URL a test connects to (embedded nodes listen on 127.0.0.1). */
    public String jdbcUrl(String node) {
        return address(node).jdbcUrl();
    }

    /** The login role. */
    public String username(String node) {
        return address(node).username();
    }

    /** The login password (embedded nodes get a random one per node), or null when the URL carries it. */
    public String password(String node) {
        return address(node).password();
    }

    /** A new {@link DataSource} on the node, logging in with {@link #username} and {@link #password}. */
    public DataSource dataSource(String node) {
        NodeAddress address = address(node);
        return new DriverDataSource(address.jdbcUrl(), address.username(), address.password());
    }

    /**
     * The topology properties as the changelogs see them: {@code fdw.node.<name>.host}, {@code .port},
     * {@code .dbname}, {@code .username} and {@code .password} (secret) for every node.
     */
    public Map<String, String> properties() {
        return properties;
    }

    private NodeAddress address(String node) {
        NodeAddress address = addresses.get(node);
        if (address == null) {
            throw new NoSuchElementException("No node '" + node + "' in this topology; its nodes are " + names + ".");
        }
        return address;
    }

    @Override
    public String toString() {
        // Never the passwords.
        return "FdwNodes" + addresses.values();
    }
}
