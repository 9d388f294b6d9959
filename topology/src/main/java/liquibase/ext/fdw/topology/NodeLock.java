package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.StandardLockService;

/**
 * One node's Liquibase lock as the runner owns it: taken through Liquibase's standard lock service (the same
 * DATABASECHANGELOGLOCK row every Liquibase uses), then handed to {@link TopologyLockService} so that the commands
 * of the run see it as theirs. A release only touches the row while it still carries the grant time read when this
 * run took it, so another process's lock is never freed.
 */
final class NodeLock {
    private final String node;
    private final NodeAddress address;
    private final Database database;
    private final NodeConnector connector;
    private volatile String grantedAt;

    NodeLock(String node, NodeAddress address, Database database, NodeConnector connector) {
        this.node = node;
        this.address = address;
        this.database = database;
        this.connector = connector;
    }

    /**
     * Takes the lock; returns who holds it instead when another process does (the lock is then not taken).
     */
    LockHeldException.HeldLock acquire() {
        // Not through LockServiceFactory: it would cache this standard service for the database, while Liquibase
        // must get TopologyLockService for it from now on.
        StandardLockService locks = new StandardLockService();
        locks.setDatabase(database);
        try {
            if (!locks.acquireLock()) {
                String holder = "another process";
                String since = "an unknown time";
                for (DatabaseChangeLogLock lock : locks.listLocks()) {
                    holder = lock.getLockedBy();
                    since = String.valueOf(lock.getLockGranted());
                }
                return new LockHeldException.HeldLock(node, holder, since);
            }
            grantedAt = grantedAt(jdbc());
            stampRun(jdbc());
            TopologyLockService.own(database);
            return null;
        } catch (LiquibaseException | SQLException e) {
            throw new NodeConnectionException(node, "node '" + node + "': cannot take the Liquibase lock: "
                    + Failures.describe(e), e);
        }
    }

    /** Whether this run holds the node's lock. */
    boolean held() {
        return grantedAt != null;
    }

    /**
     * Releases the lock if it is still the one this run took, on the session's connection, or on a new one when
     * that connection is broken. Returns false when the lock could not be freed (the node is unreachable).
     */
    boolean release() {
        TopologyLockService.disown(database);
        if (grantedAt == null) {
            return true;
        }
        try {
            Connection connection = jdbc();
            release(connection, grantedAt);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            grantedAt = null;
            return true;
        } catch (SQLException | RuntimeException e) {
            return releaseOnNewConnection();
        }
    }

    /**
     * Used when the JVM is stopping or the session's connection broke: frees the lock over a fresh connection, so
     * that a half-done changeset on the session's own connection is never committed along with it.
     */
    boolean releaseOnNewConnection() {
        String granted = grantedAt;
        if (granted == null) {
            return true;
        }
        try (Connection connection = connector.open(address)) {
            release(connection, granted);
            grantedAt = null;
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Adds this JVM's PID and the run id to the holder Liquibase recorded (host and address), so that releaseLocks
     * can tell a live run's lock (its session in pg_stat_activity) from one left by a dead process.
     */
    private void stampRun(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + lockTable()
                + " SET lockedby = left(coalesce(lockedby, ''), 150) || ? WHERE id = 1 AND lockgranted::text = ?")) {
            statement.setString(1, " pid " + ProcessHandle.current().pid() + " run " + connector.runId());
            statement.setString(2, grantedAt);
            statement.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /**
     * The holder and grant time of the node's lock when it belongs to a run whose session is still connected, or
     * null (no lock, no run id, or the run is gone).
     */
    String liveHolder() throws SQLException {
        Connection connection = jdbc();
        try (Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT to_regclass('" + lockTable().replace("'", "''") + "')")) {
            if (!exists.next() || exists.getString(1) == null) {
                return null;
            }
        }
        String holder;
        String since;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT lockedby, lockgranted::text FROM " + lockTable() + " WHERE id = 1 AND locked")) {
            if (!rows.next()) {
                return null;
            }
            holder = rows.getString(1);
            since = rows.getString(2);
        }
        java.util.regex.Matcher run = java.util.regex.Pattern.compile(" run ([0-9a-f-]{36})$").matcher(String.valueOf(holder));
        if (!run.find()) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            statement.setString(1, NodeConnector.APPLICATION + run.group(1));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0 ? holder + " since " + since : null;
            }
        }
    }

    private String lockTable() {
        return database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                database.getDatabaseChangeLogLockTableName());
    }

    private String grantedAt(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT lockgranted::text FROM " + lockTable() + " WHERE id = 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private void release(Connection connection, String granted) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + lockTable()
                + " SET locked = FALSE, lockgranted = NULL, lockedby = NULL WHERE id = 1 AND locked AND lockgranted::text = ?")) {
            statement.setQueryTimeout(10);
            statement.setString(1, granted);
            statement.executeUpdate();
        }
    }

    private Connection jdbc() {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    }
}
