package liquibase.ext.fdw.nodes;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** A running local PostgreSQL node: where to reach it and how to log in as its superuser. */
public final class PostgresNode implements AutoCloseable {
    /** The superuser every launched node has. */
    public static final String SUPERUSER = "postgres";
    /** The address nodes listen on. */
    public static final String HOST = "127.0.0.1";
    /** How long logging in to a node may take, in seconds. */
    public static final int LOGIN_TIMEOUT_SECONDS = 30;

    private final NodeSpec spec;
    private final PostgresBinaries binaries;
    private final int port;
    private final String password;
    private final boolean startedHere;

    PostgresNode(NodeSpec spec, PostgresBinaries binaries, int port, String password, boolean startedHere) {
        this.spec = spec;
        this.binaries = binaries;
        this.port = port;
        this.password = password;
        this.startedHere = startedHere;
    }

    public String name() {
        return spec.name();
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The node's database (created on first start when it is not {@code postgres}). */
    public String database() {
        return spec.database();
    }

    public String username() {
        return SUPERUSER;
    }

    /** The superuser's password; secret, never logged by the launcher. */
    public String password() {
        return password;
    }

    public int major() {
        return binaries.major();
    }

    public PostgresBinaries binaries() {
        return binaries;
    }

    public Path directory() {
        return spec.directory();
    }

    /** Whether this JVM started the server (false when it found it already running). */
    public boolean startedHere() {
        return startedHere;
    }

    public String jdbcUrl() {
        return jdbcUrl(spec.database());
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + databaseName;
    }

    /** A new superuser connection to the node's database. */
    public Connection connect() throws SQLException {
        return connect(spec.database(), SUPERUSER, password);
    }

    /**
     * A new connection to any database as any role. Logging in may take at most {@value #LOGIN_TIMEOUT_SECONDS}
     * seconds: a local node that accepts the connection but never answers fails instead of hanging the caller.
     */
    public Connection connect(String databaseName, String user, String userPassword) throws SQLException {
        return connect(databaseName, user, userPassword, LOGIN_TIMEOUT_SECONDS);
    }

    Connection connect(String databaseName, String user, String userPassword, int loginTimeoutSeconds)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (userPassword != null) {
            props.setProperty("password", userPassword);
        }
        props.setProperty("ApplicationName", "liquibase-fdw-nodes");
        props.setProperty("connectTimeout", Integer.toString(loginTimeoutSeconds));
        props.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        // The driver is called directly: DriverManager does not see drivers of a plugin's class loader.
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(databaseName), props);
        if (connection == null) {
            throw new SQLException("pgjdbc refused URL " + jdbcUrl(databaseName));
        }
        return connection;
    }

    /** Creates a database owned by the superuser unless it exists. */
    public void createDatabase(String databaseName) throws SQLException {
        NodeLauncher.createDatabaseIfMissing(this, databaseName);
    }

    /** Drops a database and any sessions connected to it. */
    public void dropDatabase(String databaseName) throws SQLException {
        NodeLauncher.dropDatabase(this, databaseName);
    }

    /** Stops the server (fast shutdown), whoever started it. */
    public void stop() {
        NodeLauncher.stop(this);
    }

    /** Stops the server if this JVM started it and asked to stop it on exit. */
    @Override
    public void close() {
        if (startedHere && spec.stopOnExit()) {
            stop();
        }
    }

    NodeSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "PostgresNode[" + spec.name() + " " + binaries.version() + " " + HOST + ":" + port + "/"
                + spec.database() + "]";
    }
}
