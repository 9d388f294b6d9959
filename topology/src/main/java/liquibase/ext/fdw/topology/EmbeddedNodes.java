package liquibase.ext.fdw.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import liquibase.ext.fdw.nodes.NodeLauncher;
import liquibase.ext.fdw.nodes.NodeSpec;
import liquibase.ext.fdw.nodes.PostgresBinaries;
import liquibase.ext.fdw.nodes.PostgresNode;

/**
 * Starts the topology's embedded nodes, each with its data under {@code <baseDirectory>/<node>} and a database
 * named after the node, so separate builds see the same databases. Nodes this instance started are stopped by
 * {@link #stopStarted()}; nodes already running (from {@code fdw:start}) are left running.
 */
public final class EmbeddedNodes {
    private final Path baseDirectory;
    private final IntFunction<PostgresBinaries> binaries;
    private final List<PostgresNode> started = new ArrayList<>();

    /** {@code binaries} resolves the server binaries of a PostgreSQL major (from the build's repositories). */
    public EmbeddedNodes(Path baseDirectory, IntFunction<PostgresBinaries> binaries) {
        this.baseDirectory = baseDirectory;
        this.binaries = binaries;
    }

    /** Starts the node unless it runs already; {@code keepRunning} leaves it running after this build. */
    public NodeAddress start(NodeDefinition node, int major, boolean keepRunning) {
        PostgresNode running = NodeLauncher.start(NodeSpec.builder(node.name(), directory(node))
                .major(major).database(node.name()).stopOnExit(!keepRunning).build(), binaries.apply(major));
        if (running.startedHere() && !keepRunning) {
            started.add(running);
        }
        return new NodeAddress(node.name(), running.jdbcUrl(), running.host(), running.port(), running.database(),
                running.username(), running.password());
    }

    /** Whether the node's server is running. */
    public boolean isRunning(NodeDefinition node, int major) {
        return NodeLauncher.isRunning(directory(node), binaries.apply(major));
    }

    /** Stops the node's server if it runs; its data stays. */
    public void stop(NodeDefinition node, int major) {
        NodeLauncher.stop(directory(node), binaries.apply(major));
    }

    /** Where the node keeps its data and its state file (port, password). */
    public Path directory(NodeDefinition node) {
        return baseDirectory.resolve(node.name()).toAbsolutePath();
    }

    /** Stops the nodes started by this instance. */
    public void stopStarted() {
        for (PostgresNode node : started) {
            node.stop();
        }
        started.clear();
    }
}
