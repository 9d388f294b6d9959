package liquibase.ext.fdw.topology;

import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import liquibase.ext.fdw.nodes.PostgresBinaries;

/**
 * Everything a front end (Maven goal, Liquibase CLI command, test) asks of the engine, as one immutable value built
 * with {@link #builder(Goal)}: where the topology is, which nodes, the goal's arguments, where output goes, how
 * embedded nodes are found and how secrets are looked up. The engine decides everything else.
 */
public final class TopologyRequest {
    private final Goal goal;
    private final Path topologyFile;
    private final List<NodeDefinition> inlineNodes;
    private final String inlineSource;
    private final Path inlineChangeLogDirectory;
    private final Path changeLogDirectory;
    private final Integer postgresVersion;
    private final Set<String> nodes;
    private final Path nodesDirectory;
    private final Path outputDirectory;
    private final String contexts;
    private final String labels;
    private final Integer parallelism;
    private final OnFailure onFailure;
    private final Integer rollbackCount;
    private final String tag;
    private final Date rollbackDate;
    private final Path propertyFile;
    private final Map<String, String> properties;
    private final Credentials.Store credentials;
    private final Map<String, String> environment;
    private final IntFunction<PostgresBinaries> binaries;
    private final Timeouts timeouts;
    private final boolean force;
    private final Boolean atomic;

    private TopologyRequest(Builder b) {
        this.goal = b.goal;
        this.topologyFile = b.topologyFile;
        this.inlineNodes = b.inlineNodes == null ? null : List.copyOf(b.inlineNodes);
        this.inlineSource = b.inlineSource;
        this.inlineChangeLogDirectory = b.inlineChangeLogDirectory;
        this.changeLogDirectory = b.changeLogDirectory;
        this.postgresVersion = b.postgresVersion;
        this.nodes = Set.copyOf(b.nodes);
        this.nodesDirectory = b.nodesDirectory;
        this.outputDirectory = b.outputDirectory;
        this.contexts = b.contexts;
        this.labels = b.labels;
        this.parallelism = b.parallelism;
        this.onFailure = b.onFailure;
        this.rollbackCount = b.rollbackCount;
        this.tag = b.tag;
        this.rollbackDate = b.rollbackDate;
        this.propertyFile = b.propertyFile;
        this.properties = Map.copyOf(b.properties);
        this.credentials = b.credentials;
        this.environment = Map.copyOf(b.environment);
        this.binaries = b.binaries;
        this.timeouts = b.timeouts;
        this.force = b.force;
        this.atomic = b.atomic;
    }

    /** A builder for a request running {@code goal}. */
    public static Builder builder(Goal goal) {
        return new Builder(goal);
    }

    public Goal goal() {
        return goal;
    }

    /** The topology file, or null when the nodes are given inline. */
    public Path topologyFile() {
        return topologyFile;
    }

    /** Nodes given by the front end instead of a file (the POM's {@code <nodes>}), or null. */
    public List<NodeDefinition> inlineNodes() {
        return inlineNodes;
    }

    /** How inline nodes are named in messages, e.g. {@code pom.xml <nodes>}. */
    public String inlineSource() {
        return inlineSource;
    }

    /** The changelog directory of inline nodes when no override is given. */
    public Path inlineChangeLogDirectory() {
        return inlineChangeLogDirectory;
    }

    /** Overrides the directory the nodes' changelog paths are relative to, or null. */
    public Path changeLogDirectory() {
        return changeLogDirectory;
    }

    /** Overrides the PostgreSQL major of embedded nodes, or null. */
    public Integer postgresVersion() {
        return postgresVersion;
    }

    /** Names of the nodes to run on; empty means every node. */
    public Set<String> nodes() {
        return nodes;
    }

