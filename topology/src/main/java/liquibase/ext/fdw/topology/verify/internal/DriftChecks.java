package liquibase.ext.fdw.topology.verify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liquibase.ext.fdw.topology.verify.Finding;
import liquibase.ext.fdw.topology.verify.VerifyOptions;

/**
 * The catalog side of {@code verify}: on every node, each postgres_fdw server is mapped to the node it connects to
 * (by host, port and dbname, with libpq's and postgres_fdw's defaults), tried through postgres_fdw with the
 * connected role's own mapping, and each of its foreign tables is compared with the remote table on that node:
 * columns, the CHECK constraint {@code createBoundsCheck} puts there for a foreign partition's bound (both sides as
 * PostgreSQL renders them), and the shard's rows against that bound. Roles that can read a foreign table (through
 * its partitioned parent) but have no user mapping for its server are reported too.
 */
public final class DriftChecks {
    /** Seconds a server has to answer the reachability probe. */
    static final int PROBE_SECONDS = 30;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "");
    private final List<VerifyNode> nodes;
    private final VerifyOptions options;
    private final List<Finding> findings = new ArrayList<>();

    public DriftChecks(List<VerifyNode> nodes, VerifyOptions options) {
        this.nodes = List.copyOf(nodes);
        this.options = options;
    }

    /** Runs every check on every node; a catalog that cannot be read fails the run (SQLException). */
    public List<Finding> run() throws SQLException {
        for (VerifyNode node : nodes) {
            checkNode(node);
        }
        return List.copyOf(findings);
    }

    private void checkNode(VerifyNode node) throws SQLException {
        Connection connection = node.connection();
        List<Catalog.Server> servers = Catalog.servers(connection);
        if (servers.isEmpty()) {
            return;
        }
        String currentUser = Catalog.currentUser(connection);
        List<Catalog.ForeignTable> tables = Catalog.foreignTables(connection);
        for (Catalog.Server server : servers) {
            List<Catalog.ForeignTable> ofServer = tables.stream().filter(t -> t.server().equals(server.name())).toList();
            VerifyNode target = checkAddress(node, server, currentUser);
            if (!ofServer.isEmpty()) {
                checkReachable(node, server, ofServer.get(0));
            }
            checkMappings(node, server, ofServer);
            if (target == null) {
                continue;
            }
            for (Catalog.ForeignTable table : ofServer) {
                checkRemote(node, target, table);
            }
        }
    }

    /** The node the server connects to, or null (then a finding says so). */
    private VerifyNode checkAddress(VerifyNode node, Catalog.Server server, String currentUser) {
        String host = server.hostaddr() != null ? server.hostaddr() : server.host() == null ? "localhost"
                : server.host().split(",")[0].trim();
        String port = server.port() == null ? "5432" : server.port().split(",")[0].trim();
        String dbname = server.dbname() != null ? server.dbname()
                : server.mappedUser() != null ? server.mappedUser() : currentUser;
        VerifyNode target = null;
        for (VerifyNode candidate : nodes) {
            if (sameHost(candidate.host(), host) && String.valueOf(candidate.port()).equals(port)
                    && candidate.dbname().equals(dbname)) {
                target = candidate;
                break;
            }
        }
        VerifyNode named = nodes.stream().filter(n -> n.name().equals(server.name())).findFirst().orElse(null);
        String where = "host " + host + " port " + port + " dbname " + dbname;
        if (target == null || named != null && target != named) {
            String message = "server " + server.name() + " connects to " + where + ", which is "
                    + (target == null ? "no node of the topology" : "node " + target.name());
            String fix;
            if (named != null) {
                message += "; node " + named.name() + " is at host " + named.host() + " port " + named.port()
                        + " dbname " + named.dbname();
                fix = "point the server at node " + named.name() + " with an alterForeignServer changeset on "
                        + node.name() + " (" + differences(host, port, dbname, named) + ")";
            } else {
                fix = "point the server's host, port and dbname at a node of the topology with an alterForeignServer"
                        + " changeset on " + node.name() + ", or add the node it connects to to the topology";
            }
            findings.add(new Finding(node.name(), server.name(), "server-address", message, fix));
        }
        return target;
    }

    private static String differences(String host, String port, String dbname, VerifyNode named) {
        List<String> options = new ArrayList<>();
        if (!sameHost(named.host(), host)) {
            options.add("host '" + named.host() + "'");
        }
        if (!String.valueOf(named.port()).equals(port)) {
            options.add("port '" + named.port() + "'");
        }
        if (!named.dbname().equals(dbname)) {
            options.add("dbname '" + named.dbname() + "'");
        }
        return "set " + String.join(", ", options);
    }

    private static boolean sameHost(String a, String b) {
        String x = a == null ? "" : a.toLowerCase(Locale.ROOT);
        String y = b == null ? "" : b.toLowerCase(Locale.ROOT);
        // A Unix-socket directory is this machine too, as the loopback names are.
        return x.equals(y) || (LOOPBACK.contains(x) || x.startsWith("/")) && (LOOPBACK.contains(y) || y.startsWith("/"));
    }

    /**
     * Reads one row of the server's first foreign table through postgres_fdw, as the connected role; a server that
     * does not answer within {@link #PROBE_SECONDS} counts as unreachable (postgres_fdw sets no connect timeout).
     */
    private void checkReachable(VerifyNode node, Catalog.Server server, Catalog.ForeignTable table) throws SQLException {
        try (Statement statement = node.connection().createStatement()) {
            statement.execute("SET statement_timeout = '" + PROBE_SECONDS + "s'");
            try {
                statement.executeQuery("SELECT 1 FROM " + quote(table.schema()) + "." + quote(table.name()) + " LIMIT 1")
                        .close();
            } finally {
                statement.execute("RESET statement_timeout");
            }
        } catch (SQLException e) {
            if (!connectionFailure(e)) {
                // The server answered: a missing remote table or column is reported by the remote checks.
                return;
            }
            findings.add(new Finding(node.name(), server.name(), "server-unreachable", "reading foreign table "
                    + table.qualified() + " through server " + server.name() + " failed: " + said(e),
                    "check the server's host, port and dbname (alterForeignServer) and the user mapping's user and"
                            + " password (alterUserMapping) on " + node.name() + ", and that the remote node is running"));
        }
    }

    private void checkMappings(VerifyNode node, Catalog.Server server, List<Catalog.ForeignTable> tables) throws SQLException {
        Set<String> reported = new LinkedHashSet<>();
        for (Catalog.ForeignTable table : tables) {
            for (String role : Catalog.rolesWithoutMapping(node.connection(), table.queriedOid(), server.name())) {
                if (reported.add(role)) {
                    findings.add(new Finding(node.name(), role + "@" + server.name(), "user-mapping-missing",
                            "role " + role + " can read " + table.queriedName() + " but has no user mapping for server "
                                    + server.name() + " (nor has PUBLIC), so its queries of foreign table "
                                    + table.qualified() + " fail",
                            "add a createUserMapping changeset (userName " + role + ", serverName " + server.name()
                                    + ") to " + node.name() + "'s changelog, or revoke the role's SELECT"));
                }
            }
        }
    }

    private void checkRemote(VerifyNode node, VerifyNode target, Catalog.ForeignTable table) throws SQLException {
        Connection remote = target.connection();
        String remoteName = table.remoteQualified();
        String local = "foreign table " + table.qualified() + " on " + node.name();
        Long oid = Catalog.relation(remote, table.remoteSchema(), table.remoteTable());
        if (oid == null) {
            findings.add(new Finding(target.name(), remoteName, "remote-table-missing", local + " (server "
                    + table.server() + ") reads " + remoteName + ", which does not exist on " + target.name(),
                    "create " + remoteName + " in " + target.name() + "'s changelog, or point the foreign table at an"
                            + " existing table (options schema_name, table_name)"));
            return;
        }
        Map<String, Catalog.Column> remoteColumns = Catalog.columnsByName(remote, oid);
        for (Catalog.Column column : table.columns()) {
            Catalog.Column other = remoteColumns.get(column.remoteName());
            if (other == null) {
                findings.add(new Finding(target.name(), remoteName, "column-missing", "column " + column.name() + " of "
                        + local + " reads remote column " + column.remoteName() + ", which " + remoteName
                        + " does not have", "add column " + column.remoteName() + " in " + target.name()
                        + "'s changelog, or set the foreign column's column_name option to an existing column"));
                continue;
            }
            if (!column.type().equals(other.type())) {
                findings.add(new Finding(target.name(), remoteName, "column-type", "column " + other.name() + " is "
                        + other.type() + " on " + target.name() + " but " + column.type() + " in " + local,
                        "make them agree: alter the column back to " + column.type() + " in " + target.name()
                                + "'s changelog, or ALTER FOREIGN TABLE " + table.qualified() + " ALTER COLUMN "
                                + column.name() + " TYPE " + other.type() + " on " + node.name()));
            }
            if (column.notNull() != other.notNull()) {
                findings.add(new Finding(target.name(), remoteName, "column-nullability", "column " + other.name()
                        + " is " + nullability(other.notNull()) + " on " + target.name() + " but "
                        + nullability(column.notNull()) + " in " + local, "make them agree: "
                        + (column.notNull() ? "SET NOT NULL" : "DROP NOT NULL") + " on the column in " + target.name()
                        + "'s changelog, or ALTER FOREIGN TABLE " + table.qualified() + " ALTER COLUMN " + column.name()
                        + (other.notNull() ? " SET NOT NULL" : " DROP NOT NULL") + " on " + node.name()));
            }
        }
        if (table.constraint() != null && !"DEFAULT".equals(table.bound())) {
            boolean guarded = checkBounds(node, target, table, oid);
            if (!guarded && options.rowCheck() != VerifyOptions.RowCheck.OFF) {
                checkRows(node, target, table);
            }
        }
    }

    private static String nullability(boolean notNull) {
        return notNull ? "NOT NULL" : "nullable";
    }

    /**
     * Compares the shard table's CHECK constraints with the partition constraint PostgreSQL derives from the bound
     * ({@code createBoundsCheck} creates exactly that expression, so PostgreSQL renders both alike). Returns whether
     * a validated matching constraint guards the rows.
     */
    private boolean checkBounds(VerifyNode node, VerifyNode target, Catalog.ForeignTable table, long oid) throws SQLException {
        String expected = "CHECK (" + table.constraint() + ")";
        List<Catalog.Check> checks = Catalog.checks(target.connection(), oid);
        for (Catalog.Check check : checks) {
            String definition = check.definition().replaceFirst(" NOT VALID$", "");
            if (definition.equals(expected)) {
                return check.validated();
            }
        }
        String remoteName = table.remoteQualified();
        String partition = "foreign partition " + table.qualified() + " on " + node.name() + " (" + table.bound() + ")";
        String add = "a createBoundsCheck changeset (schemaName " + table.remoteSchema() + ", tableName "
                + table.remoteTable() + ", the partition's bound) in " + target.name() + "'s changelog";
        Catalog.Check named = checks.stream().filter(c -> c.name().endsWith("_fdw_bounds")).findFirst().orElse(null);
        if (named != null) {
            findings.add(new Finding(target.name(), remoteName, "bounds-check-differs", "CHECK constraint "
                    + named.name() + " is " + named.definition() + " but the bound of " + partition + " is " + expected,
                    "replace it: drop constraint " + named.name() + " and add " + add));
        } else {
            findings.add(new Finding(target.name(), remoteName, "bounds-check-missing", "no CHECK constraint of "
                    + remoteName + " matches the bound of " + partition + ", " + expected,
                    "add " + add + ", so no row outside the bound can be written there"));
        }
        return false;
    }

    /** Counts the shard's rows outside the bound, with the partition constraint evaluated on the shard. */
    private void checkRows(VerifyNode node, VerifyNode target, Catalog.ForeignTable table) {
        List<String> select = new ArrayList<>();
        for (Catalog.Column column : table.columns()) {
            select.add(quote(column.remoteName()) + " AS " + quote(column.name()));
        }
        boolean sample = options.rowCheck() == VerifyOptions.RowCheck.SAMPLE;
        String sql = "SELECT count(*) FROM (SELECT " + String.join(", ", select) + " FROM "
                + quote(table.remoteSchema()) + "." + quote(table.remoteTable())
                + (sample ? " LIMIT " + options.sampleRows() : "") + ") r WHERE (" + table.constraint() + ") IS NOT TRUE";
        long outside;
        try (PreparedStatement statement = target.connection().prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            outside = rows.getLong(1);
        } catch (SQLException e) {
            // The bound's expression does not apply to the remote columns (a type that differs is reported already).
            return;
        }
        if (outside > 0) {
            String remoteName = table.remoteQualified();
            findings.add(new Finding(target.name(), remoteName, "rows-outside-bounds", outside + " row(s) of "
                    + remoteName + (sample ? " (among the first " + options.sampleRows() + " read)" : "")
                    + " lie outside the bound of foreign partition " + table.qualified() + " on " + node.name() + " ("
                    + table.bound() + ")", "move those rows to the partition their key belongs in (or delete them) on "
                    + target.name() + ", then add a createBoundsCheck changeset so it cannot happen again"));
        }
    }

    /**
     * Whether postgres_fdw could not open its connection: no connection (08), a refused login (28, 2F), no user
     * mapping to log in with (42704), or no answer within the probe's time (57014).
     */
    private static boolean connectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("28") || state.startsWith("2F") || state.equals("42704")
                || state.equals("57014");
    }

    /** PostgreSQL's message without its severity, with its detail. */
    private static String said(SQLException e) {
        List<String> lines = String.valueOf(e.getMessage()).lines().map(String::strip).toList();
        String first = lines.isEmpty() ? "" : lines.get(0).replaceFirst("^ERROR: ", "");
        String detail = lines.stream().filter(l -> l.startsWith("Detail: ")).map(l -> l.substring(8)).findFirst()
                .orElse(null);
        return detail == null ? first : first + " (" + detail + ")";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
