package liquibase.ext.fdw.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code onFailure=rollback}: after a failed update, rolls back every changeset the run applied, node by node in
 * reverse dependency order (dependents before the nodes they read from). When a dependent's rollback fails, the
 * nodes it depends on are left as they are, since rolling them back would break the dependent (foreign tables
 * pointing at dropped shard tables); the summary then says which nodes were rolled back and which were left.
 */
final class RunRollback {
    /** Runs a goal on one node of a level. */
    interface NodeRunner {
        List<NodeResult> run(int level, List<NodeDefinition> nodes, RunSettings settings);
    }

    private final TopologyLog log;
    private final List<List<NodeDefinition>> levels;
    private final NodeRunner runner;

    RunRollback(TopologyLog log, List<List<NodeDefinition>> levels, NodeRunner runner) {
        this.log = log;
        this.levels = levels;
        this.runner = runner;
    }

    /** The results with each changed node's rollback outcome folded in. */
    List<NodeResult> undo(RunSettings settings, List<NodeResult> results) {
        Map<String, NodeResult> byNode = new LinkedHashMap<>();
        results.forEach(r -> byNode.put(r.node(), r));
        List<List<NodeDefinition>> reversed = new ArrayList<>(levels);
        Collections.reverse(reversed);
        log.info("onFailure=rollback: returning every node this run changed to its state before the run");
        Set<String> notUndone = new HashSet<>();
        List<String> rolledBack = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (List<NodeDefinition> level : reversed) {
            for (NodeDefinition node : level) {
                NodeResult result = byNode.get(node.name());
                if (result.applied() == 0) {
                    continue;
                }
                String blocker = DependencyOrder.blocker(node, notUndone, true, levels);
                if (blocker != null) {
                    notUndone.add(node.name());
                    left.add(node.name());
                    byNode.put(node.name(), keptResult(result, blocker));
                    log.error("[" + node.name() + "] not rolled back: node '" + blocker
                            + "', which depends on it, could not be rolled back");
                    continue;
                }
                RunSettings undo = new RunSettings(Goal.ROLLBACK, settings.contexts(), settings.labels(), 1,
                        OnFailure.STOP, result.applied(), null, null, settings.outputDirectory(), settings.properties());
                NodeResult undone = runner.run(result.level(), List.of(node), undo).get(0);
                if (undone.status() == NodeResult.Status.OK) {
                    rolledBack.add(node.name());
                } else {
                    notUndone.add(node.name());
                    left.add(node.name());
                }
                byNode.put(node.name(), undoneResult(result, undone));
            }
        }
        if (!left.isEmpty()) {
            log.error("onFailure=rollback did not finish: rolled back " + names(rolledBack) + "; left with this run's"
                    + " changes: " + names(left) + ". Fix the failing rollback, then roll those nodes back by count.");
        }
        return new ArrayList<>(byNode.values());
    }

    private static String names(List<String> nodes) {
        return nodes.isEmpty() ? "no node" : String.join(", ", nodes.stream().map(n -> "'" + n + "'").toList());
    }

    private static NodeResult keptResult(NodeResult result, String blocker) {
        String note = "not rolled back: node '" + blocker + "', which depends on it, could not be rolled back; this"
                + " run's " + result.applied() + " changeset(s) are still applied";
        return new NodeResult(result.node(), result.level(), NodeResult.Status.FAILED, result.applied(),
                result.skipped(), 0, result.millis(),
                result.status() == NodeResult.Status.FAILED ? result.message() + "; " + note : note, List.of());
    }

    private static NodeResult undoneResult(NodeResult result, NodeResult undone) {
        boolean ok = undone.status() == NodeResult.Status.OK;
        String note = ok ? "rolled back the " + result.applied() + " changeset(s) this run applied"
                : "rolling back this run's " + result.applied() + " changeset(s) FAILED: " + undone.message();
        if (result.status() == NodeResult.Status.FAILED) {
            return new NodeResult(result.node(), result.level(), NodeResult.Status.FAILED, result.applied(),
                    result.skipped(), 0, result.millis() + undone.millis(), result.message() + "; " + note, List.of());
        }
        return new NodeResult(result.node(), result.level(), ok ? NodeResult.Status.ROLLED_BACK : NodeResult.Status.FAILED,
                result.applied(), result.skipped(), 0, result.millis() + undone.millis(), note, List.of());
    }
}
