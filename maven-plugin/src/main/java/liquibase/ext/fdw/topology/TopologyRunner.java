package liquibase.ext.fdw.topology;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liquibase.Scope;
import liquibase.ThreadLocalScopeManager;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs one goal on the selected nodes of a topology: connects to all of them and checks their versions first, takes
 * every node's Liquibase lock before a goal that changes anything, then works level by level in dependency order
 * (reverse order for rollbacks), the nodes of a level in parallel.
 *
 * <p>Each worker thread gets its own {@link ThreadLocalScopeManager}, so Liquibase scopes (resource accessor,
 * changelog parameters, listeners) of parallel nodes never mix. SQL-writing goals run one node at a time, because
 * Liquibase keeps the executor that redirects SQL to the output file in a JVM-wide registry that each command resets.
 */
public final class TopologyRunner {
    private final Topology topology;
    private final Map<String, NodeAddress> addresses;
    private final TopologyLog log;
    private final Redactor redactor;

    /** {@code addresses} holds every node of the topology, so changelogs can refer to nodes not being run. */
    public TopologyRunner(Topology topology, Map<String, NodeAddress> addresses, TopologyLog log) {
        this.topology = topology;
        this.addresses = Map.copyOf(addresses);
        this.redactor = new Redactor(addresses.values().stream().map(NodeAddress::password).toList());
        this.log = new RedactingLog(log, redactor);
    }

    /** The redactor holding every node password, for callers that print other text. */
    public Redactor redactor() {
        return redactor;
    }

