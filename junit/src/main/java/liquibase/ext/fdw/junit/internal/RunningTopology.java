package liquibase.ext.fdw.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.EmbeddedNodes;
import liquibase.ext.fdw.topology.ExternalNodes;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.NodeAddress;
import liquibase.ext.fdw.topology.NodeDefinition;
import liquibase.ext.fdw.topology.RunReport;
import liquibase.ext.fdw.topology.Topology;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.TopologyLog;
import liquibase.ext.fdw.topology.TopologyRequest;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The nodes of one declaration while they run: started in the constructor (the changelogs applied when asked), and
 * stopped by {@link #close()}, which JUnit calls when the store holding it closes, whatever the tests' outcome. Each
 * instance keeps its nodes in its own directory on free ports, so parallel test classes never share a node.
 */
// CloseableResource as well as AutoCloseable: JUnit before 5.13 closes only the former; closing twice is harmless.
@SuppressWarnings("deprecation")
public final class RunningTopology implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final Path directory;
    private final EmbeddedNodes embedded;
    private ContainerNodes containers;
    private boolean closed;
    private final Map<String, NodeAddress> addresses = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    /** Starts the declared topology's nodes; on failure stops what it started and rethrows. */
    public RunningTopology(Declaration declaration, TopologyLog log) {
        directory = createDirectory();
        embedded = new EmbeddedNodes(directory.resolve("nodes"), ClasspathBinaries::forMajor);
        try {
            TopologyRequest base = request(declaration).build();
            Topology topology = TopologyEngine.topology(base);
            Provider provider = Provider.of(declaration.topologyFile(), topology.postgresVersion());
            List<NodeDefinition> forRun = new ArrayList<>();
            ExternalNodes external = new ExternalNodes(serverId -> null, System.getenv());
            for (NodeDefinition node : topology.nodes()) {
                NodeAddress address;
                if (!node.embedded()) {
                    address = external.resolve(node);
                    forRun.add(node);
                } else if (provider.testcontainers()) {
                    address = containers().start(node, provider.image());
                    forRun.add(asExternal(node, address));
                } else {
                    address = embedded.start(node, topology.postgresVersion(), false);
                    forRun.add(node);
                }
                addresses.put(node.name(), address);
                properties.putAll(propertiesSeenByNodes(address, provider.testcontainers() && node.embedded()));
            }
            if (declaration.update()) {
                TopologyRequest.Builder update = request(declaration);
                if (provider.testcontainers()) {
                    // The engine connects through the mapped ports; the changelogs must see the in-network ones.
                    update.inlineNodes(forRun, topology.source(), topology.changeLogDirectory()).properties(properties);
                }
                RunReport report = new TopologyEngine(log).run(update.build());
                if (report.failed()) {
                    throw new IllegalStateException(declaration.source() + ": update failed: " + report.firstFailure());
                }
            }
        } catch (RuntimeException | Error e) {
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The nodes' addresses as the test reaches them. */
    public Map<String, NodeAddress> addresses() {
        return addresses;
    }

    /** The {@code fdw.node.*} properties as the changelogs saw them. */
    public Map<String, String> properties() {
        return properties;
    }

    /**
     * The {@code fdw.node.<name>.*} properties of one node. A node in a Docker container is reached by the other
     * containers through its network alias (the node name) on PostgreSQL's own port, not through the port mapped to
     * this machine that {@code address} holds.
     */
    public static Map<String, String> propertiesSeenByNodes(NodeAddress address, boolean inDockerNetwork) {
        String prefix = "fdw.node." + address.name() + ".";
        Map<String, String> result = new LinkedHashMap<>();
        result.put(prefix + "host", inDockerNetwork ? address.name() : address.host());
        result.put(prefix + "port", Integer.toString(inDockerNetwork ? 5432 : address.port()));
        result.put(prefix + "dbname", address.dbname());
        result.put(prefix + "username", address.username());
        if (address.password() != null) {
            result.put(prefix + "password", address.password());
        }
        return result;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            embedded.stopStarted();
        } finally {
            try {
                if (containers != null) {
                    containers.close();
                }
            } finally {
                deleteQuietly(directory);
            }
        }
    }

    private TopologyRequest.Builder request(Declaration declaration) {
        TopologyRequest.Builder b = TopologyRequest.builder(Goal.UPDATE)
                .postgresVersion(declaration.postgresVersion())
                .nodesDirectory(directory.resolve("nodes"))
                .outputDirectory(directory.resolve("out"))
                .contexts(declaration.contexts())
                .properties(declaration.properties())
                .environment(System.getenv())
                .binaries(ClasspathBinaries::forMajor);
        if (declaration.topologyFile() != null) {
            b.topologyFile(declaration.topologyFile());
        } else {
            b.inlineNodes(declaration.inlineNodes(), declaration.source(), declaration.changeLogDirectory());
        }
        return b;
    }

    private ContainerNodes containers() {
        if (containers == null) {
            try {
                Class.forName("org.testcontainers.containers.PostgreSQLContainer", false,
                        RunningTopology.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The topology asks for 'provider: testcontainers' but Testcontainers"
                        + " is not on the test class path; add the test dependency org.testcontainers:postgresql.", e);
            }
            containers = new ContainerNodes();
        }
        return containers;
    }

    /** A container node, for the engine, is a node reached by URL with a known login. */
    private static NodeDefinition asExternal(NodeDefinition node, NodeAddress address) {
        return new NodeDefinition(node.name(), address.jdbcUrl(), address.username(), address.password(), null, null,
                node.changeLogFile(), node.contexts(), node.labels(), node.defaultSchemaName(), node.properties(),
                node.dependsOn(), node.line());
    }

    private static Path createDirectory() {
        try {
            // Readable by others: where the server runs as an unprivileged account it must enter this directory.
            return Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "liquibase-fdw-junit-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test run for
        }
    }
}
