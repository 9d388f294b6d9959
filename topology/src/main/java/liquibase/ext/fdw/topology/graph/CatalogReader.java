package liquibase.ext.fdw.topology.graph;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one node's layout from PostgreSQL's catalogs: foreign servers and their user mappings, partitioned tables and
 * their partitions, bounds printed by PostgreSQL itself ({@code pg_get_expr}). Which node a server points to is
 * decided by {@code targets} from the server's host, port and dbname.
 */
final class CatalogReader {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    /** Finds the topology node at a server's address, or null; the arguments are postgres_fdw's options. */
    interface Targets {
        String nodeAt(String host, String port, String dbname, String connectingUser);
    }

    private final Connection connection;
    private final Targets targets;

    CatalogReader(Connection connection, Targets targets) {
        this.connection = connection;
        this.targets = targets;
    }

    /** Whether two host names are the same machine as far as a picture can tell (loopback names are one host). */
    static boolean sameHost(String a, String b) {
        String left = a == null ? "localhost" : a.toLowerCase();
        String right = b == null ? "localhost" : b.toLowerCase();
        return left.equals(right) || LOOPBACK.contains(left) && LOOPBACK.contains(right);
    }

    String version() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    List<GraphModel.Server> servers() throws SQLException {
        Map<String, List<GraphModel.Mapping>> mappings = mappings();
        String user = currentUser();
        List<GraphModel.Server> servers = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT s.srvname, w.fdwname, s.srvoptions FROM pg_foreign_server s"
                        + " JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw ORDER BY s.srvname")) {
            while (rows.next()) {
                String name = rows.getString(1);
                Map<String, String> options = options(rows.getArray(3));
                // postgres_fdw connects as the mapping's user; its dbname defaults to that user's name.
                List<GraphModel.Mapping> serverMappings = mappings.getOrDefault(name, List.of());
                String remoteUser = serverMappings.stream().map(GraphModel.Mapping::remoteUser)
                        .filter(u -> u != null).findFirst().orElse(user);
                String target = targets.nodeAt(options.get("host"), options.get("port"), options.get("dbname"),
                        remoteUser);
                servers.add(new GraphModel.Server(name, rows.getString(2), options.get("host"), options.get("port"),
                        options.get("dbname"), target, serverMappings));
            }
        }
        return servers;
    }

    private String currentUser() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_user")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** User mappings per server: the local role and the remote {@code user} option, never the password. */
    private Map<String, List<GraphModel.Mapping>> mappings() throws SQLException {
        Map<String, List<GraphModel.Mapping>> mappings = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT srvname, usename, umoptions FROM pg_user_mappings ORDER BY srvname, usename")) {
            while (rows.next()) {
                mappings.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(new GraphModel.Mapping(rows.getString(2), options(rows.getArray(3)).get("user")));
            }
        }
        return mappings;
    }

    /**
     * Partitioned tables that are not partitions themselves, with their partitions; {@code serverTargets} maps a
     * server name to the node it points to.
     */
    List<GraphModel.Parent> parents(Function<String, String> serverTargets) throws SQLException {
        List<GraphModel.Parent> parents = new ArrayList<>();
        List<Long> oids = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT c.oid, n.nspname, c.relname, pg_get_partkeydef(c.oid) FROM pg_partitioned_table p"
                        + " JOIN pg_class c ON c.oid = p.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE NOT c.relispartition ORDER BY n.nspname, c.relname")) {
            while (rows.next()) {
                oids.add(rows.getLong(1));
                parents.add(new GraphModel.Parent(rows.getString(2), rows.getString(3), rows.getString(4), List.of()));
            }
        }
        List<GraphModel.Parent> result = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            GraphModel.Parent parent = parents.get(i);
            result.add(new GraphModel.Parent(parent.schema(), parent.name(), parent.key(),
                    partitions(oids.get(i), serverTargets)));
        }
        return result;
    }

    private List<GraphModel.Partition> partitions(long parent, Function<String, String> serverTargets)
            throws SQLException {
        List<GraphModel.Partition> partitions = new ArrayList<>();
        // DEFAULT last, the others in the order of their bounds as PostgreSQL prints them, then by name.
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT n.nspname, c.relname, pg_get_expr(c.relpartbound, c.oid), s.srvname, f.ftoptions,"
                        + " c.relkind = 'p' FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_foreign_table f ON f.ftrelid = c.oid"
                        + " LEFT JOIN pg_foreign_server s ON s.oid = f.ftserver WHERE i.inhparent = ?"
                        + " ORDER BY pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT',"
                        + " pg_get_expr(c.relpartbound, c.oid), n.nspname, c.relname")) {
            statement.setLong(1, parent);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    String name = rows.getString(2);
                    String server = rows.getString(4);
                    String remote = null;
                    if (server != null) {
                        // postgres_fdw's defaults: the local schema and table name.
                        Map<String, String> options = options(rows.getArray(5));
                        remote = options.getOrDefault("schema_name", schema) + "."
                                + options.getOrDefault("table_name", name);
                    }
                    partitions.add(new GraphModel.Partition(schema, name, rows.getString(3), server,
                            server == null ? null : serverTargets.apply(server), remote, rows.getBoolean(6)));
                }
            }
        }
        return partitions;
    }

    /** PostgreSQL's {@code name=value} option array as a map; null (no options, or not readable) is empty. */
    static Map<String, String> options(Array array) throws SQLException {
        Map<String, String> options = new LinkedHashMap<>();
        if (array == null) {
            return options;
        }
        for (Object item : (Object[]) array.getArray()) {
            String text = String.valueOf(item);
            int equals = text.indexOf('=');
            if (equals > 0) {
                options.put(text.substring(0, equals), text.substring(equals + 1));
            }
        }
        return options;
    }
}
