package liquibase.ext.fdw.it;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.nodes.NodeLauncher;
import liquibase.ext.fdw.nodes.NodeSpec;
import liquibase.ext.fdw.nodes.PostgresNode;

/**
 * The embedded nodes of an integration-test project, opened the way the plugin opens them, for the checks of the
 * project's verify script: what is left in a node's catalog, and single values read from it.
 */
public final class ItNodes {
    private static final Map<String, String> USER_OBJECTS = new LinkedHashMap<>();

    static {
        USER_OBJECTS.put("schema", "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema')"
                + " AND nspname NOT LIKE 'pg\\_%'");
        USER_OBJECTS.put("relation", "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
                + " AND c.relname NOT LIKE 'databasechangelog%'");
        USER_OBJECTS.put("foreign server", "SELECT srvname FROM pg_foreign_server");
        USER_OBJECTS.put("user mapping", "SELECT srvname || ' for ' || usename FROM pg_user_mappings");
        USER_OBJECTS.put("extension", "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'");
        USER_OBJECTS.put("applied changeset", "SELECT id FROM databasechangelog");
    }

    private ItNodes() {
    }

    /** Starts (or finds running) the node the plugin keeps under {@code <basedir>/target/fdw/nodes/<name>}. */
    public static PostgresNode node(File basedir, String name) {
        Path directory = basedir.toPath().resolve("target/fdw/nodes").resolve(name);
        return NodeLauncher.start(NodeSpec.builder(name, directory).database(name).build());
    }

    /** Stops the node if it runs, so that finished projects do not keep servers around. */
    public static void stop(File basedir, String name) {
        NodeLauncher.stop(basedir.toPath().resolve("target/fdw/nodes").resolve(name), 17);
    }

    /** Every user object and applied changeset still in the node's database, as "kind name"; empty when clean. */
    public static List<String> leftovers(File basedir, String name) throws SQLException {
        return withNode(basedir, name, connection -> {
            List<String> found = new ArrayList<>();
            for (Map.Entry<String, String> query : USER_OBJECTS.entrySet()) {
                if (query.getKey().equals("applied changeset") && !exists(connection, "databasechangelog")) {
                    continue;
                }
                for (String value : values(connection, query.getValue())) {
                    found.add(name + ": " + query.getKey() + " " + value);
                }
            }
            return found;
        });
    }

    /** The values of the first column of {@code sql} on the node. */
    public static List<String> query(File basedir, String name, String sql) throws SQLException {
        return withNode(basedir, name, connection -> values(connection, sql));
    }

    /** Runs a statement on the node. */
    public static void execute(File basedir, String name, String sql) throws SQLException {
        withNode(basedir, name, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    /** The node's superuser password, which must not show up in any output. */
    public static String password(File basedir, String name) {
        return node(basedir, name).password();
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static <T> T withNode(File basedir, String name, Work<T> work) throws SQLException {
        PostgresNode node = node(basedir, name);
        try (Connection connection = node.connect()) {
            return work.on(connection);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        return !values(connection, "SELECT 1 WHERE to_regclass('" + table + "') IS NOT NULL").isEmpty();
    }

    private static List<String> values(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
