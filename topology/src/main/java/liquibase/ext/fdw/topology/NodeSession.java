package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.SQLException;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;

/**
 * One open connection to a node for the length of a run, as a Liquibase {@link Database}, with the node's lock
 * ({@link NodeLock}). Every Liquibase command of the run is given this database.
 */
final class NodeSession implements AutoCloseable {
    /** The oldest PostgreSQL major the extension's SQL is written for. */
    static final int MIN_MAJOR = 14;

    private final NodeDefinition node;
    private final NodeAddress address;
    private final Database database;
    private final NodeLock lock;

    private NodeSession(NodeDefinition node, NodeAddress address, Database database, NodeConnector connector) {
        this.node = node;
        this.address = address;
        this.database = database;
        this.lock = new NodeLock(node.name(), address, database, connector);
    }

    /** Connects and checks the server; the message says which node, where, and what to do. */
    static NodeSession open(NodeDefinition node, NodeAddress address, NodeConnector connector) {
        Connection connection = DeferredCommits.wrap(connector.connect(address));
        Database database = null;
        try {
            database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (!(database instanceof PostgresDatabase)) {
                throw new TopologyException("node '" + node.name() + "' at " + NodeAddress.maskUrl(address.jdbcUrl())
                        + " is " + database.getDatabaseProductName() + ", not PostgreSQL; point its url at a PostgreSQL server.");
            }
            int major = database.getDatabaseMajorVersion();
            if (major < MIN_MAJOR) {
                throw new TopologyException("node '" + node.name() + "' runs PostgreSQL " + major
                        + "; liquibase-fdw needs PostgreSQL " + MIN_MAJOR + " or later.");
            }
            if (node.defaultSchemaName() != null) {
                database.setDefaultSchemaName(node.defaultSchemaName());
            }
            return new NodeSession(node, address, database, connector);
        } catch (LiquibaseException e) {
            closeQuietly(connection);
            throw new NodeConnectionException(node.name(), "node '" + node.name() + "': " + Failures.describe(e), e);
        } catch (RuntimeException e) {
            // The version check failed: the connection must not leak.
            closeQuietly(connection);
            throw e;
        }
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

    NodeLock lock() {
        return lock;
    }

    /** The commit control of the session's connection, for atomic runs. */
    DeferredCommits commits() {
        return DeferredCommits.of(((JdbcConnection) database.getConnection()).getUnderlyingConnection());
    }

    /** Releases the lock if this session holds it, then closes the connection. */
    @Override
    public void close() {
        lock.release();
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
