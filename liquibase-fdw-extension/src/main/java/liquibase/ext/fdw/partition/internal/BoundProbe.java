package liquibase.ext.fdw.partition.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;

/**
 * Asks PostgreSQL how it would store a bound for a partitioned table, without changing the database: a temporary
 * twin of the parent (same columns, same {@code pg_get_partkeydef}) gets a temporary partition with the bound, its
 * {@code pg_get_expr(relpartbound)} is read, and everything is rolled back. So types, collations, operator classes,
 * date styles and expressions are PostgreSQL's own, never a guess from the literal's shape.
 */
public final class BoundProbe {
    private static final String TWIN = "pg_temp.lbfdw_bound_twin";
    private static final String TWIN_PARTITION = "pg_temp.lbfdw_bound_twin_p";

    /** What PostgreSQL made of a bound: the stored text, or its refusal. */
    public record Result(String bound, SQLException refusal) {
        /** Whether PostgreSQL accepted the bound. */
        public boolean accepted() {
            return refusal == null;
        }
    }

    private BoundProbe() {
    }

    /** The live JDBC connection of a PostgreSQL database, or null offline (updateSQL without a database, tests). */
    public static Connection connection(Database database) {
        if (!(database instanceof PostgresDatabase) || !(database.getConnection() instanceof JdbcConnection jdbc)) {
            return null;
        }
        try {
            Connection connection = jdbc.getUnderlyingConnection();
            return connection == null || connection.isClosed() ? null : connection;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Whether the live database has the table {@code schema.table} (schema null: the current schema); false offline. */
    public static boolean tableExists(Database database, String schema, String table) {
        Connection connection = connection(database);
        if (connection == null) {
            return false;
        }
        try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'f') AND c.relname = ?"
                + " AND n.nspname = coalesce(?::text, current_schema())")) {
            find.setString(1, table);
            find.setString(2, schema);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The bound clause ({@code FOR VALUES ...} or {@code DEFAULT}) as PostgreSQL stores it for partitions of the
     * partitioned table {@code schema.table} (schema null: the current schema), or null when there is no such
     * partitioned table or the probe itself cannot run (no TEMP privilege, read-only server): then PostgreSQL decides
     * when the change runs.
     */
    public static Result render(Connection connection, String schema, String table, String boundSql) throws SQLException {
        String parent = null;
        String keyDef = null;
        try (PreparedStatement find = connection.prepareStatement("SELECT c.oid::regclass::text, pg_get_partkeydef(c.oid)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'p' AND c.relname = ?"
                + " AND n.nspname = coalesce(?::text, current_schema())")) {
            find.setString(1, table);
            find.setString(2, schema);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    parent = rs.getString(1);
                    keyDef = rs.getString(2);
                }
            }
        }
        if (parent == null) {
            return null;
        }
        return renderFor(connection, "LIKE " + parent, "PARTITION BY " + keyDef, boundSql);
    }

    /**
     * Like {@link #render} for a parent that does not exist yet, from its column definitions ({@code "a" date, ...})
     * and its {@code PARTITION BY} clause; null when the probe cannot run.
     */
    public static Result renderFor(Connection connection, String columns, String partitionBy, String boundSql)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            savepoint = connection.setSavepoint();
        }
        try (Statement s = connection.createStatement()) {
            try {
                s.execute("CREATE TEMP TABLE " + TWIN + " (" + columns + ") " + partitionBy);
            } catch (SQLException e) {
                return null; // the probe cannot run here (no TEMP privilege, read-only): not a verdict on the bound
            }
            try {
                s.execute("CREATE TEMP TABLE " + TWIN_PARTITION + " PARTITION OF " + TWIN + " " + boundSql);
            } catch (SQLException e) {
                return new Result(null, e);
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = '" + TWIN_PARTITION + "'::regclass")) {
                rs.next();
                return new Result(rs.getString(1), null);
            }
        } finally {
            // always undone: the probe leaves no trace, and a refused bound does not abort the caller's transaction
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            }
        }
    }
}
