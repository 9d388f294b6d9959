package liquibase.ext.fdw.topology.graph;

import java.util.List;

/**
 * What {@code fdw graph} draws, read from the live nodes: each node with its servers, user mappings and partitioned
 * tables, where every partition lives, pending changesets, and the last run's and verification's results.
 *
 * @param source the topology file (or inline source) the picture is of
 * @param nodes the selected nodes, in the topology's order
 * @param lastRun the last run's {@code report.json}, or null when there is none
 * @param verification the last {@code verify.json}, or null when the topology was not verified yet
 */
public record GraphModel(String source, List<Node> nodes, LastRun lastRun, Verification verification) {

    public GraphModel {
        nodes = List.copyOf(nodes);
    }

    /** The node called {@code name}, or null. */
    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * One node.
     *
     * @param address host:port/dbname, no user or password
     * @param version the server's {@code server_version}
     * @param pending pending changesets as {@code path::id::author}
     * @param statusError why the node's status could not be read, or null
     */
    public record Node(String name, String address, String version, List<String> dependsOn, List<String> pending,
            String statusError, List<Server> servers, List<Parent> parents) {

        public Node {
            dependsOn = List.copyOf(dependsOn);
            pending = List.copyOf(pending);
            servers = List.copyOf(servers);
            parents = List.copyOf(parents);
        }

        /** Whether the node holds servers or partitioned tables (a coordinator) rather than only plain tables. */
        public boolean routes() {
            return !servers.isEmpty() || !parents.isEmpty();
        }
    }

    /**
     * A foreign server as the node defines it.
     *
     * @param target the topology node its host/port/dbname point to, or null when it is outside the topology
     * @param mappings user mappings, user names only
     */
    public record Server(String name, String wrapper, String host, String port, String dbname, String target,
            List<Mapping> mappings) {

        public Server {
            mappings = List.copyOf(mappings);
        }

        /** host:port/dbname as postgres_fdw would connect (its defaults filled in where it has them). */
        public String address() {
            return (host == null ? "(local socket)" : host) + ":" + (port == null ? "5432" : port) + "/"
                    + (dbname == null ? "(user's database)" : dbname);
        }
    }

    /**
     * A user mapping: who connects through the server, as whom on the remote side (no password, ever).
     *
     * @param remoteUser the mapping's {@code user} option, or null when it has none or it cannot be read
     */
    public record Mapping(String localUser, String remoteUser) {
    }

    /**
     * A partitioned table that is not itself a partition.
     *
     * @param key the partition key as PostgreSQL prints it ({@code pg_get_partkeydef}), e.g. {@code RANGE (d)}
     */
    public record Parent(String schema, String name, String key, List<Partition> partitions) {

        public Parent {
            partitions = List.copyOf(partitions);
        }

        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    /**
     * A partition of a parent.
     *
     * @param bound the bound as PostgreSQL prints it ({@code pg_get_expr(relpartbound, oid)})
     * @param server the foreign server of a foreign partition, or null for a local one
     * @param target the node that server points to, or null (local, or outside the topology)
     * @param remoteTable schema.table on the remote side (postgres_fdw's defaults filled in), or null when local
     * @param partitioned whether the partition is itself partitioned
     */
    public record Partition(String schema, String name, String bound, String server, String target,
            String remoteTable, boolean partitioned) {

        public boolean isDefault() {
            return "DEFAULT".equals(bound);
        }

        public boolean foreign() {
            return server != null;
        }
    }

    /** The last run of the engine ({@code report.json}): goal, start, overall result and one row per node. */
    public record LastRun(String goal, String started, String result, List<RunRow> rows) {

        public LastRun {
            rows = List.copyOf(rows);
        }
    }

    /** One node of the last run. */
    public record RunRow(String node, String result, long applied, long skipped, long pending, long millis,
            String message) {
    }

    /** The last verification ({@code verify.json}): when, whether clean, one row per node. */
    public record Verification(String finishedAt, boolean clean, List<VerifyRow> rows) {

        public Verification {
            rows = List.copyOf(rows);
        }
    }

    /** One node's verification; {@code findings} empty when clean. */
    public record VerifyRow(String node, boolean clean, List<Finding> findings) {

        public VerifyRow {
            findings = List.copyOf(findings);
        }
    }

    /** One difference the verification found, with its fix. */
    public record Finding(String node, String object, String kind, String message, String fix) {
    }
}
