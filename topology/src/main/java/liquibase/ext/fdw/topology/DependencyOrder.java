package liquibase.ext.fdw.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders nodes into levels: every node comes after the nodes it depends on; nodes of one level are independent. */
public final class DependencyOrder {
    private DependencyOrder() {
    }

    /** Rejects unknown {@code dependsOn} targets and cycles, naming the node, the line and the cycle. */
    static void check(Topology topology) {
        for (NodeDefinition node : topology.nodes()) {
            for (String target : node.dependsOn()) {
                if (topology.node(target) == null) {
                    throw new TopologyException(where(topology, node) + "node '" + node.name()
                            + "' depends on unknown node '" + target + "'; known nodes are "
                            + String.join(", ", names(topology.nodes())) + ".");
                }
                if (target.equals(node.name())) {
                    throw new TopologyException(where(topology, node) + "node '" + node.name()
                            + "' depends on itself; remove it from its dependsOn.");
                }
            }
        }
        Map<String, Integer> state = new LinkedHashMap<>();
        for (NodeDefinition node : topology.nodes()) {
            visit(topology, node.name(), state, new ArrayList<>());
        }
    }

    private static void visit(Topology topology, String name, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(name);
        if (seen != null && seen == 2) {
            return;
        }
        path.add(name);
        if (seen != null) {
            List<String> cycle = path.subList(path.indexOf(name), path.size());
            throw new TopologyException(topology.source() + ": dependsOn forms a cycle: " + String.join(" -> ", cycle)
                    + "; remove one of these dependencies.");
        }
        state.put(name, 1);
        for (String target : topology.node(name).dependsOn()) {
            visit(topology, target, state, path);
        }
        state.put(name, 2);
        path.remove(path.size() - 1);
    }

    /**
     * Levels for an update of {@code selected}: level 0 holds nodes without (selected) dependencies, level n nodes
     * whose dependencies all sit in lower levels. Declaration order is kept within a level.
     */
    public static List<List<NodeDefinition>> levels(List<NodeDefinition> selected) {
        Set<String> names = new HashSet<>(names(selected));
        Map<String, Integer> level = new LinkedHashMap<>();
        List<List<NodeDefinition>> levels = new ArrayList<>();
        while (level.size() < selected.size()) {
            List<NodeDefinition> current = new ArrayList<>();
            for (NodeDefinition node : selected) {
                if (!level.containsKey(node.name()) && node.dependsOn().stream()
                        .filter(names::contains).allMatch(dep -> level.containsKey(dep) && level.get(dep) < levels.size())) {
                    current.add(node);
                }
            }
            for (NodeDefinition node : current) {
                level.put(node.name(), levels.size());
            }
            levels.add(current);
        }
        return levels;
    }

    /** A node in {@code failed} this one must wait for: a dependency going forward, a dependent in reverse. */
    static String blocker(NodeDefinition node, Set<String> failed, boolean reversed, List<List<NodeDefinition>> levels) {
        if (!reversed) {
            return node.dependsOn().stream().filter(failed::contains).findFirst().orElse(null);
        }
        for (List<NodeDefinition> level : levels) {
            for (NodeDefinition other : level) {
                if (failed.contains(other.name()) && other.dependsOn().contains(node.name())) {
                    return other.name();
                }
            }
        }
        return null;
    }

    private static String where(Topology topology, NodeDefinition node) {
        return topology.source() + (node.line() > 0 ? " line " + node.line() : "") + ": ";
    }

    private static List<String> names(List<NodeDefinition> nodes) {
        return nodes.stream().map(NodeDefinition::name).toList();
    }
}
