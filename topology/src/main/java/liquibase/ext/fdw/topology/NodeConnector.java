package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens JDBC connections to a node with bounded timeouts, so a node whose port accepts TCP but never answers fails
 * with a message naming it instead of hanging the run: pgjdbc's {@code connectTimeout} (TCP), {@code loginTimeout}
 * (the whole login, including a server that never sends its greeting) and {@code socketTimeout} (any one answer).
 */
final class NodeConnector {
    /** Prefix of the {@code application_name} of every connection of a run, followed by the run id. */
    static final String APPLICATION = "liquibase-fdw run ";
    private final TopologyRequest.Timeouts timeouts;
    private final String runId;

    /** {@code runId} marks the run's sessions in {@code pg_stat_activity}, so that its locks are known to be live. */
    NodeConnector(TopologyRequest.Timeouts timeouts, String runId) {
        this.timeouts = timeouts;
        this.runId = runId;
    }

    String runId() {
        return runId;
    }

    /** A new connection; fails naming the node, its URL (password masked), the user and the time waited. */
    Connection connect(NodeAddress address) {
        try {
            return open(address);
        } catch (SQLException e) {
            throw new NodeConnectionException(address.name(), "node '" + address.name() + "': cannot connect to "
                    + NodeAddress.maskUrl(address.jdbcUrl()) + " as " + address.username() + ": "
                    + Failures.describe(e) + timedOut(e), e);
        }
    }

    /** A new connection, or the driver's exception: for callers with their own wording. */
    Connection open(NodeAddress address) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", address.username());
        if (address.password() != null) {
            properties.setProperty("password", address.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(timeouts.connectSeconds()));
        properties.setProperty("loginTimeout", String.valueOf(timeouts.loginSeconds()));
        properties.setProperty("socketTimeout", String.valueOf(timeouts.socketSeconds()));
        properties.setProperty("ApplicationName", APPLICATION + runId);
        // The driver is called directly: DriverManager does not see drivers of a plugin's class realm.
        Connection connection = new Driver().connect(address.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("the URL was not accepted by the PostgreSQL driver");
        }
        return connection;
    }

    private String timedOut(SQLException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase();
        if (text.contains("timed out") || text.contains("timeout")) {
            return " (waited " + timeouts.connectSeconds() + " s to connect, " + timeouts.loginSeconds()
                    + " s to log in; the node accepts connections but does not answer)";
        }
        return "";
    }
}
