package liquibase.ext.fdw.nodes;

/** A node could not be prepared, started, reached or stopped; the message says which node and why. */
public class NodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NodeException(String message) {
        super(message);
    }

    public NodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
