package liquibase.ext.fdw.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.ext.fdw.nodes.PostgresNode;
import liquibase.ext.fdw.nodes.SharedNodes;

/**
 * A fresh database on a shared node, one per test: isolation without the cost of a server per test. Close it to
 * drop the database.
 */
public final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final PostgresNode node;
    private final String name;

    private TestDatabase(PostgresNode node, String name) {
        this.node = node;
        this.name = name;
    }

    /** A new empty database on the shared node {@code nodeName} of PostgreSQL {@code major}. */
    public static TestDatabase create(int major, String nodeName) {
        PostgresNode node = SharedNodes.node(major, nodeName);
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try {
            node.createDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + node, e);
        }
        return new TestDatabase(node, name);
    }

    /** A new empty database on {@code node}, a node the test started itself (e.g. with extra server settings). */
    public static TestDatabase create(PostgresNode node) {
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try {
            node.createDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + node, e);
        }
        return new TestDatabase(node, name);
    }

    /** A new empty database on the default major's shared node {@code nodeName}. */
    public static TestDatabase create(String nodeName) {
        return create(liquibase.ext.fdw.nodes.PostgresBinaries.defaultMajor(), nodeName);
    }

    public PostgresNode node() {
        return node;
    }

    public String name() {
        return name;
    }

    public int major() {
        return node.major();
    }

    public String jdbcUrl() {
        return node.jdbcUrl(name);
    }

    /** A new superuser connection. */
    public Connection connect() throws SQLException {
        return node.connect(name, node.username(), node.password());
    }

    /** A Liquibase database over a new superuser connection; the caller closes it. */
    public Database liquibaseDatabase() throws SQLException, DatabaseException {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connect()));
    }

    /** Runs statements as the superuser. */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** Rows of a query, each row rendered as its columns joined by {@code |}. */
    public List<String> query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    /** The single value of a query, or null when it returns no row. */
    public String scalar(String sql) throws SQLException {
        List<String> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public void close() throws SQLException {
        node.dropDatabase(name);
    }
}