    /** Runs the goal; node failures are in the report, problems before any node ran are thrown. */
    public RunReport run(List<NodeDefinition> selected, RunSettings settings) {
        // Liquibase's own messages while connecting and locking go through the topology log too.
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.logService.name(), new NodeLogService("topology", log));
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        try {
            return Scope.child(scope, () -> runInScope(selected, settings));
        } catch (TopologyException e) {
            throw e;
        } catch (Exception e) {
            throw new TopologyException(redactor.scrub(String.valueOf(e.getMessage())), e);
        }
    }

    private RunReport runInScope(List<NodeDefinition> selected, RunSettings settings) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        List<List<NodeDefinition>> levels = new ArrayList<>(DependencyOrder.levels(selected));
        if (settings.goal().reversed()) {
            Collections.reverse(levels);
        }
        TopologyLockServices.register();
        Map<String, NodeSession> sessions = openAll(selected);
        Thread releaseOnExit = new Thread(() -> sessions.values().forEach(NodeSession::releaseLockOnNewConnection),
                "liquibase-fdw-release-locks");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
        try {
            if (settings.goal().takesLocks()) {
                acquireAll(sessions);
            }
            if (settings.goal() == Goal.UPDATE) {
                validateAll(levels, sessions, settings);
            }
            List<NodeResult> results = runLevels(levels, sessions, settings);
            if (settings.goal() == Goal.UPDATE && settings.onFailure() == OnFailure.ROLLBACK
                    && results.stream().anyMatch(r -> r.status() == NodeResult.Status.FAILED)) {
                results = rollBackRun(levels, sessions, settings, results);
            }
            return new RunReport(settings.goal(), started, (System.nanoTime() - start) / 1_000_000, results);
        } finally {
            sessions.values().forEach(NodeSession::close);
            try {
                Runtime.getRuntime().removeShutdownHook(releaseOnExit);
            } catch (IllegalStateException e) {
                // The JVM is already stopping; the hook releases the locks.
            }
        }
    }

    private Map<String, NodeSession> openAll(List<NodeDefinition> selected) {
        Map<String, NodeSession> sessions = new LinkedHashMap<>();
        try {
            for (NodeDefinition node : selected) {
                NodeAddress address = addresses.get(node.name());
                sessions.put(node.name(), NodeSession.open(node, address));
            }
            return sessions;
        } catch (TopologyException e) {
            sessions.values().forEach(NodeSession::close);
            throw new TopologyException(redactor.scrub(e.getMessage()) + " Nothing was changed on any node.", e);
        }
    }

    private void acquireAll(Map<String, NodeSession> sessions) {
        List<NodeSession> locked = new ArrayList<>();
        try {
            for (NodeSession session : sessions.values()) {
                session.acquireLock();
                locked.add(session);
            }
        } catch (TopologyException e) {
            locked.forEach(NodeSession::releaseLock);
            throw new TopologyException(redactor.scrub(e.getMessage()) + " Nothing was changed on any node.", e);
        }
    }

    /** Validates every node's changelog before the first node changes, so a bad changelog anywhere changes nothing. */
    private void validateAll(List<List<NodeDefinition>> levels, Map<String, NodeSession> sessions, RunSettings settings) {
        RunSettings validate = settings.withGoal(Goal.VALIDATE);
        for (int level = 0; level < levels.size(); level++) {
            for (NodeResult result : runLevel(level, levels.get(level), sessions, validate)) {
                if (result.status() == NodeResult.Status.FAILED) {
                    throw new TopologyException("node '" + result.node() + "': " + result.message()
                            + " Nothing was changed on any node.");
                }
            }
        }
    }

    private List<NodeResult> runLevels(List<List<NodeDefinition>> levels, Map<String, NodeSession> sessions,
            RunSettings settings) {
        List<NodeResult> results = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        boolean stopped = false;
        for (int level = 0; level < levels.size(); level++) {
            List<NodeDefinition> runnable = new ArrayList<>();
            for (NodeDefinition node : levels.get(level)) {
                String blocker = blocker(node, failed, settings.goal().reversed(), levels);
                if (stopped || blocker != null) {
                    failed.add(node.name());
                    results.add(new NodeResult(node.name(), level, NodeResult.Status.NOT_RUN, 0, 0, 0, 0,
                            stopped ? "not run: the run stopped after a failure (onFailure=" + settings.onFailure()
                                    .name().toLowerCase() + ")" : "not run: node '" + blocker + "' failed", List.of()));
                } else {
                    runnable.add(node);
                }
            }
            for (NodeResult result : runLevel(level, runnable, sessions, settings)) {
                results.add(result);
                if (result.status() == NodeResult.Status.FAILED) {
                    failed.add(result.node());
                    stopped |= settings.onFailure() != OnFailure.CONTINUE;
                }
            }
        }
        return results;
    }

    /** A failed node this one must wait for: a dependency on update, a dependent on rollback. */
    private static String blocker(NodeDefinition node, Set<String> failed, boolean reversed,
            List<List<NodeDefinition>> levels) {
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

    private List<NodeResult> runLevel(int level, List<NodeDefinition> nodes, Map<String, NodeSession> sessions,
            RunSettings settings) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        int threads = settings.goal().writesSql() ? 1 : Math.min(settings.parallelism(), nodes.size());
        Scope parent = Scope.getCurrentScope();
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "liquibase-fdw-node");
            thread.setContextClassLoader(classLoader);
            return thread;
        });
        try {
            List<Future<NodeResult>> futures = new ArrayList<>();
            for (NodeDefinition node : nodes) {
                futures.add(pool.submit(() -> {
                    Scope.setScopeManager(new ThreadLocalScopeManager(parent));
                    return runNode(level, sessions.get(node.name()), settings, classLoader);
                }));
            }
            List<NodeResult> results = new ArrayList<>();
            for (Future<NodeResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopologyException("interrupted while nodes were running", e);
        } catch (ExecutionException e) {
            throw new TopologyException(redactor.scrub(String.valueOf(e.getCause())), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private NodeResult runNode(int level, NodeSession session, RunSettings settings, ClassLoader classLoader) {
        long start = System.nanoTime();
        String name = session.node().name();
        ProgressListener listener = new ProgressListener(name, log, redactor, settings.goal().writesSql());
        NodeWork work = new NodeWork(session, settings, listener, parameters(session.node(), settings), log);
        try {
            ResourceAccessor accessor = resourceAccessor(classLoader);
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), accessor);
            scope.put(Scope.Attr.classLoader.name(), classLoader);
            scope.put(Scope.Attr.logService.name(), new NodeLogService(name, log));
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            NodeWork.Outcome outcome = Scope.child(scope, () -> work.run(accessor));
            return new NodeResult(name, level, NodeResult.Status.OK, outcome.applied(), outcome.skipped(),
                    outcome.pending(), millis(start), outcome.message(), outcome.lines());
        } catch (Exception e) {
            String message = redactor.scrub(NodeWork.describe(e));
            if (listener.reportedFailure()) {
                log.debug("[" + name + "] FAILED: " + message);
            } else {
                log.error("[" + name + "] FAILED: " + message);
            }
            return new NodeResult(name, level, NodeResult.Status.FAILED, work.applied(), 0, 0, millis(start), message,
                    List.of());
        }
    }

    private ResourceAccessor resourceAccessor(ClassLoader classLoader) throws FileNotFoundException {
        return new CompositeResourceAccessor(new DirectoryResourceAccessor(topology.changeLogDirectory()),
                new ClassLoaderResourceAccessor(classLoader));
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

    private List<NodeResult> rollBackRun(List<List<NodeDefinition>> levels, Map<String, NodeSession> sessions,
            RunSettings settings, List<NodeResult> results) {
        Map<String, NodeResult> byNode = new LinkedHashMap<>();
        results.forEach(r -> byNode.put(r.node(), r));
        List<List<NodeDefinition>> reversed = new ArrayList<>(levels);
        Collections.reverse(reversed);
        log.info("onFailure=rollback: returning every node this run changed to its state before the run");
        for (List<NodeDefinition> level : reversed) {
            for (NodeDefinition node : level) {
                NodeResult result = byNode.get(node.name());
                if (result.applied() == 0) {
                    continue;
                }
                RunSettings undo = new RunSettings(Goal.ROLLBACK, settings.contexts(), settings.labels(), 1,
                        OnFailure.STOP, result.applied(), null, null, settings.outputDirectory(), settings.properties());
                NodeResult undone = runLevel(result.level(), List.of(node), sessions, undo).get(0);
                byNode.put(node.name(), undoneResult(result, undone));
            }
        }
        return new ArrayList<>(byNode.values());
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

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static Writer sqlWriter(RunSettings settings, String fileName) throws IOException {
        Files.createDirectories(settings.outputDirectory());
        return Files.newBufferedWriter(settings.outputDirectory().resolve(fileName), StandardCharsets.UTF_8);
    }
}
