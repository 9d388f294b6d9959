package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A topology whose nodes are reachable, for goals that only read them (graph): the loaded topology, the selected
 * nodes, where each node is (passwords only inside, never printed), each node's status as the status goal reports
 * it, and connections opened with the run's timeouts.
 */
public final class LiveTopology {
    private final Topology topology;
    private final List<NodeDefinition> selected;
    private final Map<String, NodeAddress> addresses;
    private final RunReport status;
    private final NodeConnector connector;
    private final Redactor redactor;

    LiveTopology(Topology topology, List<NodeDefinition> selected, Map<String, NodeAddress> addresses, RunReport status,
            NodeConnector connector, Redactor redactor) {
        this.topology = topology;
        this.selected = List.copyOf(selected);
        this.addresses = Map.copyOf(addresses);
        this.status = status;
        this.connector = connector;
        this.redactor = redactor;
    }

    public Topology topology() {
        return topology;
    }

    /** The nodes the request selected, in the topology's order. */
    public List<NodeDefinition> selected() {
        return selected;
    }

    /** Where node {@code name} is; every node of the topology has one. */
    public NodeAddress address(String name) {
        return addresses.get(name);
    }

    /** The status goal's report over the selected nodes: pending changesets per node. */
    public RunReport status() {
        return status;
    }

    /** A new connection to node {@code name}; the caller closes it. */
    public Connection connect(String name) {
        return connector.connect(addresses.get(name));
    }

    /** {@code text} with every node password masked. */
    public String scrub(String text) {
        return redactor.scrub(text);
    }

    /** Reads what it needs from a live topology. */
    @FunctionalInterface
    public interface Inspection<T> {
        T inspect(LiveTopology live) throws SQLException;
    }
}
