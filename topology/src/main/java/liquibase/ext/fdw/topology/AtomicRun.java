package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two-phase commit of an atomic update. Every node's commits are held back ({@link DeferredCommits}) while its
 * changesets and their DATABASECHANGELOG rows run; when every node succeeded, each node's transaction is ended by
 * {@code PREPARE TRANSACTION 'fdw:<run id>:<node>'}; once all prepared, the decision to commit is recorded and
 * committed on the decision node (table {@value #DECISIONS}), and only then is {@code COMMIT PREPARED} sent
 * everywhere. Before the decision, any failure rolls back every open and prepared transaction, so no node shows a
 * change. After the decision, a commit that does not go through (node down, JVM killed) is finished by
 * {@link Recovery}, which commits a run's prepared transactions exactly when its decision is recorded.
 *
 * <p>The Liquibase lock rows are taken and committed before the transactions open and freed after they end, so they
 * are never part of a prepared transaction: a prepared transaction of a dead run never blocks releasing its lock.
 */
final class AtomicRun {
    /** Prefix of the global transaction id of every transaction this tool prepares. */
    static final String GID_PREFIX = "fdw:";
    /** The table on the decision node recording which runs decided to commit. */
    static final String DECISIONS = "fdw_atomic_decisions";

    private final String runId;
    private final TopologyLog log;
    private final Map<String, NodeSession> sessions;
    private final NodeSession decisionNode;

    /** {@code sessions} in update order; the last one (a node nothing else depends on) records the decision. */
    AtomicRun(String runId, Map<String, NodeSession> sessions, TopologyLog log) {
        this.runId = runId;
        this.log = log;
        this.sessions = new LinkedHashMap<>(sessions);
        NodeSession last = null;
        for (NodeSession session : sessions.values()) {
            last = session;
        }
        this.decisionNode = last;
    }

    static String gid(String runId, String node) {
        return GID_PREFIX + runId + ":" + node;
    }

    /** Holds back every commit on every node from now on. */
    void begin() {
        for (NodeSession session : sessions.values()) {
            try {
                session.commits().hold();
            } catch (SQLException e) {
                throw new NodeConnectionException(session.node().name(), "node '" + session.node().name()
                        + "': cannot open its atomic transaction: " + Failures.describe(e), e);
            }
        }
    }

    /**
     * Ends the run: prepares, decides and commits when every result is OK; otherwise rolls every node back. Returns
     * the results as they end up (nodes whose work was undone become {@link NodeResult.Status#ROLLED_BACK}).
     */
    List<NodeResult> finish(List<NodeResult> results) {
        String failure = null;
        for (NodeResult result : results) {
            if (result.status() != NodeResult.Status.OK) {
                failure = "node '" + result.node() + "' " + (result.status() == NodeResult.Status.FAILED ? "failed" : "did not run");
                break;
            }
        }
        for (NodeSession session : sessions.values()) {
            if (failure == null && session.commits().rolledBack()) {
                failure = "node '" + session.node().name() + "': Liquibase rolled back its transaction after a failing"
                        + " changeset (failOnError=false), which undid its earlier changesets too";
            }
        }
        List<String> prepared = new ArrayList<>();
        if (failure == null) {
            failure = prepareAll(prepared);
        }
        if (failure == null) {
            failure = decide(prepared);
        }
        if (failure != null) {
            abort(prepared);
            log.error("Atomic update aborted: " + failure + "; every node was rolled back, none changed.");
            return rolledBack(results, failure);
        }
        return commitAll(prepared, results);
    }

    private String prepareAll(List<String> prepared) {
        for (NodeSession session : sessions.values()) {
            String node = session.node().name();
            try {
                Connection connection = session.commits().target();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PREPARE TRANSACTION '" + gid(runId, node) + "'");
                }
                // On a transaction that had failed, PREPARE TRANSACTION rolls back instead of failing: check it exists.
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM pg_prepared_xacts WHERE gid = ?")) {
                    statement.setString(1, gid(runId, node));
                    try (java.sql.ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) != 1) {
                            connection.rollback();
                            return "node '" + node + "': its transaction had failed, PREPARE TRANSACTION rolled it back";
                        }
                    }
                }
                connection.commit();
                prepared.add(node);
                log.info("[" + node + "] prepared (" + gid(runId, node) + ")");
                TestHooks.reached("prepared", prepared.size());
            } catch (SQLException e) {
                return "node '" + node + "': PREPARE TRANSACTION failed: " + Failures.describe(e);
            }
        }
        return null;
    }

    /** Records the decision to commit on the decision node, in a transaction of its own. */
    private String decide(List<String> prepared) {
        String node = decisionNode.node().name();
        try {
            Connection connection = decisionNode.commits().target();
            try (Statement statement = connection.createStatement()) {
                // The decision must survive a crash of the server, whatever the server's default.
                statement.execute("SET LOCAL synchronous_commit = on");
                statement.execute("CREATE TABLE IF NOT EXISTS " + DECISIONS + " (run_id text PRIMARY KEY,"
                        + " decided_at timestamptz NOT NULL DEFAULT now(), nodes text NOT NULL)");
            }
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + DECISIONS
                    + " (run_id, nodes) VALUES (?, ?)")) {
                statement.setString(1, runId);
                statement.setString(2, String.join(",", prepared));
                statement.executeUpdate();
            }
            connection.commit();
            log.info("[" + node + "] decision recorded: commit run " + runId + " on " + String.join(", ", prepared));
            TestHooks.reached("committed", 0);
            return null;
        } catch (SQLException e) {
            try {
                decisionNode.commits().target().rollback();
            } catch (SQLException ignored) {
                // The abort below reports the node.
            }
            return "node '" + node + "': the decision could not be recorded: " + Failures.describe(e);
        }
    }

    private List<NodeResult> commitAll(List<String> prepared, List<NodeResult> results) {
        Map<String, String> failed = new LinkedHashMap<>();
        int done = 0;
        for (String node : prepared) {
            try {
                execute(sessions.get(node).commits().target(), "COMMIT PREPARED '" + gid(runId, node) + "'");
                log.info("[" + node + "] committed");
                done++;
                TestHooks.reached("committed", done);
            } catch (SQLException e) {
                String message = "COMMIT PREPARED failed: " + Failures.describe(e) + "; the decision is recorded, so its"
                        + " changes stay prepared until fdw:recover (liquibase fdw recover) commits them";
                log.error("[" + node + "] " + message);
                failed.put(node, message);
            }
        }
        release();
        List<NodeResult> out = new ArrayList<>();
        for (NodeResult r : results) {
            out.add(failed.containsKey(r.node()) ? new NodeResult(r.node(), r.level(), NodeResult.Status.FAILED,
                    r.applied(), r.skipped(), r.pending(), r.millis(), failed.get(r.node()), r.lines()) : r);
        }
        return out;
    }

    /** Rolls back every node: the prepared transactions by id, the open ones on their connection. */
    void abort(List<String> prepared) {
        for (NodeSession session : sessions.values()) {
            String node = session.node().name();
            try {
                Connection connection = session.commits().target();
                if (prepared.contains(node)) {
                    execute(connection, "ROLLBACK PREPARED '" + gid(runId, node) + "'");
                } else {
                    connection.rollback();
                }
            } catch (SQLException e) {
                log.error("[" + node + "] rollback failed: " + Failures.describe(e)
                        + "; fdw:recover (liquibase fdw recover) rolls back what this run left prepared.");
            }
        }
        release();
    }

    private void release() {
        sessions.values().forEach(s -> s.commits().release());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        // COMMIT/ROLLBACK PREPARED cannot run inside a transaction block.
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static List<NodeResult> rolledBack(List<NodeResult> results, String failure) {
        List<NodeResult> out = new ArrayList<>();
        for (NodeResult r : results) {
            if (r.status() == NodeResult.Status.OK) {
                out.add(new NodeResult(r.node(), r.level(), r.applied() > 0 ? NodeResult.Status.ROLLED_BACK
                        : NodeResult.Status.NOT_RUN, r.applied(), r.skipped(), r.pending(), r.millis(),
                        "rolled back (atomic): " + failure, r.lines()));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
