package liquibase.ext.fdw.topology;

/** A node's login cannot be completed: its credential store entry, environment variable or username is missing. */
public class MissingSecretException extends TopologyException {
    private static final long serialVersionUID = 1L;

    /** Where the missing secret was to come from. */
    public enum Source {
        /** {@code serverId}: the front end's credential store has no such entry. */
        SERVER_ID,
        /** {@code passwordEnv}: the environment variable is not set. */
        PASSWORD_ENV,
        /** No username in the node or its credential store entry. */
        USERNAME
    }

    private final String node;
    private final Source source;
    private final String name;

    public MissingSecretException(String node, Source source, String name, String message) {
        super(message);
        this.node = node;
        this.source = source;
        this.name = name;
    }

    public String node() {
        return node;
    }

    public Source source() {
        return source;
    }

    /** The server id or variable name, or null for a missing username. */
    public String name() {
        return name;
    }
}
