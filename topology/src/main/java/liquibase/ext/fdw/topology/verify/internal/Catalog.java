package liquibase.ext.fdw.topology.verify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog reads of the checks, each as PostgreSQL renders it ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_partition_constraintdef}, {@code pg_get_constraintdef}). User mapping options are never read, except
 * the {@code user} option of the connected role's own mapping, inside the server (for postgres_fdw's dbname default).
 */
final class Catalog {
    private Catalog() {
    }

    /** A postgres_fdw server and the libpq options that say where it connects. */
    record Server(long oid, String name, String host, String hostaddr, String port, String dbname, String mappedUser) {
    }

    /** A column: name, type, NOT NULL and (foreign tables) its {@code column_name} option. */
    record Column(String name, String type, boolean notNull, String columnName) {
        /** The remote column's name: the {@code column_name} option, else the column's own name (postgres_fdw). */
        String remoteName() {
            return columnName != null ? columnName : name;
        }
    }

    /**
     * A foreign table of a postgres_fdw server; for a partition its bound, its partition constraint and its parent
     * (the table users query, for the mapping check).
     */
    record ForeignTable(long oid, String schema, String name, String server, String remoteSchema, String remoteTable,
            String bound, String constraint, long queriedOid, String queriedName, List<Column> columns) {
        String qualified() {
            return schema + "." + name;
        }

        String remoteQualified() {
            return remoteSchema + "." + remoteTable;
        }
    }

    /** A CHECK constraint: name, definition and whether it was validated. */
    record Check(String name, String definition, boolean validated) {
    }

    static List<Server> servers(Connection connection) throws SQLException {
        // pg_user_mappings shows options only where the role may see them: the user option of its own mapping.
        String sql = "SELECT s.oid, s.srvname,"
                + " (SELECT option_value FROM pg_options_to_table(s.srvoptions) WHERE option_name = 'host'),"
                + " (SELECT option_value FROM pg_options_to_table(s.srvoptions) WHERE option_name = 'hostaddr'),"
                + " (SELECT option_value FROM pg_options_to_table(s.srvoptions) WHERE option_name = 'port'),"
                + " (SELECT option_value FROM pg_options_to_table(s.srvoptions) WHERE option_name = 'dbname'),"
                + " (SELECT o.option_value FROM pg_user_mappings m, pg_options_to_table(m.umoptions) o"
                + "   WHERE m.srvid = s.oid AND m.umuser IN (0, (SELECT oid FROM pg_roles WHERE rolname = current_user))"
                + "   AND o.option_name = 'user' ORDER BY m.umuser DESC LIMIT 1)"
                + " FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw"
                + " WHERE w.fdwname = 'postgres_fdw' ORDER BY s.srvname";
        List<Server> servers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                servers.add(new Server(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7)));
            }
        }
        return servers;
    }

    static String currentUser(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_user");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The foreign tables of postgres_fdw servers, with postgres_fdw's defaults for the remote schema and table. */
    static List<ForeignTable> foreignTables(Connection connection) throws SQLException {
        String sql = "SELECT c.oid, n.nspname, c.relname, s.srvname,"
                + " coalesce((SELECT option_value FROM pg_options_to_table(ft.ftoptions) WHERE option_name = 'schema_name'), n.nspname),"
                + " coalesce((SELECT option_value FROM pg_options_to_table(ft.ftoptions) WHERE option_name = 'table_name'), c.relname),"
                + " CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,"
                + " CASE WHEN c.relispartition THEN pg_get_partition_constraintdef(c.oid) END,"
                + " coalesce((SELECT p.oid FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + "   WHERE i.inhrelid = c.oid AND c.relispartition), c.oid),"
                + " coalesce((SELECT pn.nspname || '.' || p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + "   JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition),"
                + "   n.nspname || '.' || c.relname)"
                + " FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_foreign_server s ON s.oid = ft.ftserver"
                + " JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw"
                + " WHERE w.fdwname = 'postgres_fdw' ORDER BY n.nspname, c.relname";
        List<ForeignTable> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long oid = rows.getLong(1);
                tables.add(new ForeignTable(oid, rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getLong(9),
                        rows.getString(10), null));
            }
        }
        List<ForeignTable> result = new ArrayList<>();
        for (ForeignTable t : tables) {
            result.add(new ForeignTable(t.oid(), t.schema(), t.name(), t.server(), t.remoteSchema(), t.remoteTable(),
                    t.bound(), t.constraint(), t.queriedOid(), t.queriedName(), columns(connection, t.oid())));
        }
        return result;
    }

    /** The oid of a table, view or foreign table, or null when there is none. */
    static Long relation(Connection connection, String schema, String name) throws SQLException {
        String sql = "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /** Columns in table order, by name. */
    static Map<String, Column> columnsByName(Connection connection, long oid) throws SQLException {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns(connection, oid).forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    static List<Column> columns(Connection connection, long oid) throws SQLException {
        String sql = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " (SELECT option_value FROM pg_options_to_table(a.attfdwoptions) WHERE option_name = 'column_name')"
                + " FROM pg_attribute a WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, oid);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getString(4)));
                }
            }
        }
        return columns;
    }

    static List<Check> checks(Connection connection, long oid) throws SQLException {
        String sql = "SELECT conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint"
                + " WHERE conrelid = ? AND contype = 'c' ORDER BY conname";
        List<Check> checks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, oid);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    checks.add(new Check(rows.getString(1), rows.getString(2), rows.getBoolean(3)));
                }
            }
        }
        return checks;
    }

    /**
     * Roles that can log in and read {@code table} but have no user mapping for {@code server} (nor a PUBLIC one).
     * Superusers other than the table's owner are left out: they read everything, and a mapping for each is not
     * expected.
     */
    static List<String> rolesWithoutMapping(Connection connection, long table, String server) throws SQLException {
        String sql = "SELECT r.rolname FROM pg_roles r WHERE r.rolcanlogin AND r.rolname !~ '^pg_'"
                + " AND has_table_privilege(r.oid, ?::oid, 'SELECT')"
                + " AND (NOT r.rolsuper OR r.oid = (SELECT relowner FROM pg_class WHERE oid = ?::oid))"
                + " AND NOT EXISTS (SELECT 1 FROM pg_user_mappings m WHERE m.srvname = ? AND m.umuser IN (0, r.oid))"
                + " ORDER BY r.rolname";
        List<String> roles = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, table);
            statement.setLong(2, table);
            statement.setString(3, server);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
        }
        return roles;
    }
}
