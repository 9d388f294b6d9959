package liquibase.ext.fdw.topology.testrollback;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.LiquibaseTableNamesFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ext.fdw.nodes.CatalogFingerprint;
import liquibase.ext.fdw.topology.DependencyOrder;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.NodeAddress;
import liquibase.ext.fdw.topology.NodeDefinition;
import liquibase.ext.fdw.topology.NodeResult;
import liquibase.ext.fdw.topology.OnFailure;
import liquibase.ext.fdw.topology.Redactor;
import liquibase.ext.fdw.topology.RunReport;
import liquibase.ext.fdw.topology.RunSettings;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.TopologyLog;
import liquibase.ext.fdw.topology.TopologyRunner;

/**
 * {@code updateTestingRollback} on a topology: fingerprints every selected node ({@link CatalogFingerprint}), updates
 * the topology in dependency order, rolls back on each node the changesets this update applied (by count, dependents
 * first), fingerprints again and fails with {@link RollbackNotRestoredException} when anything differs; otherwise
 * updates again. The report is the second update's.
 */
public final class UpdateTestingRollback {
    private final TopologyRunner runner;
    private final Map<String, NodeAddress> addresses;
    private final TopologyLog log;
    private final Redactor redactor;

    /** {@code runner} runs the update and rollback goals; {@code addresses} reach the nodes for the fingerprints. */
    public UpdateTestingRollback(TopologyRunner runner, Map<String, NodeAddress> addresses, TopologyLog log) {
        this.runner = runner;
        this.addresses = Map.copyOf(addresses);
        this.log = log;
        this.redactor = runner.redactor();
    }

    /** Runs the three steps on {@code selected}; a failed update or rollback ends the run with its report. */
    public RunReport run(List<NodeDefinition> selected, RunSettings settings) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        log.info("updateTestingRollback: reading the catalogs and rows of " + selected.size() + " node(s)");
        Map<String, CatalogFingerprint> before = fingerprints(selected);
        RunReport update = runner.run(selected, settings.withGoal(Goal.UPDATE));
        if (update.failed()) {
            return new RunReport(Goal.UPDATE_TESTING_ROLLBACK, started, millis(start), update.results());
        }
        List<NodeResult> rollback = rollBack(selected, settings, update);
        if (rollback.stream().anyMatch(r -> r.status() != NodeResult.Status.OK)) {
            log.error("updateTestingRollback: the rollback failed; the nodes are left as it left them");
            return new RunReport(Goal.UPDATE_TESTING_ROLLBACK, started, millis(start), rollback);
        }
        Map<String, CatalogFingerprint> after = fingerprints(selected);
        List<String> differences = new ArrayList<>();
        for (NodeDefinition node : selected) {
            differences.addAll(CatalogFingerprint.differences(node.name(), before.get(node.name()), after.get(node.name())));
        }
        if (!differences.isEmpty()) {
            differences.replaceAll(redactor::scrub);
            differences.forEach(d -> log.error("updateTestingRollback: " + d));
            throw new RollbackNotRestoredException(differences);
        }
        log.info("updateTestingRollback: after the rollback every node's catalogs and rows are as before the update;"
                + " updating again");
        RunReport again = runner.run(selected, settings.withGoal(Goal.UPDATE));
        return new RunReport(Goal.UPDATE_TESTING_ROLLBACK, started, millis(start), again.results());
    }

    /** Rolls back each node's changesets of {@code update}, dependents before the nodes they depend on. */
    private List<NodeResult> rollBack(List<NodeDefinition> selected, RunSettings settings, RunReport update) {
        Map<String, Integer> applied = new LinkedHashMap<>();
        update.results().forEach(r -> applied.put(r.node(), r.applied()));
        List<List<NodeDefinition>> levels = new ArrayList<>(DependencyOrder.levels(selected));
        Collections.reverse(levels);
        List<NodeResult> results = new ArrayList<>();
        boolean failed = false;
        for (List<NodeDefinition> level : levels) {
            for (NodeDefinition node : level) {
                int count = applied.getOrDefault(node.name(), 0);
                if (failed || count == 0) {
                    results.add(new NodeResult(node.name(), 0, failed ? NodeResult.Status.NOT_RUN : NodeResult.Status.OK,
                            0, 0, 0, 0, failed ? "not rolled back: an earlier rollback failed" : "nothing to roll back",
                            List.of()));
                    continue;
                }
                log.info("updateTestingRollback: [" + node.name() + "] rolling back the " + count
                        + " changeset(s) this update applied");
                RunSettings undo = new RunSettings(Goal.ROLLBACK, settings.contexts(), settings.labels(), 1,
                        OnFailure.STOP, count, null, null, settings.outputDirectory(), settings.properties());
                NodeResult result = runner.run(List.of(node), undo).results().get(0);
                results.add(result);
                failed |= result.status() != NodeResult.Status.OK;
            }
        }
        return results;
    }

    private Map<String, CatalogFingerprint> fingerprints(List<NodeDefinition> selected) {
        Map<String, CatalogFingerprint> fingerprints = new LinkedHashMap<>();
        for (NodeDefinition node : selected) {
            NodeAddress address = addresses.get(node.name());
            try (Connection connection = runner.connect(address)) {
                fingerprints.put(node.name(), CatalogFingerprint.read(connection, excludedTables(connection)));
            } catch (SQLException e) {
                throw new TopologyException(redactor.scrub("node '" + node.name() + "': cannot read its catalogs and rows"
                        + " for updateTestingRollback: " + e.getMessage()));
            }
        }
        return fingerprints;
    }

    /** Liquibase's own tables and those its extensions register (ledgers): a rollback legitimately leaves them. */
    private static Set<String> excludedTables(Connection connection) throws SQLException {
        try {
            return Scope.child(Map.of(Scope.Attr.classLoader.name(), Thread.currentThread().getContextClassLoader()), () -> {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                        new JdbcConnection(connection));
                Set<String> names = new LinkedHashSet<>(Scope.getCurrentScope()
                        .getSingleton(LiquibaseTableNamesFactory.class).getLiquibaseTableNames(database));
                names.add(database.getDatabaseChangeLogTableName());
                names.add(database.getDatabaseChangeLogLockTableName());
                return names;
            });
        } catch (Exception e) {
            throw new SQLException("cannot list Liquibase's tables: " + e.getMessage(), e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
