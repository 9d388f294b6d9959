package liquibase.ext.fdw.topology;

/** A node cannot be reached or refused the login, or its connection was lost; the message names the node. */
public class NodeConnectionException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final String node;

    public NodeConnectionException(String node, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
