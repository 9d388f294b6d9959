package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liquibase.Scope;

/**
 * Runs one goal on the selected nodes of a topology, in passes:
 * <ol>
 * <li>connect to every node and check its server ({@link NodeSession}, {@link NodeConnector});</li>
 * <li>parse every node's changelog, before anything is created anywhere ({@link ChangelogCheck});</li>
 * <li>take every node's lock up front, released on every path ({@link LockOwnership});</li>
 * <li>check a rollback's target on every node ({@link RollbackTargets}) and validate every changelog against its
 *     node before an update;</li>
 * <li>run the goal level by level in dependency order (reverse order for rollbacks), the nodes of a level in
 *     parallel ({@link LevelExecutor}, {@link NodeCommands});</li>
 * <li>with {@code onFailure=rollback}, undo what the run applied ({@link RunRollback}).</li>
 * </ol>
 * An update first finishes what crashed atomic runs left prepared ({@link Recovery}); an atomic update checks every
 * node can take part ({@link AtomicPreflight}) and ends with the two-phase commit of {@link AtomicRun}.
 * SQL-writing goals run one node at a time, because Liquibase keeps the executor that redirects SQL to the output in
 * a JVM-wide registry that each command resets.
 */
public final class TopologyRunner {
    private final Map<String, NodeAddress> addresses;
    private final TopologyLog log;
    private final Redactor redactor;
    private final NodeConnector connector;
    private final NodeScopes scopes;
    private final LevelExecutor executor;

    /** {@code addresses} holds every node of the topology, so changelogs can refer to nodes not being run. */
    public TopologyRunner(Topology topology, Map<String, NodeAddress> addresses, TopologyLog log,
            TopologyRequest.Timeouts timeouts) {
        Redactor.refuseUnmaskable(addresses);
        this.addresses = Map.copyOf(addresses);
        this.redactor = new Redactor(addresses.values().stream().map(NodeAddress::password).toList());
        this.log = new RedactingLog(log, redactor);
        this.connector = new NodeConnector(timeouts, UUID.randomUUID().toString());
        // Changes that copy rows between nodes (movePartition) reach them with the run's own credentials.
        this.scopes = new NodeScopes(topology.changeLogDirectory(), this.log,
                Thread.currentThread().getContextClassLoader(), new ServerConnections(this.addresses.values(), connector));
        this.executor = new LevelExecutor(redactor);
    }

    /** The redactor holding every node password, for callers that print other text. */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * A new connection to a node with the run's timeouts, for callers that read the nodes between goals; fails naming
     * the node, its URL (password masked) and the user.
     */
    public Connection connect(NodeAddress address) {
        return connector.connect(address);
    }

    /** Runs the goal; node failures are in the report, problems before any node changed are thrown (masked). */
    public RunReport run(List<NodeDefinition> selected, RunSettings settings) {
        MaskedStandardStreams streams = new MaskedStandardStreams(redactor);
        try {
            return Scope.child(scopes.run(), () -> runInScope(selected, settings));
        } catch (TopologyException e) {
            throw Masked.of(e, redactor);
        } catch (Exception e) {
            throw Masked.wrap(e, redactor);
        } finally {
            streams.close();
        }
    }

