package liquibase.ext.fdw.topology;

/**
 * A problem with the topology or a node that stops the run; its message is written for the user in the engine's
 * own words (no build-tool flags), and subclasses carry the facts a front end needs to word the fix its own way.
 */
public class TopologyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TopologyException(String message) {
        super(message);
    }

    public TopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
