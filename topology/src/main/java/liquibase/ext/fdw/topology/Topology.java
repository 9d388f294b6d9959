package liquibase.ext.fdw.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A validated set of nodes with their dependencies, and the settings of its embedded nodes. */
public final class Topology {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private final String source;
    private final Path changeLogDirectory;
    private final int postgresVersion;
    private final Map<String, NodeDefinition> nodes;
    private final boolean atomic;

    /**
     * Checks that every {@code dependsOn} target exists and that there is no cycle.
     *
     * @param source name used in messages, e.g. the topology file name
     */
    public Topology(String source, Path changeLogDirectory, int postgresVersion, Collection<NodeDefinition> nodes) {
        this(source, changeLogDirectory, postgresVersion, nodes, false);
    }

    /** A topology whose file asks for atomic updates ({@code atomic: true}) or not. */
    public Topology(String source, Path changeLogDirectory, int postgresVersion, Collection<NodeDefinition> nodes,
            boolean atomic) {
        this.atomic = atomic;
        this.source = source;
        this.changeLogDirectory = changeLogDirectory;
        this.postgresVersion = postgresVersion;
        Map<String, NodeDefinition> byName = new LinkedHashMap<>();
        for (NodeDefinition node : nodes) {
            checkName(source, node);
            NodeDefinition first = byName.put(node.name(), node);
            if (first != null) {
                throw new TopologyException(source + (node.line() > 0 ? " line " + node.line() : "") + ": node '"
                        + node.name() + "' is declared twice" + (first.line() > 0 ? " (first on line " + first.line() + ")" : "")
                        + "; give each node a unique name.");
            }
        }
        if (byName.isEmpty()) {
            throw new TopologyException(source + ": no nodes are declared; add at least one node under 'nodes'.");
        }
        this.nodes = byName;
        DependencyOrder.check(this);
    }

    /**
     * A node name becomes a directory, a database and a file name ({@code <node>.sql}), so only letters, digits,
     * '_', '.' and '-' are allowed, and not a name of dots only (which would name a parent directory).
     */
    private static void checkName(String source, NodeDefinition node) {
        String name = node.name();
        if (name == null || !NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
            throw new TopologyException(source + (node.line() > 0 ? " line " + node.line() : "") + ": node name '" + name
                    + "' may only contain letters, digits, '_', '.' and '-' (and not only dots), since it names the"
                    + " node's files and directories; rename it.");
        }
    }

    public String source() {
        return source;
    }

    public Path changeLogDirectory() {
        return changeLogDirectory;
    }

    /** Whether updates run atomically over the nodes unless the request says otherwise. */
    public boolean atomic() {
        return atomic;
    }

    /** PostgreSQL major of embedded nodes. */
    public int postgresVersion() {
        return postgresVersion;
    }

    public List<NodeDefinition> nodes() {
        return List.copyOf(nodes.values());
    }

    public NodeDefinition node(String name) {
        return nodes.get(name);
    }

    /**
     * The nodes named in {@code names} (all nodes when empty), rejecting unknown names; dependencies on nodes left
     * out are ignored for ordering.
     */
    public List<NodeDefinition> select(Set<String> names) {
        if (names == null || names.isEmpty()) {
            return nodes();
        }
        List<NodeDefinition> selected = new ArrayList<>();
        for (String name : names) {
            if (!nodes.containsKey(name)) {
                throw new TopologyException(source + ": node '" + name + "' was selected but is not declared; known nodes are "
                        + String.join(", ", nodes.keySet()) + ".");
            }
        }
        for (NodeDefinition node : nodes.values()) {
            if (names.contains(node.name())) {
                selected.add(node);
            }
        }
        return selected;
    }
}