    private RunReport runInScope(List<NodeDefinition> selected, RunSettings settings) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        if (settings.goal() == Goal.RECOVER) {
            List<NodeResult> recovered = new Recovery(addresses, connector, log, true, executor).run();
            return new RunReport(settings.goal(), started, (System.nanoTime() - start) / 1_000_000, recovered);
        }
        if (settings.goal() == Goal.UPDATE) {
            // A crashed atomic run may hold prepared transactions that would block this update: finish them first.
            new Recovery(addresses, connector, log, false, executor).run();
        }
        List<List<NodeDefinition>> levels = new ArrayList<>(DependencyOrder.levels(selected));
        if (settings.goal().reversed()) {
            Collections.reverse(levels);
        }
        List<NodeResult> unreachable = new ArrayList<>();
        Map<String, NodeSession> sessions = settings.goal() == Goal.RELEASE_LOCKS ? openReachable(selected, unreachable)
                : openAll(selected, settings.parallelism());
        if (!unreachable.isEmpty()) {
            Set<String> reachable = sessions.keySet();
            levels = levels.stream().map(level -> level.stream().filter(n -> reachable.contains(n.name())).toList()).toList();
        }
        try {
            if (settings.goal() == Goal.RELEASE_LOCKS && !settings.force()) {
                LiveLocks.check(sessions.values());
            }
            Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
            selected.forEach(node -> parameters.put(node.name(), parameters(node, settings)));
            Map<String, Integer> sizes = settings.goal().readsChangelog()
                    ? new ChangelogCheck(scopes, executor).check(sessions.values(), parameters) : Map.of();
            try (LockOwnership locks = settings.goal().takesLocks() ? LockOwnership.acquire(sessions.values())
                    : LockOwnership.none(sessions.values())) {
                RollbackTargets.check(sessions.values(), settings);
                NodeRun nodeRun = new NodeRun(sessions, parameters, sizes);
                if (settings.atomic()) {
                    new AtomicPreflight(scopes).check(inOrder(levels, sessions).values(), parameters, settings);
                }
                if (settings.goal() == Goal.UPDATE) {
                    validateAll(levels, nodeRun, settings);
                }
                List<NodeResult> results;
                if (settings.atomic()) {
                    results = runAtomically(levels, nodeRun, settings, inOrder(levels, sessions));
                } else {
                    results = new ArrayList<>(runLevels(levels, nodeRun, settings));
                }
                results.addAll(unreachable);
                if (!settings.atomic() && settings.goal() == Goal.UPDATE && settings.onFailure() == OnFailure.ROLLBACK
                        && results.stream().anyMatch(r -> r.status() == NodeResult.Status.FAILED)) {
                    results = new RunRollback(log, levels, nodeRun::run).undo(settings, results);
                }
                List<String> stuck = locks.releaseAll();
                if (!stuck.isEmpty()) {
                    log.error("The Liquibase lock of " + String.join(", ", stuck.stream().map(n -> "'" + n + "'").toList())
                            + " could not be released (node unreachable); release it once the node is back.");
                }
                return new RunReport(settings.goal(), started, (System.nanoTime() - start) / 1_000_000, results);
            }
        } finally {
            sessions.values().forEach(NodeSession::close);
        }
    }

    private Map<String, NodeSession> openAll(List<NodeDefinition> selected, int parallelism) {
        // Nodes are reached at once: each connection costs an authentication round trip.
        List<LevelExecutor.Attempt<NodeSession>> opened = executor.attempt(selected, parallelism,
                node -> NodeSession.open(node, addresses.get(node.name()), connector));
        Map<String, NodeSession> sessions = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (int i = 0; i < selected.size(); i++) {
            if (opened.get(i).failure() == null) {
                sessions.put(selected.get(i).name(), opened.get(i).value());
            } else if (failure == null) {
                // NodeSession.open throws nothing checked.
                failure = (RuntimeException) opened.get(i).failure();
            }
        }
        if (failure == null) {
            return sessions;
        }
        sessions.values().forEach(NodeSession::close);
        if (failure instanceof NodeConnectionException e) {
            String message = e.getMessage().endsWith(".") || e.getMessage().endsWith(")") ? e.getMessage() : e.getMessage() + ".";
            throw new NodeConnectionException(e.node(), message + " Nothing was changed on any node.", e.getCause());
        }
        throw failure;
    }

    /** Opens what can be opened; each unreachable node becomes a FAILED result (releaseLocks frees the others). */
    private Map<String, NodeSession> openReachable(List<NodeDefinition> selected, List<NodeResult> unreachable) {
        Map<String, NodeSession> sessions = new LinkedHashMap<>();
        for (NodeDefinition node : selected) {
            try {
                sessions.put(node.name(), NodeSession.open(node, addresses.get(node.name()), connector));
            } catch (NodeConnectionException e) {
                String message = redactor.scrub(e.getMessage()) + " Its lock was not released; run again once it is reachable.";
                log.error("[" + node.name() + "] " + message);
                unreachable.add(new NodeResult(node.name(), 0, NodeResult.Status.FAILED, 0, 0, 0, 0, message, List.of()));
            }
        }
        return sessions;
    }

    /**
     * Validates every node's changelog against its node before the first node changes; validation reads only its own
     * node, so every level is validated at once.
     */
    private void validateAll(List<List<NodeDefinition>> levels, NodeRun nodeRun, RunSettings settings) {
        RunSettings validate = settings.withGoal(Goal.VALIDATE);
        Map<String, String> problems = new LinkedHashMap<>();
        for (NodeResult result : nodeRun.runAll(levels, validate)) {
            if (result.status() == NodeResult.Status.FAILED) {
                problems.put(result.node(), result.message());
            }
        }
        if (!problems.isEmpty()) {
            throw new ChangelogValidationException(problems);
        }
    }

    /**
     * The update with every node's commits held back, ended by the two-phase commit of {@link AtomicRun}; whatever
     * ends the run early (an exception) rolls every node back before the locks are released.
     */
    private List<NodeResult> runAtomically(List<List<NodeDefinition>> levels, NodeRun nodeRun, RunSettings settings,
            Map<String, NodeSession> ordered) {
        AtomicRun atomic = new AtomicRun(connector.runId(), ordered, log);
        boolean finished = false;
        try {
            atomic.begin();
            List<NodeResult> results = new ArrayList<>(atomic.finish(runLevels(levels, nodeRun, settings.withGoalOnFailure(
                    OnFailure.STOP))));
            finished = true;
            return results;
        } finally {
            if (!finished) {
                atomic.abort(List.of());
            }
        }
    }

    /** The sessions in update order (dependencies first). */
    private static Map<String, NodeSession> inOrder(List<List<NodeDefinition>> levels, Map<String, NodeSession> sessions) {
        Map<String, NodeSession> ordered = new LinkedHashMap<>();
        levels.forEach(level -> level.forEach(node -> ordered.put(node.name(), sessions.get(node.name()))));
        return ordered;
    }

    private List<NodeResult> runLevels(List<List<NodeDefinition>> levels, NodeRun nodeRun, RunSettings settings) {
        List<NodeResult> results = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        boolean stopped = false;
        for (int level = 0; level < levels.size(); level++) {
            List<NodeDefinition> runnable = new ArrayList<>();
            for (NodeDefinition node : levels.get(level)) {
                String blocker = DependencyOrder.blocker(node, failed, settings.goal().reversed(), levels);
                if (stopped || blocker != null) {
                    failed.add(node.name());
                    results.add(new NodeResult(node.name(), level, NodeResult.Status.NOT_RUN, 0, 0, 0, 0,
                            stopped ? "not run: the run stopped after a failure (onFailure=" + settings.onFailure()
                                    .name().toLowerCase() + ")" : "not run: node '" + blocker + "' failed", List.of()));
                } else {
                    runnable.add(node);
                }
            }
            for (NodeResult result : nodeRun.run(level, runnable, settings)) {
                results.add(result);
                if (result.status() == NodeResult.Status.FAILED) {
                    failed.add(result.node());
                    stopped |= settings.onFailure() != OnFailure.CONTINUE;
                }
            }
        }
        return results;
    }

    /** Topology properties of every node, the run's properties, the node's own, and its name. */
    Map<String, String> parameters(NodeDefinition node, RunSettings settings) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (NodeAddress address : addresses.values()) {
            String prefix = "fdw.node." + address.name() + ".";
            parameters.put(prefix + "host", address.host());
            parameters.put(prefix + "port", String.valueOf(address.port()));
            parameters.put(prefix + "dbname", address.dbname());
            parameters.put(prefix + "username", address.username());
            if (address.password() != null) {
                parameters.put(prefix + "password", address.password());
            }
        }
        parameters.putAll(settings.properties());
        parameters.putAll(node.properties());
        parameters.put("fdw.node.name", node.name());
        return parameters;
    }

    /** Runs one goal on the nodes of a level, each in its own scope, and turns failures into results. */
    private final class NodeRun {
        private final Map<String, NodeSession> sessions;
        private final Map<String, Map<String, String>> parameters;
        private final Map<String, Integer> sizes;

        NodeRun(Map<String, NodeSession> sessions, Map<String, Map<String, String>> parameters, Map<String, Integer> sizes) {
            this.sessions = sessions;
            this.parameters = parameters;
            this.sizes = sizes;
        }

        List<NodeResult> run(int level, List<NodeDefinition> nodes, RunSettings settings) {
            int threads = settings.goal().writesSql() ? 1 : settings.parallelism();
            return executor.run(nodes, threads, node -> runNode(level, sessions.get(node.name()), settings));
        }

        /** Every level's nodes at once, results in level order (for goals that read only their own node). */
        List<NodeResult> runAll(List<List<NodeDefinition>> levels, RunSettings settings) {
            List<Map.Entry<Integer, NodeDefinition>> all = new ArrayList<>();
            for (int level = 0; level < levels.size(); level++) {
                for (NodeDefinition node : levels.get(level)) {
                    all.add(Map.entry(level, node));
                }
            }
            int threads = settings.goal().writesSql() ? 1 : settings.parallelism();
            return executor.run(all, threads, entry -> runNode(entry.getKey(), sessions.get(entry.getValue().name()), settings));
        }

        private NodeResult runNode(int level, NodeSession session, RunSettings settings) {
            long start = System.nanoTime();
            String name = session.node().name();
            ProgressListener listener = new ProgressListener(name, log, redactor, settings.goal().writesSql());
            NodeCommands commands = new NodeCommands(session, settings, listener, parameters.get(name), log, redactor);
            try {
                NodeCommands.Outcome outcome = scopes.inNode(name, () -> commands.run(sizes.getOrDefault(name, 0)));
                return new NodeResult(name, level, NodeResult.Status.OK, outcome.applied(), outcome.skipped(),
                        outcome.pending(), millis(start), redactor.scrub(outcome.message()),
                        outcome.lines().stream().map(redactor::scrub).toList());
            } catch (Exception e) {
                String message = redactor.scrub(Failures.describe(e));
                String changeSet = listener.rollingBack();
                if (changeSet != null && !message.contains(changeSet)) {
                    // Liquibase names the change class, not the changeset, when a rollback is impossible.
                    message = "rolling back changeset " + changeSet + " failed: " + message
                            + (message.contains("No inverse to") ? "; give that changeset a rollback block" : "");
                }
                if (listener.reportedFailure()) {
                    log.debug("[" + name + "] FAILED: " + message);
                } else {
                    log.error("[" + name + "] FAILED: " + message);
                }
                // A partial rollback counts what it did roll back.
                int done = settings.goal().reversed() ? listener.rolledBack() : commands.applied();
                return new NodeResult(name, level, NodeResult.Status.FAILED, done, 0, 0, millis(start), message, List.of());
            }
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
