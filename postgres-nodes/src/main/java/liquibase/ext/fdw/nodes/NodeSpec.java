package liquibase.ext.fdw.nodes;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** What to start: a named node, its directory, PostgreSQL major, port, database and server settings. */
public final class NodeSpec {
    private final String name;
    private final Path directory;
    private final int major;
    private final int port;
    private final String database;
    private final Map<String, String> settings;
    private final boolean stopOnExit;

    private NodeSpec(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.directory = Objects.requireNonNull(b.directory, "directory").toAbsolutePath().normalize();
        this.major = b.major;
        this.port = b.port;
        this.database = b.database;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
        this.stopOnExit = b.stopOnExit;
    }

    /** Starts a spec for a node called {@code name} kept under {@code directory}. */
    public static Builder builder(String name, Path directory) {
        return new Builder(name, directory);
    }

    public String name() {
        return name;
    }

    /** The node's own directory; the cluster's data lives in {@code data/} below it. */
    public Path directory() {
        return directory;
    }

    public int major() {
        return major;
    }

    /** The TCP port, or 0 for any free port (remembered for later starts of the same directory). */
    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** Server settings asked for beyond the launcher's defaults, in the order they were given. */
    public Map<String, String> settings() {
        return settings;
    }

    public boolean stopOnExit() {
        return stopOnExit;
    }

    /** Builder for {@link NodeSpec}. */
    public static final class Builder {
        private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

        private final String name;
        private final Path directory;
        private int major = PostgresBinaries.defaultMajor();
        private int port;
        private String database = "postgres";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private boolean stopOnExit = true;

        private Builder(String name, Path directory) {
            this.name = name;
            this.directory = directory;
        }

        public Builder major(int value) {
            this.major = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder database(String value) {
            this.database = Objects.requireNonNull(value, "database");
            return this;
        }

        /**
         * A server setting passed as {@code -c name=value}, e.g. {@code setting("max_locks_per_transaction",
         * "256")}; it overrides the launcher's default for the same name. The value is given to the server as
         * written (no quoting needed).
         */
        public Builder setting(String settingName, String value) {
            Objects.requireNonNull(value, "value");
            if (settingName == null || !SETTING_NAME.matcher(settingName).matches()) {
                throw new IllegalArgumentException("Node '" + name + "': '" + settingName + "' is not a PostgreSQL"
                        + " setting name (letters, digits, '_' and '.', e.g. max_locks_per_transaction).");
            }
            this.settings.put(settingName, value);
            return this;
        }

        /** Whether a JVM shutdown stops the node (default true); false keeps it running for later runs. */
        public Builder stopOnExit(boolean value) {
            this.stopOnExit = value;
            return this;
        }

        public NodeSpec build() {
            return new NodeSpec(this);
        }
    }
}
