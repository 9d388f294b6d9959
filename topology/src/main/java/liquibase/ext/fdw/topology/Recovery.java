package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finishes what a crashed atomic run left prepared ({@code fdw:recover}, and the start of every update). On every
 * node it lists this tool's prepared transactions ({@code pg_prepared_xacts}, global id {@code fdw:<run id>:<node>}),
 * and for each run that is no longer connected to any node: commits them all when the run's decision is recorded
 * on some node (table {@value AtomicRun#DECISIONS}), rolls them all back when no node records it and every node
 * of the topology could be asked, and otherwise leaves them and says which node to bring back. The Liquibase lock a
 * recovered run left behind is freed with it.
 */
final class Recovery {
    private final Map<String, NodeAddress> addresses;
    private final NodeConnector connector;
    private final TopologyLog log;
    private final boolean reportIdle;
    private final LevelExecutor executor;

    /**
     * {@code addresses} holds every node of the topology: a decision may sit on any of them. {@code reportIdle}:
     * report every node (fdw:recover), or only nodes where something was found (the start of an update).
     */
    Recovery(Map<String, NodeAddress> addresses, NodeConnector connector, TopologyLog log, boolean reportIdle,
            LevelExecutor executor) {
        this.executor = executor;
        this.addresses = addresses;
        this.connector = connector;
        this.log = log;
        this.reportIdle = reportIdle;
    }

    private record Prepared(String node, String gid, String runId) {
    }

    /** Recovers every dead run's prepared transactions; one result per node saying what was done there. */
    List<NodeResult> run() {
        Map<String, Connection> connections = new LinkedHashMap<>();
        Map<String, String> unreachable = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        try {
            List<NodeAddress> all = List.copyOf(new java.util.TreeMap<>(addresses).values());
            // Every node is asked at once: each connection costs an authentication round trip.
            List<LevelExecutor.Attempt<Connection>> opened = executor.attempt(all, all.size(), this::open);
            RuntimeException unexpected = null;
            for (int i = 0; i < all.size(); i++) {
                lines.put(all.get(i).name(), new ArrayList<>());
                if (opened.get(i).failure() == null) {
                    connections.put(all.get(i).name(), opened.get(i).value());
                } else if (opened.get(i).failure() instanceof SQLException e) {
                    unreachable.put(all.get(i).name(), Failures.describe(e));
                } else if (unexpected == null) {
                    // Thrown once every opened connection is held, so that the finally below closes them all.
                    unexpected = (RuntimeException) opened.get(i).failure();
                }
            }
            if (unexpected != null) {
                throw unexpected;
            }
            List<Prepared> found = new ArrayList<>();
            for (Map.Entry<String, Connection> entry : connections.entrySet()) {
                try {
                    found.addAll(prepared(entry.getKey(), entry.getValue()));
                } catch (SQLException e) {
                    failures.put(entry.getKey(), "cannot list prepared transactions: " + Failures.describe(e));
                }
            }
            Set<String> runs = new LinkedHashSet<>();
            found.forEach(p -> runs.add(p.runId()));
            for (String runId : runs) {
                List<Prepared> ofRun = found.stream().filter(p -> p.runId().equals(runId)).toList();
                String verdict = verdict(runId, connections, unreachable);
                for (Prepared p : ofRun) {
                    if (verdict.startsWith("leave")) {
                        lines.get(p.node()).add("left prepared " + p.gid() + ": " + verdict.substring(6));
                        failures.putIfAbsent(p.node(), "left prepared " + p.gid() + ": " + verdict.substring(6));
                        continue;
                    }
                    boolean commit = verdict.equals("commit");
                    try (Statement statement = connections.get(p.node()).createStatement()) {
                        statement.execute((commit ? "COMMIT" : "ROLLBACK") + " PREPARED '" + p.gid() + "'");
                        lines.get(p.node()).add((commit ? "committed " : "rolled back ") + p.gid()
                                + (commit ? " (decision recorded)" : " (no decision recorded)"));
                    } catch (SQLException e) {
                        if ("42704".equals(e.getSQLState())) {
                            lines.get(p.node()).add(p.gid() + " was already finished by another process");
                        } else {
                            failures.put(p.node(), "cannot finish " + p.gid() + ": " + Failures.describe(e));
                        }
                    }
                }
                if (!verdict.startsWith("leave")) {
                    connections.forEach((node, connection) -> freeLock(node, connection, runId, lines.get(node)));
                }
            }
        } finally {
            for (Connection connection : connections.values()) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // Closing only.
                }
            }
        }
        List<NodeResult> results = new ArrayList<>();
        for (String node : new java.util.TreeSet<>(addresses.keySet())) {
            List<String> done = lines.get(node);
            if (unreachable.containsKey(node)) {
                String message = "unreachable: " + unreachable.get(node) + "; run recover again once it is back";
                if (reportIdle) {
                    log.error("[" + node + "] " + message);
                }
                results.add(new NodeResult(node, 0, NodeResult.Status.FAILED, 0, 0, 0, 0, message, List.of()));
            } else if (failures.containsKey(node)) {
                log.error("[" + node + "] " + failures.get(node));
                done.forEach(line -> log.info("[" + node + "]   " + line));
                results.add(new NodeResult(node, 0, NodeResult.Status.FAILED, done.size(), 0, 0, 0, failures.get(node), done));
            } else {
                String message = done.isEmpty() ? "nothing to recover" : done.size() + " prepared transaction(s) finished";
                if (reportIdle || !done.isEmpty()) {
                    log.info("[" + node + "] " + message);
                }
                done.forEach(line -> log.info("[" + node + "]   " + line));
                results.add(new NodeResult(node, 0, NodeResult.Status.OK, done.size(), 0, 0, 0, message, done));
            }
        }
        return results;
    }

    /** A connection in auto-commit mode, or the failure to open one (nothing left open). */
    private Connection open(NodeAddress address) throws SQLException {
        Connection connection = connector.open(address);
        try {
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** commit, rollback, or "leave: why". */
    private String verdict(String runId, Map<String, Connection> connections, Map<String, String> unreachable) {
        for (Map.Entry<String, Connection> entry : connections.entrySet()) {
            try (PreparedStatement statement = entry.getValue().prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
                statement.setString(1, NodeConnector.APPLICATION + runId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return "leave: run " + runId + " is still connected to node '" + entry.getKey()
                                + "' and finishes its own transactions";
                    }
                }
            } catch (SQLException e) {
                return "leave: cannot tell whether run " + runId + " is alive on node '" + entry.getKey() + "': "
                        + Failures.describe(e);
            }
        }
        for (Map.Entry<String, Connection> entry : connections.entrySet()) {
            try {
                if (decided(entry.getValue(), runId)) {
                    return "commit";
                }
            } catch (SQLException e) {
                return "leave: cannot read the decisions on node '" + entry.getKey() + "': " + Failures.describe(e);
            }
        }
        if (!unreachable.isEmpty()) {
            return "leave: no decision found, but node(s) " + String.join(", ", unreachable.keySet())
                    + " could not be asked; the decision may be there";
        }
        return "rollback";
    }

    private static List<Prepared> prepared(String node, Connection connection) throws SQLException {
        List<Prepared> found = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND gid LIKE '"
                        + AtomicRun.GID_PREFIX + "%' ORDER BY prepared")) {
            while (rows.next()) {
                String gid = rows.getString(1);
                String rest = gid.substring(AtomicRun.GID_PREFIX.length());
                int colon = rest.indexOf(':');
                if (colon > 0) {
                    found.add(new Prepared(node, gid, rest.substring(0, colon)));
                }
            }
        }
        return found;
    }

    /** Whether any schema of the node has a decision table recording {@code runId}. */
    static boolean decided(Connection connection, String runId) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT format('%I.%I', n.nspname, c.relname)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = ? AND c.relkind = 'r'")) {
            statement.setString(1, AtomicRun.DECISIONS);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        for (String table : tables) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE run_id = ?")) {
                statement.setString(1, runId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Frees a Liquibase lock the dead run left on the node (its holder ends with " run <id>"). */
    private void freeLock(String node, Connection connection, String runId, List<String> lines) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('databasechangeloglock')::text")) {
            if (!rows.next() || rows.getString(1) == null) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + rows.getString(1)
                    + " SET locked = FALSE, lockgranted = NULL, lockedby = NULL WHERE id = 1 AND locked AND lockedby LIKE ?")) {
                update.setString(1, "% run " + runId);
                if (update.executeUpdate() > 0) {
                    lines.add("freed the Liquibase lock left by run " + runId);
                }
            }
        } catch (SQLException e) {
            log.warn("[" + node + "] the Liquibase lock of run " + runId + " was not freed: " + Failures.describe(e));
        }
    }
}