    public Path nodesDirectory() {
        return nodesDirectory;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    public String contexts() {
        return contexts;
    }

    public String labels() {
        return labels;
    }

    /** Most nodes of one level at once, or null for all of them. */
    public Integer parallelism() {
        return parallelism;
    }

    public OnFailure onFailure() {
        return onFailure;
    }

    public Integer rollbackCount() {
        return rollbackCount;
    }

    /** The tag to roll back to (rollback goals) or to set (tag goal), or null. */
    public String tag() {
        return tag;
    }

    public Date rollbackDate() {
        return rollbackDate;
    }

    public Path propertyFile() {
        return propertyFile;
    }

    /** Changelog parameters for every node given by the front end; they win over the property file's. */
    public Map<String, String> properties() {
        return properties;
    }

    public Credentials.Store credentials() {
        return credentials;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public IntFunction<PostgresBinaries> binaries() {
        return binaries;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** Whether releaseLocks frees even the lock of a run that is still connected to the node. */
    public boolean force() {
        return force;
    }

    /** Atomic mode for update (two-phase commit over the nodes); null: as the topology file says. */
    public Boolean atomic() {
        return atomic;
    }

    /**
     * How long the engine waits for a node: to open the TCP connection, to log in, and for any one answer of the
     * server (0 = no limit), in seconds; handed to pgjdbc as {@code connectTimeout}, {@code loginTimeout} and
     * {@code socketTimeout}.
     */
    public record Timeouts(int connectSeconds, int loginSeconds, int socketSeconds) {
        /** Ten seconds to connect, thirty to log in, thirty minutes for one statement. */
        public static final Timeouts DEFAULT = new Timeouts(10, 30, 1800);

        public Timeouts {
            if (connectSeconds < 1 || loginSeconds < 1 || socketSeconds < 0) {
                throw new InvalidArgumentException("timeouts", "timeouts are " + connectSeconds + " s (connect), "
                        + loginSeconds + " s (login) and " + socketSeconds + " s (socket); the connect and login"
                        + " timeouts must be 1 second or more, the socket timeout 0 (no limit) or more.");
            }
        }
    }

    /** Fills a {@link TopologyRequest}; unset values take the engine's defaults. */
    public static final class Builder {
        private final Goal goal;
        private Path topologyFile;
        private List<NodeDefinition> inlineNodes;
        private String inlineSource = "inline nodes";
        private Path inlineChangeLogDirectory;
        private Path changeLogDirectory;
        private Integer postgresVersion;
        private final Set<String> nodes = new LinkedHashSet<>();
        private Path nodesDirectory = Path.of("target", "fdw", "nodes");
        private Path outputDirectory = Path.of("target", "fdw");
        private String contexts;
        private String labels;
        private Integer parallelism;
        private OnFailure onFailure = OnFailure.STOP;
        private Integer rollbackCount;
        private String tag;
        private Date rollbackDate;
        private Path propertyFile;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Credentials.Store credentials = serverId -> null;
        private Map<String, String> environment = Map.of();
        private IntFunction<PostgresBinaries> binaries = PostgresBinaries::forMajor;
        private Timeouts timeouts = Timeouts.DEFAULT;
        private boolean force;
        private Boolean atomic;

        private Builder(Goal goal) {
            this.goal = goal;
        }

        public Builder topologyFile(Path value) {
            topologyFile = value;
            return this;
        }

        /** Nodes declared by the front end; {@code source} names them in messages, {@code directory} holds their changelogs. */
        public Builder inlineNodes(List<NodeDefinition> value, String source, Path directory) {
            inlineNodes = value;
            inlineSource = source;
            inlineChangeLogDirectory = directory;
            return this;
        }

        public Builder changeLogDirectory(Path value) {
            changeLogDirectory = value;
            return this;
        }

        public Builder postgresVersion(Integer value) {
            postgresVersion = value;
            return this;
        }

        /** Adds node names from a comma-separated list; blanks are ignored. */
        public Builder nodes(String commaSeparated) {
            if (commaSeparated != null) {
                for (String name : commaSeparated.split(",")) {
                    if (!name.isBlank()) {
                        nodes.add(name.trim());
                    }
                }
            }
            return this;
        }

        public Builder nodesDirectory(Path value) {
            nodesDirectory = value;
            return this;
        }

        public Builder outputDirectory(Path value) {
            outputDirectory = value;
            return this;
        }

        public Builder contexts(String value) {
            contexts = value;
            return this;
        }

        public Builder labels(String value) {
            labels = value;
            return this;
        }

        public Builder parallelism(Integer value) {
            parallelism = value;
            return this;
        }

        public Builder onFailure(OnFailure value) {
            onFailure = value;
            return this;
        }

        public Builder rollbackCount(Integer value) {
            rollbackCount = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value == null || value.isBlank() ? null : value;
            return this;
        }

        public Builder rollbackDate(Date value) {
            rollbackDate = value;
            return this;
        }

        public Builder propertyFile(Path value) {
            propertyFile = value;
            return this;
        }

        public Builder properties(Map<String, String> value) {
            if (value != null) {
                properties.putAll(value);
            }
            return this;
        }

        public Builder credentials(Credentials.Store value) {
            credentials = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder binaries(IntFunction<PostgresBinaries> value) {
            binaries = value;
            return this;
        }

        public Builder timeouts(Timeouts value) {
            timeouts = value;
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        /** Atomic mode for update; null leaves it to the topology file's {@code atomic}. */
        public Builder atomic(Boolean value) {
            atomic = value;
            return this;
        }

        public TopologyRequest build() {
            return new TopologyRequest(this);
        }
    }
}
