package liquibase.ext.fdw.junit.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import liquibase.ext.fdw.topology.NodeAddress;
import liquibase.ext.fdw.topology.NodeDefinition;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Nodes as Testcontainers {@link PostgreSQLContainer}s on one Docker network, each with its node name as network
 * alias. Loaded only when a topology asks for the provider, so Testcontainers stays an optional dependency.
 *
 * <p>A node has two addresses: the test reaches it on the port Docker mapped to this machine, while another node
 * (a postgres_fdw server on the coordinator) reaches it inside the network as {@code <alias>:5432}. The mapped port
 * means nothing inside the network, so the {@code fdw.node.*} properties carry the in-network address.
 */
public final class ContainerNodes implements AutoCloseable {
    /** The port PostgreSQL listens on inside its container. */
    public static final int CONTAINER_PORT = 5432;

    private final Network network = Network.newNetwork();
    private final List<PostgreSQLContainer<?>> started = new ArrayList<>();

    /** Starts the node's container; the address is the one the test uses (mapped host port). */
    public NodeAddress start(NodeDefinition node, String image) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        container.withNetwork(network)
                .withNetworkAliases(node.name())
                .withDatabaseName(node.name())
                .withUsername("postgres")
                .withPassword(randomPassword())
                // The same server settings the launcher gives embedded nodes where they matter (two-phase commit).
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_prepared_transactions=10");
        started.add(container);
        container.start();
        return new NodeAddress(node.name(), container.getJdbcUrl(), container.getHost(),
                container.getMappedPort(CONTAINER_PORT), node.name(), container.getUsername(), container.getPassword());
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (PostgreSQLContainer<?> container : started) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        started.clear();
        network.close();
        if (failure != null) {
            throw failure;
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
