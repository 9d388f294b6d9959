package liquibase.ext.fdw.topology;

/** A request argument the engine cannot use (a count below 1, two rollback targets, an unknown onFailure). */
public class InvalidArgumentException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final String argument;

    /** {@code argument} is the request's name for it (e.g. {@code rollbackCount}), so a front end can name its flag. */
    public InvalidArgumentException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
