package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.StandardLockService;
import liquibase.resource.ResourceAccessor;
import liquibase.UpdateSummaryOutputEnum;

/**
 * One open connection to a node for the length of a run, and the node's Liquibase lock.
 *
 * <p>The lock taken before the run is held until the run ends; meanwhile Liquibase sees it through
 * {@link TopologyLockService}. A release only touches the lock row while it still carries the grant time read when
 * this session took it, so another process's lock is never freed.
 */
final class NodeSession implements AutoCloseable {
    /** The oldest PostgreSQL major the extension's SQL is written for. */
    static final int MIN_MAJOR = 14;

    private final NodeDefinition node;
    private final NodeAddress address;
    private final Database database;
    private volatile String grantedAt;

    private NodeSession(NodeDefinition node, NodeAddress address, Database database) {
        this.node = node;
        this.address = address;
        this.database = database;
    }

    /** Connects and checks the server; the message says which node, where, and what to do. */
    static NodeSession open(NodeDefinition node, NodeAddress address) {
        Connection connection;
        try {
            connection = connect(address);
        } catch (SQLException e) {
            throw new TopologyException("node '" + node.name() + "': cannot connect to " + address.jdbcUrl() + " as "
                    + address.username() + ": " + e.getMessage(), e);
        }
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (!(database instanceof PostgresDatabase)) {
                throw new TopologyException("node '" + node.name() + "' at " + address.jdbcUrl() + " is "
                        + database.getDatabaseProductName() + ", not PostgreSQL; point its url at a PostgreSQL server.");
            }
            int major = database.getDatabaseMajorVersion();
            if (major < MIN_MAJOR) {
                database.close();
                throw new TopologyException("node '" + node.name() + "' runs PostgreSQL " + major
                        + "; liquibase-fdw needs PostgreSQL " + MIN_MAJOR + " or later.");
            }
            if (node.defaultSchemaName() != null) {
                database.setDefaultSchemaName(node.defaultSchemaName());
            }
            return new NodeSession(node, address, database);
        } catch (LiquibaseException e) {
            closeQuietly(connection);
            throw new TopologyException("node '" + node.name() + "': " + e.getMessage(), e);
        }
    }

    static Connection connect(NodeAddress address) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", address.username());
        if (address.password() != null) {
            properties.setProperty("password", address.password());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "liquibase-fdw");
        // The driver is called directly: DriverManager does not see drivers of a Maven plugin's class realm.
        Connection connection = new org.postgresql.Driver().connect(address.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("the URL was not accepted by the PostgreSQL driver");
        }
        return connection;
    }

    NodeDefinition node() {
        return node;
    }

    NodeAddress address() {
        return address;
    }

    Database database() {
        return database;
    }

    /** A Liquibase for the node's changelog with the given changelog parameters. */
    Liquibase liquibase(ResourceAccessor accessor, Map<String, String> parameters) {
        Liquibase liquibase = new Liquibase(node.changeLogFile(), accessor, database);
        // The runner prints one summary table for all nodes; Liquibase's own per-node summary goes to the log.
        liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
        parameters.forEach(liquibase::setChangeLogParameter);
        return liquibase;
    }

    /** Takes the node's Liquibase lock; fails naming who holds it and since when. */
    void acquireLock() {
        // Not through LockServiceFactory: it would cache this standard service for the database, while Liquibase
        // must get TopologyLockService for it from now on.
        StandardLockService locks = new StandardLockService();
        locks.setDatabase(database);
        try {
            if (!locks.acquireLock()) {
                throw new TopologyException(lockHeldMessage(locks));
            }
            grantedAt = grantedAt(jdbc(database));
            TopologyLockService.own(database);
        } catch (LiquibaseException | SQLException e) {
            throw new TopologyException("node '" + node.name() + "': cannot take the Liquibase lock: " + e.getMessage(), e);
        }
    }

    private String lockHeldMessage(LockService locks) throws LiquibaseException {
        String holder = "another process";
        for (DatabaseChangeLogLock lock : locks.listLocks()) {
            holder = lock.getLockedBy() + " since " + lock.getLockGranted();
        }
        return "node '" + node.name() + "': the Liquibase lock is held by " + holder
                + "; wait for that update to finish, or if it died, run mvn fdw:releaseLocks -Dfdw.nodes=" + node.name() + ".";
    }

    /**
     * Releases the lock if it is still the one this session took: the row is compared with the grant time read
     * when it was taken, so a lock another process took since Liquibase released ours is never touched.
     */
    void releaseLock() {
        TopologyLockService.disown(database);
        if (grantedAt == null) {
            return;
        }
        try {
            Connection connection = jdbc(database);
            release(connection, grantedAt);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            releaseLockOnNewConnection();
        }
        grantedAt = null;
    }

    /**
     * Used when the JVM is stopping: frees the node's lock over a fresh connection, so that a half-done changeset
     * on the session's own connection is never committed along with it.
     */
    void releaseLockOnNewConnection() {
        String granted = grantedAt;
        if (granted == null) {
            return;
        }
        try (Connection connection = connect(address)) {
            release(connection, granted);
            grantedAt = null;
        } catch (SQLException e) {
            // Nothing more can be done here; fdw:releaseLocks frees it later.
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

    private static Connection jdbc(Database database) {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    }

    @Override
    public void close() {
        releaseLock();
        try {
            database.close();
        } catch (LiquibaseException e) {
            // The connection is gone either way.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Already failing with a better message.
        }
    }
}
